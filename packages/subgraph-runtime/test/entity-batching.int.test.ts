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

describe('__resolveReference through a DataLoader', () => {
  const { definition, findFilters } = librarySubgraph();
  let subgraph: TestSubgraph<LibraryModels>;
  let token: string;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(definition);
    token = await tokenFor({});
    await subgraph.models.Book.insertMany(
      ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({
        _id: `book-${id}`,
        title: `Book ${id}`,
        year: 2000 + i,
      })),
    );
  });
  afterAll(() => subgraph?.close());

  it('given N references from the gateway, then they are resolved with one database query, in order', async () => {
    findFilters.length = 0;
    const ids = ['book-d', 'book-a', 'book-missing', 'book-c', 'book-a'];
    const response = await graphql(
      subgraph.url,
      ENTITIES,
      { representations: ids.map((id) => ({ __typename: 'Book', id })) },
      { token },
    );

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.['_entities']).toEqual([
      { id: 'book-d', title: 'Book d' },
      { id: 'book-a', title: 'Book a' },
      null,
      { id: 'book-c', title: 'Book c' },
      { id: 'book-a', title: 'Book a' },
    ]);
    expect(findFilters).toHaveLength(1);
    // The loader dedupes: four distinct ids, one $in.
    expect(findFilters[0]).toEqual({
      _id: { $in: ['book-d', 'book-a', 'book-missing', 'book-c'] },
    });
  });

  it('does not share loader caches between requests', async () => {
    findFilters.length = 0;
    const query = '{ book(id: "book-b") { title } }';
    await graphql(subgraph.url, query, {}, { token });
    await graphql(subgraph.url, query, {}, { token });
    expect(findFilters).toHaveLength(2);
  });
});
