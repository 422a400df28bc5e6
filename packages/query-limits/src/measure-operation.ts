import {
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  getNamedType,
  getNullableType,
  isAbstractType,
  isInterfaceType,
  isListType,
  isObjectType,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { introspectionListSize, typeWrappingShare } from './introspection-sizes.js';
import { listSizeHintsOf, type ListSizeHint, type ListSizeHints } from './list-size-hints.js';

/** What an operation measures against the limits. */
export interface QueryMeasurements {
  depth: number;
  aliases: number;
  /** Cost of everything but introspection. */
  cost: number;
  /** Cost of the `__schema` and `__type` selections: how much of the schema they return. */
  introspectionCost: number;
}

/** Page sizes are read from these arguments unless a field's `@listSize` names its own. */
const DEFAULT_SLICING_ARGUMENTS = ['first', 'last', 'limit'] as const;

/** The fields of a sized connection that carry the page (unless `@listSize(sizedFields:)` says otherwise). */
const DEFAULT_SIZED_FIELDS = ['edges', 'nodes'] as const;

/** Assumed length of a list whose size neither the query, the schema nor a hint tells. */
export const DEFAULT_LIST_SIZE = 10;

/** A connection whose page size is known: its `sizedFields` are lists of `size` items. */
type SizedConnection = { size: number; fields: readonly string[] };

/**
 * Measures depth, aliases and static cost of one operation, expanding fragments where they are used.
 *
 * - depth: the longest chain of nested fields; root fields are depth 1. Introspection counts like
 *   any other field, except `__Type.ofType`, whose chain ends at the schema's deepest type wrapping
 *   (GraphiQL's own introspection query nests it seven times).
 * - aliases: aliased fields, counted once per place they end up in the expanded operation.
 * - cost: every field costs 1 (`__typename` 0); a list multiplies the cost of its selection by its
 *   size. The size of a list, or of the page of a connection (its `edges`/`nodes`), is, in order:
 *   the slicing argument's value (`first`/`last`/`limit`, or those `@listSize(slicingArguments:)`
 *   names; a list argument counts its items), that argument's default in the schema,
 *   `@listSize(assumedSize:)`, the number of `representations` for `_entities`, the schema's own
 *   figures for introspection lists, and DEFAULT_LIST_SIZE otherwise. Where a selection holds
 *   fragments on different types of an interface or union, only the costliest type's fragments are
 *   counted: each object is of one type.
 *
 * Fragment cycles (rejected by validation anyway) are cut rather than followed forever.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>> = {},
  hints: ListSizeHints = listSizeHintsOf(schema),
): QueryMeasurements {
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return { depth: 0, aliases: 0, cost: 0, introspectionCost: 0 };
  const isQueryRoot = rootType === schema.getQueryType();

  const measureSelectionSet = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLCompositeType | undefined,
    connection: SizedConnection | undefined,
    fragmentsOnPath: ReadonlySet<string>,
    ofTypeDepth: number,
  ): QueryMeasurements => {
    let depth = 0;
    let aliases = 0;
    let commonCost = 0;
    let introspectionCost = 0;
    // Fragments whose type condition narrows an abstract parent: only one type applies per object.
    let narrowed: { type: GraphQLCompositeType; cost: number }[] | undefined;

    const addFragment = (
      typeCondition: GraphQLCompositeType | undefined,
      inner: QueryMeasurements,
    ): void => {
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
      if (
        typeCondition &&
        parentType &&
        isAbstractType(parentType) &&
        typeCondition !== parentType
      ) {
        (narrowed ??= []).push({ type: typeCondition, cost: inner.cost });
      } else {
        commonCost += inner.cost;
      }
    };

    for (const selection of selectionSet.selections) {
      switch (selection.kind) {
        case Kind.FIELD: {
          const inner = measureField(
            selection,
            parentType,
            connection,
            fragmentsOnPath,
            ofTypeDepth,
          );
          depth = Math.max(depth, inner.depth);
          aliases += inner.aliases;
          commonCost += inner.cost;
          introspectionCost += inner.introspectionCost;
          break;
        }
        case Kind.INLINE_FRAGMENT: {
          const typeCondition = selection.typeCondition
            ? compositeType(schema, selection.typeCondition.name.value)
            : parentType;
          addFragment(
            typeCondition,
            measureSelectionSet(
              selection.selectionSet,
              typeCondition,
              connection,
              fragmentsOnPath,
              ofTypeDepth,
            ),
          );
          break;
        }
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || fragmentsOnPath.has(name)) break;
          const typeCondition = compositeType(schema, fragment.typeCondition.name.value);
          addFragment(
            typeCondition,
            measureSelectionSet(
              fragment.selectionSet,
              typeCondition,
              connection,
              new Set([...fragmentsOnPath, name]),
              ofTypeDepth,
            ),
          );
          break;
        }
      }
    }
    const narrowedCost =
      narrowed && parentType && isAbstractType(parentType)
        ? costliestType(schema, parentType, narrowed)
        : 0;
    return { depth, aliases, cost: commonCost + narrowedCost, introspectionCost };
  };

  const measureField = (
    field: FieldNode,
    parentType: GraphQLCompositeType | undefined,
    connection: SizedConnection | undefined,
    fragmentsOnPath: ReadonlySet<string>,
    ofTypeDepth: number,
  ): QueryMeasurements => {
    const name = field.name.value;
    const ownAliases = field.alias ? 1 : 0;
    if (name === '__typename')
      return { depth: 1, aliases: ownAliases, cost: 0, introspectionCost: 0 };

    const definition = fieldDefinition(parentType, name, isQueryRoot && parentType === rootType);
    if (!field.selectionSet)
      return { depth: 1, aliases: ownAliases, cost: 1, introspectionCost: 0 };

    // Most schemas carry few hints and most fields take no arguments: skip the lookups then.
    const hint = parentType && hints.size > 0 ? hints.get(`${parentType.name}.${name}`) : undefined;
    const returnsList = definition ? isListType(getNullableType(definition.type)) : false;
    const sliced =
      definition && definition.args.length > 0
        ? slicingSize(field, definition, hint, variables)
        : undefined;
    const sizeOf = (): number =>
      sliced ??
      hint?.assumedSize ??
      (name === '_entities' ? representationCount(field, variables) : undefined) ??
      (parentType ? introspectionListSize(schema, parentType.name, name) : undefined) ??
      DEFAULT_LIST_SIZE;

    let multiplier = 1;
    let childConnection: SizedConnection | undefined;
    if (connection?.fields.includes(name)) {
      // The page of a sized connection: its size was counted where the connection was asked for.
      multiplier = connection.size;
    } else if (returnsList) {
      multiplier = sizeOf();
    } else if (sliced !== undefined || hint?.assumedSize !== undefined) {
      childConnection = { size: sizeOf(), fields: hint?.sizedFields ?? DEFAULT_SIZED_FIELDS };
    }

    const childType = definition ? asCompositeType(getNamedType(definition.type)) : undefined;
    // `ofType` only unwraps a list or non-null type: it adds no depth, and it is an object only as
    // often as the schema's type references have that many wrappers (null otherwise).
    const unwraps = name === 'ofType' && parentType?.name === '__Type';
    const inner = measureSelectionSet(
      field.selectionSet,
      childType,
      childConnection,
      fragmentsOnPath,
      unwraps ? ofTypeDepth + 1 : 0,
    );
    if (unwraps) {
      // Present wherever its parent is (null or not); an object as often as one more wrapper
      // follows the ones already unwrapped.
      const unwrapped = ofTypeDepth === 0 ? 1 : typeWrappingShare(schema, ofTypeDepth - 1);
      const share = unwrapped === 0 ? 0 : typeWrappingShare(schema, ofTypeDepth) / unwrapped;
      return {
        depth: inner.depth,
        aliases: ownAliases + inner.aliases,
        cost: 1 + share * inner.cost,
        introspectionCost: 0,
      };
    }
    const cost = 1 + multiplier * inner.cost;
    const introspects = definition === SchemaMetaFieldDef || definition === TypeMetaFieldDef;
    return {
      depth: 1 + inner.depth,
      // An alias inside a list is one alias in the query text, however many items come back.
      aliases: ownAliases + inner.aliases,
      cost: introspects ? 0 : cost,
      introspectionCost: introspects ? cost : 0,
    };
  };

  const measured = measureSelectionSet(operation.selectionSet, rootType, undefined, new Set(), 0);
  // Introspection averages make fractions; a cost is a whole number of fields.
  return {
    ...measured,
    cost: Math.max(0, Math.ceil(measured.cost - 1e-9)),
    introspectionCost: Math.max(0, Math.ceil(measured.introspectionCost - 1e-9)),
  };
}

/** The costliest of an abstract type's possible types, given the fragments that narrow to each. */
function costliestType(
  schema: GraphQLSchema,
  parentType: GraphQLCompositeType & { name: string },
  narrowed: readonly { type: GraphQLCompositeType; cost: number }[],
): number {
  if (!isAbstractType(parentType)) return 0;
  let costliest = 0;
  for (const possible of schema.getPossibleTypes(parentType)) {
    let cost = 0;
    for (const fragment of narrowed) {
      if (appliesTo(schema, fragment.type, possible)) cost += fragment.cost;
    }
    costliest = Math.max(costliest, cost);
  }
  return costliest;
}

function appliesTo(
  schema: GraphQLSchema,
  condition: GraphQLCompositeType,
  objectType: GraphQLObjectType,
): boolean {
  if (condition === objectType) return true;
  return isAbstractType(condition) && schema.isSubType(condition, objectType);
}

/** The page size the query (or, failing that, the schema's default for the argument) sets. */
function slicingSize(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  hint: ListSizeHint | undefined,
  variables: Readonly<Record<string, unknown>>,
): number | undefined {
  const slicing = hint?.slicingArguments ?? DEFAULT_SLICING_ARGUMENTS;
  let largest: number | undefined;
  for (const argumentName of slicing) {
    const given = field.arguments?.find((argument) => argument.name.value === argumentName);
    let value: unknown;
    if (given) value = valueFromASTUntyped(given.value, variables);
    // An argument left out, or a variable left unset, takes the schema's default.
    if (value === undefined || value === null) {
      value = definition.args.find((argument) => argument.name === argumentName)?.defaultValue;
    }
    const size = sizeOfValue(value);
    if (size !== undefined) largest = Math.max(largest ?? 0, size);
  }
  return largest;
}

function sizeOfValue(value: unknown): number | undefined {
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.ceil(value);
  return undefined;
}

function representationCount(
  field: FieldNode,
  variables: Readonly<Record<string, unknown>>,
): number | undefined {
  const argument = field.arguments?.find((each) => each.name.value === 'representations');
  if (!argument) return undefined;
  const value: unknown = valueFromASTUntyped(argument.value, variables);
  return Array.isArray(value) ? value.length : undefined;
}

function fieldDefinition(
  parentType: GraphQLCompositeType | undefined,
  name: string,
  onQueryRoot: boolean,
): GraphQLField<unknown, unknown> | undefined {
  if (onQueryRoot && name === '__schema') return SchemaMetaFieldDef;
  if (onQueryRoot && name === '__type') return TypeMetaFieldDef;
  if (parentType && (isObjectType(parentType) || isInterfaceType(parentType))) {
    return parentType.getFields()[name];
  }
  return undefined;
}

function compositeType(schema: GraphQLSchema, name: string): GraphQLCompositeType | undefined {
  return asCompositeType(schema.getType(name));
}

function asCompositeType(type: unknown): GraphQLCompositeType | undefined {
  if (isObjectType(type) || isInterfaceType(type) || isAbstractType(type)) return type;
  return undefined;
}
