import {
  Kind,
  buildSchema,
  getIntrospectionQuery,
  parse,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_SIZE, measureOperation } from './measure-operation.js';
import { limitViolation } from './query-limits.js';

const schema = buildSchema(`
  directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!]) on FIELD_DEFINITION
  type Query {
    divisions(limit: Int): [Division!]!
    divisionPage(first: Int, after: String): DivisionConnection!
    pagedByDefault(first: Int = 50, after: String): DivisionConnection!
    byIds(ids: [ID!]!): [Division!]! @listSize(slicingArguments: ["ids"])
    me: Staff!
    feed: [FeedItem!]!
    search: [Named!]! @listSize(assumedSize: 4)
    _entities(representations: [_Any!]!): [_Entity]!
  }
  scalar _Any
  union _Entity = Division | Staff
  type DivisionConnection { edges: [DivisionEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type DivisionEdge { cursor: String! node: Division! }
  type PageInfo { hasNextPage: Boolean! }
  interface Named { name: String! }
  type Division implements Named { id: ID! name: String! head: Staff staff(limit: Int): [Staff!]! roles: [Role!]! @listSize(assumedSize: 2) }
  type Role { name: String! }
  type Staff implements Named { id: ID! name: String! division: Division }
  union FeedItem = Division | Staff
`);

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) throw new Error('test query has no operation');
  const fragments = new Map(
    document.definitions
      .filter(
        (definition): definition is FragmentDefinitionNode =>
          definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment] as const),
  );
  return measureOperation(schema, operation, fragments, variables);
}

const limits = { maxDepth: 4, maxAliases: 2, maxCost: 100 };

describe('depth', () => {
  it('given a root field with one level of selection, when measured, then depth counts both levels', () => {
    expect(measure('{ me { id } }').depth).toBe(2);
    expect(measure('{ __typename }').depth).toBe(1);
  });

  it('given a chain of nested fields, when measured, then depth is the longest chain', () => {
    expect(measure('{ me { id division { name head { division { id } } } } }').depth).toBe(5);
  });

  it('given nesting hidden in fragments, when measured, then the fragments are expanded', () => {
    const query = `
      { me { ...StaffWithDivision } }
      fragment StaffWithDivision on Staff { division { ... on Division { head { ...Named } } } }
      fragment Named on Staff { name }
    `;
    expect(measure(query).depth).toBe(4);
  });

  it('given a fragment cycle, when measured, then the cycle is cut and measuring ends', () => {
    const query = `
      { me { ...A } }
      fragment A on Staff { division { head { ...A } } }
    `;
    expect(measure(query).depth).toBe(3);
  });

  it('given introspection, when measured, then it counts like any field except the ofType chain', () => {
    const query =
      '{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }';
    // __schema, types, fields, type, name: the ofType wrappers add no depth
    expect(measure(query).depth).toBe(5);
    expect(
      measure('{ __type(name: "Staff") { fields { type { fields { type { name } } } } } }').depth,
    ).toBe(6);
  });

  it("given GraphiQL's own introspection query, when measured, then it is within the default depth", () => {
    expect(measure(getIntrospectionQuery()).depth).toBeLessThanOrEqual(12);
  });

  it('given a depth over the limit, when checked, then the error says so with code QUERY_TOO_DEEP', () => {
    const violation = limitViolation(
      measure('{ me { division { head { division { id } } } } }'),
      limits,
    );
    expect(violation?.extensions.code).toBe('QUERY_TOO_DEEP');
    expect(violation?.message).toMatch(/5 层，上限为 4 层/);
    expect(violation?.extensions.http).toEqual({ status: 400 });
  });
});

describe('aliases', () => {
  it('given aliased fields, when measured, then each alias counts once', () => {
    expect(measure('{ a: me { id } b: me { x: id } }').aliases).toBe(3);
  });

  it('given an aliased fragment used twice, when measured, then it counts at each use', () => {
    const query = '{ me { ...F division { head { ...F } } } } fragment F on Staff { n: name }';
    expect(measure(query).aliases).toBe(2);
  });

  it('given more aliases than allowed, when checked, then the code is TOO_MANY_ALIASES', () => {
    const violation = limitViolation(measure('{ a: me { id } b: me { id } c: me { id } }'), limits);
    expect(violation?.extensions.code).toBe('TOO_MANY_ALIASES');
  });
});

describe('cost', () => {
  it('given scalar and object fields, when measured, then each field costs 1', () => {
    // me (1) + id (1) + division (1) + name (1)
    expect(measure('{ me { id division { name } } }').cost).toBe(4);
  });

  it('given a list with a limit, when measured, then its selection is multiplied by the limit', () => {
    // divisions: 1 + 20 × (id + name)
    expect(measure('{ divisions(limit: 20) { id name } }').cost).toBe(41);
  });

  it('given the limit in a variable, when measured, then the variable value is used', () => {
    expect(measure('query ($n: Int) { divisions(limit: $n) { id } }', { n: 50 }).cost).toBe(51);
  });

  it('given a list without a size, when measured, then it counts as the default size', () => {
    expect(measure('{ divisions { id } }').cost).toBe(1 + DEFAULT_LIST_SIZE);
  });

  it('given nested lists, when measured, then the multipliers compound', () => {
    // divisions: 1 + 5 × (id + staff), staff: 1 + 10 × name
    expect(measure('{ divisions(limit: 5) { id staff { name } } }').cost).toBe(
      1 + 5 * (1 + 1 + DEFAULT_LIST_SIZE),
    );
  });

  it('given a connection sized by first, when measured, then the edges are the page and not multiplied again', () => {
    const query =
      '{ divisionPage(first: 30) { edges { node { id name } } pageInfo { hasNextPage } } }';
    // divisionPage 1 + edges (1 + 30 × node (1 + 2)) + pageInfo (1 + 1): one pageInfo, thirty nodes
    expect(measure(query).cost).toBe(1 + (1 + 30 * (1 + 2)) + (1 + 1));
  });

  it('given list fields inside fragments, when measured, then they are multiplied at each use', () => {
    const query =
      '{ divisions(limit: 2) { ...WithStaff } } fragment WithStaff on Division { staff(limit: 3) { id } }';
    expect(measure(query).cost).toBe(1 + 2 * (1 + 3 * 1));
  });

  it('given a cost over the limit, when checked, then the code is QUERY_TOO_COSTLY and the cost is reported', () => {
    const violation = limitViolation(measure('{ divisions(limit: 100) { id } }'), limits);
    expect(violation?.extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(violation?.extensions.cost).toBe(101);
    expect(violation?.message).toMatch(/估算为 101，上限为 100/);
  });

  it("given a connection whose page size is left to the schema's default, when measured, then the default is the page", () => {
    const written = measure('{ pagedByDefault(first: 50) { edges { node { id } } } }').cost;
    expect(measure('{ pagedByDefault { edges { node { id } } } }').cost).toBe(written);
    expect(written).toBe(1 + (1 + 50 * (1 + 1)));
  });

  it('given a variable left unset, when measured, then the argument default applies', () => {
    const query = 'query ($n: Int) { pagedByDefault(first: $n) { edges { node { id } } } }';
    expect(measure(query, {}).cost).toBe(1 + (1 + 50 * 2));
  });

  it('given a connection, when measured, then pageInfo and totalCount are counted once, not per item', () => {
    const query =
      '{ divisionPage(first: 10) { totalCount pageInfo { hasNextPage } edges { node { id } } } }';
    // every field of the response once per occurrence: 10 nodes and 10 ids, one of everything else
    expect(measure(query).cost).toBe(1 + 1 + (1 + 1) + (1 + 10 * (1 + 1)));
  });

  it('given fragments on different types of a union, when measured, then only the costliest type counts', () => {
    const query = `{ feed {
      ... on Division { id name staff(limit: 5) { id } }
      ... on Staff { id name }
    } }`;
    // each item is a Division (2 + 1 + 5) or a Staff (2): the costlier one, 8, per item
    expect(measure(query).cost).toBe(1 + DEFAULT_LIST_SIZE * 8);
  });

  it('given fragments on an interface and on one of its types, when measured, then both apply to that type', () => {
    const query = '{ search { ... on Named { name } ... on Division { id head { id } } } }';
    // a Division gets name + id + head (1 + 1); a Staff only name
    expect(measure(query).cost).toBe(1 + 4 * (1 + 1 + 2));
  });

  it('given @listSize(assumedSize), when measured, then the hint replaces the default list size', () => {
    expect(measure('{ me { division { roles { name } } } }').cost).toBe(1 + 1 + 1 + 2 * 1);
  });

  it('given @listSize(slicingArguments) naming a list argument, when measured, then the list length is the size', () => {
    const query = 'query ($ids: [ID!]!) { byIds(ids: $ids) { id } }';
    expect(measure(query, { ids: ['a', 'b', 'c'] }).cost).toBe(1 + 3);
  });

  it('given _entities, when measured, then the number of representations is the size', () => {
    const query =
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Division { id name } } }';
    const representations = Array.from({ length: 7 }, (_, i) => ({
      __typename: 'Division',
      id: `${i}`,
    }));
    expect(measure(query, { r: representations }).cost).toBe(1 + 7 * 2);
  });

  it('given aliased copies of __schema, when measured, then each copy counts as introspection at what it returns', () => {
    const one = measure('{ __schema { types { name fields { name } } } }');
    const types = Object.keys(schema.getTypeMap()).length;
    expect(one.cost).toBe(0);
    expect(one.introspectionCost).toBeGreaterThan(types);
    const ten = measure(
      `{ ${Array.from({ length: 10 }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(' ')} }`,
    );
    expect(ten.introspectionCost).toBeGreaterThanOrEqual(10 * one.introspectionCost - 1);
    expect(ten.aliases).toBe(10);
  });

  it('given one whole introspection, when checked, then it is within its budget; two are not', () => {
    const full = measure(getIntrospectionQuery()).introspectionCost;
    const defaults = { maxDepth: 12, maxAliases: 30, maxCost: 5000 };
    expect(limitViolation(measure(getIntrospectionQuery()), defaults, full)).toBeUndefined();
    const introspection = getIntrospectionQuery();
    const fragmentsText = introspection.slice(introspection.indexOf('fragment '));
    const twice = `{ a: __schema { types { ...FullType } } b: __schema { types { ...FullType } } } ${fragmentsText}`;
    const violation = limitViolation(measure(twice), defaults, full);
    expect(violation?.extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(violation?.message).toMatch(/内省/);
  });

  it('given a query within every limit, when checked, then there is no violation', () => {
    expect(limitViolation(measure('{ me { id name } }'), limits)).toBeUndefined();
  });
});
