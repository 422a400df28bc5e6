import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestMongo, tokenFor, type TestMongo } from '@heli/testkit';
import { startTestSubgraph, type TestSubgraph } from '@heli/subgraph-runtime/test-subgraph';
import { startTestGateway, type TestGateway } from '../src/test-gateway.js';
// The subgraph runtime's own test subgraphs, exported for this test: it is about subgraphs built
// with the runtime federating through the real gateway, which the runtime's tests cannot start
// (the gateway depends on the runtime), so it lives here and borrows them rather than keeping a
// second copy.
import { librarySubgraph, type LibraryModels } from '@heli/subgraph-runtime/test-fixtures/library';
import { reviewsSubgraph, type ReviewsModels } from '@heli/subgraph-runtime/test-fixtures/reviews';

describe('an entity owned by one subgraph and extended by another', () => {
  let mongo: TestMongo;
  let library: TestSubgraph<LibraryModels>;
  let reviews: TestSubgraph<ReviewsModels>;
  let gateway: TestGateway;

  beforeAll(async () => {
    mongo = await startTestMongo();
    // One MongoDB server, but each subgraph in its own database, as in production.
    library = await startTestSubgraph(librarySubgraph().definition, { MONGODB_URI: mongo.uri });
    reviews = await startTestSubgraph(reviewsSubgraph(), { MONGODB_URI: mongo.uri });
    gateway = await startTestGateway([
      { name: 'library', url: library.url },
      { name: 'reviews', url: reviews.url },
    ]);
    await library.models.Book.insertMany([
      { _id: 'b1', title: '红楼梦', year: 1791 },
      { _id: 'b2', title: '水浒传', year: 1589 },
    ]);
    await reviews.models.Review.insertMany([
      { _id: 'r1', bookId: 'b1', stars: 5, text: '百读不厌' },
      { _id: 'r2', bookId: 'b1', stars: 4, text: '人物众多' },
      { _id: 'r3', bookId: 'b2', stars: 4, text: '好汉' },
    ]);
  });
  afterAll(async () => {
    await gateway?.close();
    await reviews?.close();
    await library?.close();
    await mongo?.stop();
  });

  it('resolves through the gateway, fields from both subgraphs in one answer', async () => {
    const response = await graphql(
      gateway.url,
      '{ books(first: 10) { edges { node { title reviews { stars text } } } } }',
      {},
      { token: await tokenFor({}) },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({
      books: {
        edges: [
          { node: { title: '水浒传', reviews: [{ stars: 4, text: '好汉' }] } },
          {
            node: {
              title: '红楼梦',
              reviews: [
                { stars: 5, text: '百读不厌' },
                { stars: 4, text: '人物众多' },
              ],
            },
          },
        ],
      },
    });
  });

  it('keeps the databases apart', async () => {
    expect(library.conn.db?.databaseName).not.toBe(reviews.conn.db?.databaseName);
    expect(await library.conn.collection('reviews').countDocuments()).toBe(0);
  });
});
