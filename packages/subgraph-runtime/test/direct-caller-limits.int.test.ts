import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, tokenFor } from '@heli/testkit';
import { startTestSubgraph, type TestSubgraph } from '../src/test-subgraph.js';
import { librarySubgraph, type LibraryModels } from './fixtures/library/library-subgraph.js';

const ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Book {
        id
        title
      }
    }
  }
`;

/**
 * A subgraph's port may be reachable without the gateway: every limit the gateway enforces holds
 * here too, with the same codes, and input the gateway would never send is refused as bad input.
 */
describe('a subgraph called directly', () => {
  let subgraph: TestSubgraph<LibraryModels>;
  let token: string;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(librarySubgraph().definition, {
      // GraphiQL's introspection query is 6 deep (its ofType chain does not count).
      MAX_DEPTH: '6',
      MAX_RESPONSE_BYTES: '65536',
      REQUEST_TIME_BUDGET_MS: '1500',
    });
    token = await tokenFor({});
    await subgraph.models.Book.insertMany(
      Array.from({ length: 100 }, (_, i) => ({
        _id: `book-${i}`,
        title: `第 ${i} 本书 ${'长'.repeat(200)}`,
        year: 1900 + i,
      })),
    );
  });
  afterAll(() => subgraph?.close());

  const ask = (query: string, variables?: Record<string, unknown>) =>
    graphql(subgraph.url, query, variables, { token });

  it('refuses a query nested deeper than MAX_DEPTH, with QUERY_TOO_DEEP', async () => {
    const response = await ask(
      '{ __schema { directives { args { type { fields { type { name } } } } } } }',
    );
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
  });

  it('refuses more aliases than the gateway allows, with TOO_MANY_ALIASES', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `b${i}: book(id: "book-1") { id }`);
    const response = await ask(`{ ${aliases.join(' ')} }`);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ALIASES');
  });

  it('refuses an over-costly query, with QUERY_TOO_COSTLY', async () => {
    const query = `{ ${Array.from({ length: 30 }, (_, i) => `p${i}: books(first: 100) { edges { node { id title year } } }`).join(' ')} }`;
    const response = await ask(query);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('counts introspection: aliased copies of the whole schema are refused, one is answered', async () => {
    expect((await ask(getIntrospectionQuery())).body.errors).toBeUndefined();
    const introspection = getIntrospectionQuery();
    const fragments = introspection.slice(introspection.indexOf('fragment '));
    const copies = Array.from({ length: 5 }, (_, i) => `s${i}: __schema { types { ...FullType } }`);
    const response = await ask(`{ ${copies.join(' ')} } ${fragments}`);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('refuses a document with more tokens than allowed while parsing it', async () => {
    const response = await ask(`{ ${'__typename '.repeat(5000)} }`);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(response.body.errors?.[0]?.message).toMatch(/tokens/);
  });

  it('replaces a result larger than the response limit with RESPONSE_TOO_LARGE', async () => {
    const page = 'books(first: 100) { edges { node { id title year } } }';
    const response = await ask(`{ a: ${page} b: ${page} }`);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('RESPONSE_TOO_LARGE');
  });

  it('answers a request over its time budget with REQUEST_TIME_BUDGET_EXCEEDED', async () => {
    const response = await ask('{ slow(ms: 4000) }');
    expect(response.status).toBe(503);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('REQUEST_TIME_BUDGET_EXCEEDED');
  });

  it('refuses _entities representations that lack a key or name no entity of this subgraph, as bad input', async () => {
    const missingId = await ask(ENTITIES, { representations: [{ __typename: 'Book' }] });
    const unknownType = await ask(ENTITIES, {
      representations: [{ __typename: 'Spaceship', id: 'x' }],
    });
    const notObjects = await ask(ENTITIES, { representations: ['book-1', null] });

    for (const response of [missingId, unknownType, notObjects]) {
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(missingId.body.errors?.[0]?.message).toMatch(/第 1 个（Book）缺少键字段 id/);
    expect(unknownType.body.errors?.[0]?.message).toMatch(/"Spaceship" 不是本服务的实体/);
  });

  it('names a few bad representations out of thousands, not all of them', async () => {
    const representations = Array.from({ length: 2000 }, () => ({ __typename: 'Book' }));
    const response = await ask(ENTITIES, { representations });
    const message = response.body.errors?.[0]?.message ?? '';
    expect(message).toMatch(/另有 1995 处/);
    expect(message.length).toBeLessThan(300);
  });

  it('refuses text with a NUL or a lone surrogate, in a variable or written in, storing nothing', async () => {
    const before = await subgraph.models.Book.countDocuments();
    const add = 'mutation ($input: AddBookInput!) { addBook(input: $input) { id } }';
    const withNul = await ask(add, { input: { title: '书\u0000名', year: 2020 } });
    const withSurrogate = await ask(add, { input: { title: '书名\ud800', year: 2020 } });
    const written = await ask(
      'mutation { addBook(input: { title: "书\\u0000名", year: 2020 }) { id } }',
    );

    for (const response of [withNul, withSurrogate, written]) {
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(withNul.body.errors?.[0]?.message).toMatch(/控制字符/);
    expect(withSurrogate.body.errors?.[0]?.message).toMatch(/代理项/);
    expect(await subgraph.models.Book.countDocuments()).toBe(before);
  });

  it('still resolves well-formed references', async () => {
    const response = await ask(ENTITIES, {
      representations: [{ __typename: 'Book', id: 'book-3' }],
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.['_entities']).toEqual([
      { id: 'book-3', title: expect.any(String) },
    ]);
  });
});
