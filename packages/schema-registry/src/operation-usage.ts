import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  Kind,
  parse,
  print,
  separateOperations,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

export interface NamedOperation {
  name: string;
  /** The operation and the fragments it uses, nothing else. */
  document: string;
}

/**
 * Splits a registered document into its named operations, each with only the fragments it uses
 * (graphql-js `separateOperations`), so one operation can be checked and reported on its own.
 * Anonymous operations are refused: a refusal must be able to name what it would break.
 */
export function splitOperations(source: string): NamedOperation[] {
  const document = parse(source);
  const anonymous = document.definitions.filter(
    (d) => d.kind === Kind.OPERATION_DEFINITION && d.name === undefined,
  );
  if (anonymous.length > 0) {
    throw new Error('every registered operation needs a name (found an anonymous one)');
  }
  return Object.entries(separateOperations(document)).map(([name, doc]) => ({
    name,
    document: print(doc),
  }));
}

/**
 * The schema coordinates (`Type`, `Type.field`, `Type.field.argument`, `Enum.VALUE`,
 * `Input.field`) an operation touches, read against the schema it was written for. A breaking
 * change reported at a coordinate affects the operation when the operation uses that coordinate,
 * something inside it, or something it lies inside (a new required argument on a field it selects).
 */
export function coordinatesUsedBy(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const used = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  const addType = (name: string | undefined) => {
    if (name !== undefined) used.add(name);
  };
  // A value of an input or enum type may carry any of its fields or values at run time.
  const addInputType = (type: GraphQLNamedType) => {
    used.add(type.name);
    if (isEnumType(type) || isInputObjectType(type)) {
      used.add(`${type.name}.*`);
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          const named = getNamedType(field.type);
          if (!used.has(`${named.name}.*`)) addInputType(named);
        }
      }
    }
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition(node) {
        const root = schema.getRootType(node.operation);
        addType(root?.name);
      },
      Field(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        used.add(`${parent.name}.${node.name.value}`);
        addType(getNamedType(field.type).name);
      },
      Argument(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        used.add(`${parent.name}.${field.name}.${node.name.value}`);
        const argument = typeInfo.getArgument();
        if (argument) addInputType(getNamedType(argument.type));
      },
      ObjectField(node) {
        const input = typeInfo.getParentInputType();
        const named = input ? getNamedType(input) : undefined;
        if (named && isInputObjectType(named)) used.add(`${named.name}.${node.name.value}`);
      },
      EnumValue(node) {
        const input = typeInfo.getInputType();
        const named = input ? getNamedType(input) : undefined;
        if (named && isEnumType(named)) used.add(`${named.name}.${node.value}`);
      },
      VariableDefinition(node) {
        const type = typeFromAST(schema, node.type);
        if (type) addInputType(getNamedType(type));
      },
      InlineFragment(node) {
        addType(node.typeCondition?.name.value);
      },
      FragmentDefinition(node) {
        addType(node.typeCondition.name.value);
      },
    }),
  );
  return used;
}

/**
 * Whether a (breaking) change reported at `path` touches an operation that uses `used`: the
 * operation uses that coordinate or something inside it (a removed type), selects the field the
 * change lies in (a new required argument), or passes values of the input or enum type the change
 * lies in (a removed enum value, a new required input field) — recorded as `Type.*`.
 */
export function changeAffects(path: string, used: ReadonlySet<string>): boolean {
  if (used.has(path)) return true;
  const parts = path.split('.');
  if (parts.length === 2 && used.has(`${parts[0]}.*`)) return true;
  if (parts.length === 3 && used.has(`${parts[0]}.${parts[1]}`)) return true;
  for (const coordinate of used) if (coordinate.startsWith(`${path}.`)) return true;
  return false;
}
