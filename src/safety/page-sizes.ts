import {
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";

const PAGE_ARGUMENTS = new Set(["first", "last"]);

/**
 * Rewrites every list field that takes `first`/`last` so that it states, as a literal `first`,
 * the most items it can return: the literal given (resolvers refuse more than the largest
 * page, so no more than that counts), the largest page for a value passed in a
 * variable (a variable's default does not bound what a caller sends), or the field's own
 * default page size when none is given. graphql-armor's cost limit then multiplies by it.
 */
export function withWorstCasePageSizes(
  document: DocumentNode,
  schema: GraphQLSchema,
  pageSizes: { defaultSize: number; maxSize: number },
): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const pageArguments = typeInfo.getFieldDef()?.args.filter((argument) => PAGE_ARGUMENTS.has(argument.name)) ?? [];
        if (pageArguments.length === 0) return undefined;

        const sizes = (node.arguments ?? []).flatMap((argument) => {
          if (!PAGE_ARGUMENTS.has(argument.name.value)) return [];
          if (argument.value.kind === Kind.INT) return [Math.min(Number(argument.value.value), pageSizes.maxSize)];
          if (argument.value.kind === Kind.VARIABLE) return [pageSizes.maxSize];
          return [];
        });
        const defaults = pageArguments.map((argument) =>
          typeof argument.defaultValue === "number" ? argument.defaultValue : pageSizes.defaultSize,
        );
        const size = sizes.length > 0 ? Math.max(...sizes) : Math.max(...defaults);

        const first: ArgumentNode = {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: "first" },
          value: { kind: Kind.INT, value: String(size) },
        };
        const others = (node.arguments ?? []).filter((argument) => !PAGE_ARGUMENTS.has(argument.name.value));
        return { ...node, arguments: [first, ...others] };
      },
    }),
  );
}
