// `npm run schema:lint`: graphql-eslint's schema rules over the printed schema.graphql (CI runs it).
import graphql from "@graphql-eslint/eslint-plugin";

export default [
  {
    files: ["schema.graphql"],
    languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig: { schema: "schema.graphql" } } },
    plugins: { "@graphql-eslint": graphql },
    rules: {
      ...graphql.configs["flat/schema-recommended"].rules,
      ...graphql.configs["flat/schema-relay"].rules,
      // Connections list their nodes next to their edges (Pothos' `nodes`), as docs/api.md documents;
      // the editors' lists of subscribers and contact messages page objects that are not Nodes.
      "@graphql-eslint/relay-edge-types": ["error", { listTypeCanWrapOnlyEdgeType: false, shouldImplementNode: false }],
      // Value objects (breadcrumbs, payloads, connections, site settings) have no identity of
      // their own; every type that has one is a Node with a global id.
      "@graphql-eslint/strict-id-in-types": "off",
      // Every type, field, argument and enum value says what it is.
      "@graphql-eslint/require-description": [
        "error",
        {
          types: true,
          rootField: true,
          DirectiveDefinition: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
        },
      ],
    },
  },
];
