import {
  Kind,
  isInterfaceType,
  isObjectType,
  parse,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';

/**
 * What a schema says about the size of a list field, in the terms of the `@listSize` directive of
 * Apollo's demand-control spec (federation v2.9, `https://specs.apollo.dev/cost/v0.1`).
 */
export interface ListSizeHint {
  /** The list holds about this many items. */
  assumedSize?: number;
  /** Arguments that set the size (their value, or their length for a list argument). */
  slicingArguments?: readonly string[];
  /** On a connection: the fields that carry the page (default `edges` and `nodes`). */
  sizedFields?: readonly string[];
}

/** Hints by `Type.field`. */
export type ListSizeHints = ReadonlyMap<string, ListSizeHint>;

const hintsBySchema = new WeakMap<GraphQLSchema, ListSizeHints>();

/**
 * The `@listSize` hints written on a schema's fields. A subgraph's schema keeps its SDL on each
 * field's `astNode`, so its hints are read from there (once per schema). The gateway's API schema
 * drops applied directives; it reads them from the supergraph SDL with `listSizeHintsFromSdl`.
 */
export function listSizeHintsOf(schema: GraphQLSchema): ListSizeHints {
  const known = hintsBySchema.get(schema);
  if (known) return known;
  const hints = new Map<string, ListSizeHint>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const hint = hintOf(field.astNode?.directives ?? []);
      if (hint) hints.set(`${type.name}.${field.name}`, hint);
    }
  }
  hintsBySchema.set(schema, hints);
  return hints;
}

/** The `@listSize` hints of every field in an SDL document (a supergraph, or a subgraph's typeDefs). */
export function listSizeHintsFromSdl(sdl: string | DocumentNode): ListSizeHints {
  const document = typeof sdl === 'string' ? parse(sdl) : sdl;
  const hints = new Map<string, ListSizeHint>();
  for (const definition of document.definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      definition.kind !== Kind.INTERFACE_TYPE_EXTENSION
    ) {
      continue;
    }
    for (const field of definition.fields ?? []) {
      const hint = hintOf(field.directives ?? []);
      if (hint) hints.set(`${definition.name.value}.${field.name.value}`, hint);
    }
  }
  return hints;
}

function hintOf(directives: readonly ConstDirectiveNode[]): ListSizeHint | undefined {
  const directive = directives.find((each) => each.name.value === 'listSize');
  if (!directive) return undefined;
  const hint: { -readonly [K in keyof ListSizeHint]: ListSizeHint[K] } = {};
  for (const argument of directive.arguments ?? []) {
    const value: unknown = valueFromASTUntyped(argument.value);
    switch (argument.name.value) {
      case 'assumedSize':
        if (typeof value === 'number' && value >= 0) hint.assumedSize = value;
        break;
      case 'slicingArguments':
        if (Array.isArray(value)) hint.slicingArguments = value.filter(isString);
        break;
      case 'sizedFields':
        if (Array.isArray(value)) hint.sizedFields = value.filter(isString);
        break;
    }
  }
  return hint;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
