import {
  Kind,
  buildSchema,
  parse,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_SIZE, limitViolation, measureOperation } from './query-limits.js';

const schema = buildSchema(`
  type Query {
    divisions(limit: Int): [Division!]!
    divisionPage(first: Int, after: String): DivisionConnection!
    division(id: ID!): Division
    me: Staff!
  }
  type DivisionConnection { edges: [DivisionEdge!]! pageInfo: PageInfo! }
  type DivisionEdge { cursor: String! node: Division! }
  type PageInfo { hasNextPage: Boolean! }
  type Division { id: ID! name: String! head: Staff staff(limit: Int): [Staff!]! }
  type Staff { id: ID! name: String! division: Division }
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

  it('given an introspection query, when measured, then it does not count', () => {
    const query =
      '{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }';
    expect(measure(query)).toEqual({ depth: 0, aliases: 0, cost: 0 });
  });

  it('given a depth over the limit, when checked, then the error says so with code QUERY_TOO_DEEP', () => {
    const violation = limitViolation(
      measure('{ me { division { head { division { id } } } } }'),
      limits,
    );
    expect(violation?.extensions.code).toBe('QUERY_TOO_DEEP');
    expect(violation?.message).toMatch(/5 levels deep and the limit is 4/);
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
    // divisionPage: 1 + 30 × (edges (1 + 1 × node (1 + 2)) + pageInfo (1 + 1))
    expect(measure(query).cost).toBe(1 + 30 * (1 + (1 + 2) + (1 + 1)));
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
    expect(violation?.message).toMatch(/estimated cost is 101 and the limit is 100/);
  });

  it('given a query within every limit, when checked, then there is no violation', () => {
    expect(limitViolation(measure('{ me { id name } }'), limits)).toBeUndefined();
  });
});
