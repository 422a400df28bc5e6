import {
  getIntrospectionQuery,
  parse,
  Kind,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  isListType,
  isNonNullType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';

type Sizes = ReadonlyMap<string, number>;

const wrappingBySchema = new WeakMap<GraphQLSchema, readonly number[]>();

/**
 * The share of the schema's type references (of fields, arguments, input fields) that have more
 * than `level` list or non-null wrappers: how often `ofType` at that nesting is an object rather
 * than null. `[X!]!` has three wrappers, `X!` one, `X` none.
 */
export function typeWrappingShare(schema: GraphQLSchema, level: number): number {
  let shares = wrappingBySchema.get(schema);
  if (!shares) {
    shares = wrappingShares(schema);
    wrappingBySchema.set(schema, shares);
  }
  return shares[level] ?? 0;
}

function wrappingShares(schema: GraphQLSchema): number[] {
  const counts: number[] = [];
  let references = 0;
  const consider = (type: GraphQLType): void => {
    references += 1;
    let wrappers = 0;
    let current = type;
    while (isListType(current) || isNonNullType(current)) {
      counts[wrappers] = (counts[wrappers] ?? 0) + 1;
      wrappers += 1;
      current = current.ofType;
    }
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        consider(field.type);
        for (const argument of field.args) consider(argument.type);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) consider(field.type);
    }
  }
  for (const directive of schema.getDirectives()) {
    for (const argument of directive.args) consider(argument.type);
  }
  return counts.map((count) => count / Math.max(1, references));
}

const sizesBySchema = new WeakMap<GraphQLSchema, Sizes>();

/**
 * How long an introspection list of this schema is, on average per parent (a fraction): `__Schema.types` is the
 * number of types, `__Type.fields` the number of fields per type, and so on. Averages make the
 * estimate of a whole-schema introspection (every type, every field) come out at the real count,
 * so aliased copies of `__schema` add up to what they would really return.
 */
export function introspectionListSize(
  schema: GraphQLSchema,
  typeName: string,
  fieldName: string,
): number | undefined {
  if (!typeName.startsWith('__')) return undefined;
  let sizes = sizesBySchema.get(schema);
  if (!sizes) {
    sizes = measure(schema);
    sizesBySchema.set(schema, sizes);
  }
  return sizes.get(`${typeName}.${fieldName}`);
}

function measure(schema: GraphQLSchema): Sizes {
  const types = Object.values(schema.getTypeMap());
  const directives = schema.getDirectives();
  let fields = 0;
  let fieldArgs = 0;
  let interfaces = 0;
  let possibleTypes = 0;
  let enumValues = 0;
  let inputFields = 0;
  for (const type of types) {
    if (isObjectType(type) || isInterfaceType(type)) {
      const own = Object.values(type.getFields());
      fields += own.length;
      for (const field of own) fieldArgs += field.args.length;
      interfaces += type.getInterfaces().length;
    }
    if (isInterfaceType(type) || isUnionType(type)) {
      possibleTypes += schema.getPossibleTypes(type).length;
    }
    if (isEnumType(type)) enumValues += type.getValues().length;
    if (isInputObjectType(type)) inputFields += Object.keys(type.getFields()).length;
  }
  const directiveArgs = directives.reduce((sum, directive) => sum + directive.args.length, 0);
  const perType = (total: number): number => total / types.length;
  return new Map([
    ['__Schema.types', types.length],
    ['__Schema.directives', directives.length],
    ['__Type.fields', perType(fields)],
    ['__Type.interfaces', perType(interfaces)],
    ['__Type.possibleTypes', perType(possibleTypes)],
    ['__Type.enumValues', perType(enumValues)],
    ['__Type.inputFields', perType(inputFields)],
    ['__Field.args', fieldArgs / Math.max(1, fields)],
    ['__Directive.args', directiveArgs / Math.max(1, directives.length)],
  ]);
}

const budgetBySchema = new WeakMap<GraphQLSchema, number>();

/**
 * What one complete introspection of this schema costs — GraphiQL's query, with every option on
 * — so that much introspection is always allowed in one operation, and no more.
 */
export function introspectionBudget(
  schema: GraphQLSchema,
  measure: (
    operation: OperationDefinitionNode,
    fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  ) => number,
): number {
  let budget = budgetBySchema.get(schema);
  if (budget === undefined) {
    const document = parse(
      getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
        oneOf: true,
      }),
    );
    const fragments = new Map<string, FragmentDefinitionNode>();
    let operation: OperationDefinitionNode | undefined;
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, definition);
      if (definition.kind === Kind.OPERATION_DEFINITION) operation = definition;
    }
    budget = measure(operation!, fragments);
    budgetBySchema.set(schema, budget);
  }
  return budget;
}
