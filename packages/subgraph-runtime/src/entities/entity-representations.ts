import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  isUnionType,
  parse,
  valueFromASTUntyped,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** Problems named at most, so a request with thousands of bad representations gets a short answer. */
const MAX_PROBLEMS_NAMED = 5;

/**
 * Refuses an `_entities` call whose representations do not describe an entity of this subgraph:
 * not an object, a `__typename` that is no entity here, or a key field missing or null. Without
 * this, @apollo/subgraph and the service's `__resolveReference` fail on such input with an internal
 * error; the gateway never sends it, so it comes from a direct caller and is answered as bad input.
 */
export function entityRepresentationsPlugin<TContext extends BaseContext>(
  schema: GraphQLSchema,
): ApolloServerPlugin<TContext> {
  const keys = entityKeyFields(schema);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (!operation || operation.operation !== 'query') return;
          for (const selection of operation.selectionSet.selections) {
            if (selection.kind !== Kind.FIELD || selection.name.value !== '_entities') continue;
            const argument = selection.arguments?.find((a) => a.name.value === 'representations');
            if (!argument) continue;
            const representations: unknown = valueFromASTUntyped(
              argument.value,
              request.variables ?? {},
            );
            const problems = representationProblems(representations, keys);
            if (problems.length > 0) {
              const named = problems.slice(0, MAX_PROBLEMS_NAMED);
              const more =
                problems.length > named.length ? `；另有 ${problems.length - named.length} 处` : '';
              throw new GraphQLError(`实体引用无效：${named.join('；')}${more}`, {
                extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
              });
            }
          }
        },
      };
    },
  };
}

/** What is wrong with each representation, in words; empty when all describe entities of this subgraph. */
export function representationProblems(
  representations: unknown,
  keys: ReadonlyMap<string, readonly (readonly string[])[]>,
): string[] {
  if (!Array.isArray(representations)) return ['representations 必须是列表'];
  const problems: string[] = [];
  representations.forEach((representation: unknown, index) => {
    const at = `第 ${index + 1} 个`;
    if (typeof representation !== 'object' || representation === null) {
      problems.push(`${at}不是对象`);
      return;
    }
    const typename = (representation as { __typename?: unknown }).__typename;
    if (typeof typename !== 'string') {
      problems.push(`${at}缺少 __typename`);
      return;
    }
    const typeKeys = keys.get(typename);
    if (!typeKeys) {
      problems.push(`${at}的类型 ${JSON.stringify(typename).slice(0, 60)} 不是本服务的实体`);
      return;
    }
    const satisfied = typeKeys.some((fields) =>
      fields.every((field) => {
        const value = (representation as Record<string, unknown>)[field];
        return value !== undefined && value !== null;
      }),
    );
    if (!satisfied) problems.push(`${at}（${typename}）缺少键字段 ${typeKeys[0]!.join('、')}`);
  });
  return problems;
}

/** Each entity type of the schema with its `@key`s, as lists of top-level field names. */
export function entityKeyFields(schema: GraphQLSchema): Map<string, (readonly string[])[]> {
  const keys = new Map<string, (readonly string[])[]>();
  const entity = schema.getType('_Entity');
  if (!isUnionType(entity)) return keys;
  for (const type of entity.getTypes()) keys.set(type.name, keyFieldsOf(type));
  return keys;
}

function keyFieldsOf(type: GraphQLObjectType): (readonly string[])[] {
  const nodes = [type.astNode, ...type.extensionASTNodes].filter((node) => node != null);
  const keys: (readonly string[])[] = [];
  for (const node of nodes) {
    for (const directive of node.directives ?? []) {
      if (directive.name.value !== 'key') continue;
      const fields = directive.arguments?.find((a) => a.name.value === 'fields');
      if (fields?.value.kind !== Kind.STRING) continue;
      keys.push(topLevelFields(parse(`{ ${fields.value.value} }`).definitions[0]));
    }
  }
  return keys.length > 0 ? keys : [[]];
}

function topLevelFields(definition: unknown): string[] {
  const selectionSet = (definition as { selectionSet?: SelectionSetNode }).selectionSet;
  return (selectionSet?.selections ?? []).flatMap((selection) =>
    selection.kind === Kind.FIELD ? [selection.name.value] : [],
  );
}
