import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, tokenFor } from '@heli/testkit';
import { startTestSubgraph, type TestSubgraph } from '../src/test-subgraph.js';
import { librarySubgraph, type LibraryModels } from './fixtures/library/library-subgraph.js';

const BOOKS = /* GraphQL */ `
  query ($first: Int, $after: String) {
    books(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          year
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      totalCount
    }
  }
`;

interface BooksPage {
  books: {
    edges: Array<{ cursor: string; node: { id: string; year: number } }>;
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
    totalCount: number;
  };
}

describe('cursor pagination', () => {
  let subgraph: TestSubgraph<LibraryModels>;
  let token: string;
  // Years repeat on purpose: ties in the sort key are broken by _id, so none is skipped or repeated.
  const books = Array.from({ length: 7 }, (_, i) => ({
    _id: `b${i}`,
    title: `Title ${i}`,
    year: 1990 + Math.floor(i / 2),
  }));

  beforeAll(async () => {
    subgraph = await startTestSubgraph(librarySubgraph().definition);
    token = await tokenFor({});
    await subgraph.models.Book.insertMany([...books].reverse());
  });
  afterAll(() => subgraph?.close());

  const page = (variables: Record<string, unknown>) =>
    graphql<BooksPage>(subgraph.url, BOOKS, variables, { token });

  it('walks every item once, in (year, id) order, across pages', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    const pageSizes: number[] = [];
    for (;;) {
      const response = await page({ first: 3, after });
      expect(response.body.errors).toBeUndefined();
      const connection = response.body.data!.books;
      expect(connection.totalCount).toBe(7);
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...connection.edges.map((edge) => edge.node.id));
      pageSizes.push(connection.edges.length);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(pageSizes).toEqual([3, 3, 1]);
    expect(seen).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6']);
  });

  it('gives 20 items when first is omitted and an empty last page with null cursors', async () => {
    const all = await page({});
    expect(all.body.data!.books.edges).toHaveLength(7);
    const end = await page({ after: all.body.data!.books.pageInfo.endCursor });
    expect(end.body.data!.books).toMatchObject({
      edges: [],
      pageInfo: { hasNextPage: false, startCursor: null, endCursor: null },
    });
  });

  it.each([[0], [101], [-5]])('refuses first: %i with BAD_USER_INPUT', async (first) => {
    const response = await page({ first });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['first'],
    });
  });

  it('refuses a made-up cursor with BAD_USER_INPUT', async () => {
    const response = await page({ after: 'bm90LWEtY3Vyc29y' });
    expect(response.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('cursor'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
