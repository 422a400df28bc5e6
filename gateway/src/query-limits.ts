import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isAbstractType,
  isListType,
  isObjectType,
  isInterfaceType,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** The limits an operation must stay within before the gateway plans it. */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

/** What an operation measures against the limits. */
export interface QueryMeasurements {
  depth: number;
  aliases: number;
  cost: number;
}

/** Page sizes are read from these argument names (`first`/`last` for connections, `limit` for plain lists). */
const PAGE_SIZE_ARGUMENTS = ['first', 'last', 'limit'] as const;

/** Assumed length of a list whose size the query does not say. */
export const DEFAULT_LIST_SIZE = 10;

/**
 * Measures depth, aliases and static cost of one operation, expanding fragments where they are used.
 *
 * - depth: the longest chain of nested fields; root fields are depth 1.
 * - aliases: aliased fields, counted once per place they end up in the expanded operation.
 * - cost: every field costs 1; a field with a `first`/`last`/`limit` argument multiplies the cost
 *   of its selection by that number; a list field without one multiplies it by DEFAULT_LIST_SIZE,
 *   unless its parent is a connection (a non-list field sized by an argument) — the `edges`/`nodes`
 *   of a connection are the page already counted, not a list inside each item.
 *
 * Introspection (`__schema`, `__type`) is not measured: its size is bounded by the schema, not by
 * the data, and GraphiQL's introspection query is deeper than any sensible data query.
 * Fragment cycles (rejected by validation anyway) are cut rather than followed forever.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>> = {},
): QueryMeasurements {
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return { depth: 0, aliases: 0, cost: 0 };

  const measureSelectionSet = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLCompositeType | undefined,
    parentIsSizedConnection: boolean,
    fragmentsOnPath: ReadonlySet<string>,
  ): QueryMeasurements => {
    let depth = 0;
    let aliases = 0;
    let cost = 0;
    const add = (inner: QueryMeasurements): void => {
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
      cost += inner.cost;
    };

    for (const selection of selectionSet.selections) {
      switch (selection.kind) {
        case Kind.FIELD:
          add(measureField(selection, parentType, parentIsSizedConnection, fragmentsOnPath));
          break;
        case Kind.INLINE_FRAGMENT: {
          const typeCondition = selection.typeCondition
            ? compositeType(schema, selection.typeCondition.name.value)
            : parentType;
          add(
            measureSelectionSet(
              selection.selectionSet,
              typeCondition,
              parentIsSizedConnection,
              fragmentsOnPath,
            ),
          );
          break;
        }
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || fragmentsOnPath.has(name)) break;
          add(
            measureSelectionSet(
              fragment.selectionSet,
              compositeType(schema, fragment.typeCondition.name.value),
              parentIsSizedConnection,
              new Set([...fragmentsOnPath, name]),
            ),
          );
          break;
        }
      }
    }
    return { depth, aliases, cost };
  };

  const measureField = (
    field: FieldNode,
    parentType: GraphQLCompositeType | undefined,
    parentIsSizedConnection: boolean,
    fragmentsOnPath: ReadonlySet<string>,
  ): QueryMeasurements => {
    const name = field.name.value;
    if (name === '__schema' || name === '__type') return { depth: 0, aliases: 0, cost: 0 };
    const ownAliases = field.alias ? 1 : 0;
    if (name === '__typename') return { depth: 1, aliases: ownAliases, cost: 0 };

    const definition = parentType ? fieldDefinition(parentType, name) : undefined;
    const pageSize = pageSizeArgument(field, variables);
    const returnsList = definition ? isListType(getNullableType(definition.type)) : false;
    const multiplier =
      pageSize ?? (returnsList && !parentIsSizedConnection ? DEFAULT_LIST_SIZE : 1);

    if (!field.selectionSet) return { depth: 1, aliases: ownAliases, cost: 1 };
    const childType = definition ? asCompositeType(getNamedType(definition.type)) : undefined;
    const sizesAConnection = pageSize !== undefined && !returnsList;
    const inner = measureSelectionSet(
      field.selectionSet,
      childType,
      sizesAConnection,
      fragmentsOnPath,
    );
    return {
      depth: 1 + inner.depth,
      // An alias inside a list is one alias in the query text, however many items come back.
      aliases: ownAliases + inner.aliases,
      cost: 1 + multiplier * inner.cost,
    };
  };

  return measureSelectionSet(operation.selectionSet, rootType, false, new Set());
}

/** The first limit the measurements break, as the error a client receives; undefined if within limits. */
export function limitViolation(
  measured: QueryMeasurements,
  limits: QueryLimits,
): GraphQLError | undefined {
  if (measured.depth > limits.maxDepth) {
    return rejection(
      `Query is too deep: it nests fields ${measured.depth} levels deep and the limit is ${limits.maxDepth}. ` +
        'Split it into smaller queries.',
      'QUERY_TOO_DEEP',
      { depth: measured.depth, maxDepth: limits.maxDepth },
    );
  }
  if (measured.aliases > limits.maxAliases) {
    return rejection(
      `Query uses too many aliases: ${measured.aliases}, the limit is ${limits.maxAliases}.`,
      'TOO_MANY_ALIASES',
      { aliases: measured.aliases, maxAliases: limits.maxAliases },
    );
  }
  if (measured.cost > limits.maxCost) {
    return rejection(
      `Query is too costly: its estimated cost is ${measured.cost} and the limit is ${limits.maxCost}. ` +
        'Ask for smaller pages (first/limit) or fewer nested lists.',
      'QUERY_TOO_COSTLY',
      { cost: measured.cost, maxCost: limits.maxCost },
    );
  }
  return undefined;
}

/**
 * Rejects over-deep, alias-heavy and over-costly operations after validation and before the
 * gateway builds a query plan, so an ad-hoc query never reaches a subgraph. Runs as a plugin
 * rather than a validation rule because a validation rule's errors are all rewritten to
 * GRAPHQL_VALIDATION_FAILED and cannot see the request's variables (`first: $n`).
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION)
              fragments.set(definition.name.value, definition);
          }
          const violation = limitViolation(
            measureOperation(schema, operation, fragments, request.variables),
            limits,
          );
          if (violation) throw violation;
        },
      };
    },
  };
}

function rejection(message: string, code: string, measured: Record<string, number>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...measured, http: { status: 400 } } });
}

function pageSizeArgument(
  field: FieldNode,
  variables: Readonly<Record<string, unknown>>,
): number | undefined {
  for (const argument of field.arguments ?? []) {
    if (!(PAGE_SIZE_ARGUMENTS as readonly string[]).includes(argument.name.value)) continue;
    const value: unknown = valueFromASTUntyped(argument.value, variables);
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.ceil(value);
  }
  return undefined;
}

function fieldDefinition(
  parentType: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (isObjectType(parentType) || isInterfaceType(parentType)) return parentType.getFields()[name];
  return undefined;
}

function compositeType(schema: GraphQLSchema, name: string): GraphQLCompositeType | undefined {
  return asCompositeType(schema.getType(name));
}

function asCompositeType(type: unknown): GraphQLCompositeType | undefined {
  if (isObjectType(type) || isInterfaceType(type) || isAbstractType(type)) return type;
  return undefined;
}
