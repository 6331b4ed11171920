import {
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLSchema,
  type ValueNode,
  valueFromASTUntyped,
} from "graphql";

const PAGE_ARGUMENTS = new Set(["first", "last"]);
/** Arguments whose list length is how many items a field returns (`nodes(ids:)`). */
const LIST_ARGUMENTS = new Set(["ids"]);

export interface PageSizes {
  defaultSize: number;
  maxSize: number;
}

type Variables = Record<string, unknown>;

/** The names of the variables that decide a page or list size anywhere in the document. */
export function sizeVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      const sizing = PAGE_ARGUMENTS.has(node.name.value) || LIST_ARGUMENTS.has(node.name.value);
      if (sizing && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  });
  return [...names];
}

function variableDefaults(document: DocumentNode): Map<string, ValueNode> {
  const defaults = new Map<string, ValueNode>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      if (variable.defaultValue) defaults.set(variable.variable.name.value, variable.defaultValue);
    }
  }
  return defaults;
}

/**
 * Rewrites every list field that takes `first`/`last` (or a list of `ids`) so that it states, as a
 * literal `first`, how many items it can return: the page size given (a literal, or the value
 * the request's variable holds, or the variable's default), at most the largest page (resolvers
 * refuse more), or the field's default page size when none is given. graphql-armor's cost limit
 * then multiplies by it.
 */
export function withPageSizes(document: DocumentNode, schema: GraphQLSchema, sizes: PageSizes, variables: Variables): DocumentNode {
  const defaults = variableDefaults(document);
  const valueOf = (node: ValueNode): unknown => {
    const unset = node.kind === Kind.VARIABLE && variables[node.name.value] === undefined;
    if (!unset) return valueFromASTUntyped(node, variables);
    const fallback = defaults.get(node.name.value);
    return fallback && valueFromASTUntyped(fallback);
  };
  // A value that is not an integer fails coercion before any resolver runs; count it as the most.
  const pageSize = (value: unknown): number | undefined =>
    value == null ? undefined : Number.isInteger(value) ? Math.max(0, Math.min(value as number, sizes.maxSize)) : sizes.maxSize;
  const listLength = (value: unknown): number => (Array.isArray(value) ? value.length : 1);

  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const argumentDefinitions = typeInfo.getFieldDef()?.args ?? [];
        const given = node.arguments ?? [];
        let size: number | undefined;
        const listArgument = given.find((argument) => LIST_ARGUMENTS.has(argument.name.value));
        if (listArgument) {
          size = listLength(valueOf(listArgument.value));
        } else if (argumentDefinitions.some((argument) => PAGE_ARGUMENTS.has(argument.name))) {
          // With both, `first` then `last` apply: no more than the smaller comes back.
          const givenSizes = given
            .filter((argument) => PAGE_ARGUMENTS.has(argument.name.value))
            .flatMap((argument) => pageSize(valueOf(argument.value)) ?? []);
          const fieldDefault = argumentDefinitions.find((argument) => argument.name === "first")?.defaultValue;
          size = givenSizes.length > 0 ? Math.min(...givenSizes) : typeof fieldDefault === "number" ? fieldDefault : sizes.defaultSize;
        } else {
          return undefined;
        }

        const first: ArgumentNode = {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: "first" },
          value: { kind: Kind.INT, value: String(size) },
        };
        const others = given.filter((argument) => !PAGE_ARGUMENTS.has(argument.name.value) && !LIST_ARGUMENTS.has(argument.name.value));
        return { ...node, arguments: [first, ...others] };
      },
    }),
  );
}
