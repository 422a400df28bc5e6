import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  graphql,
  startTestMongo,
  tokenFor,
  uniqueNamespace,
  waitFor,
  type TestMongo,
} from '@heli/testkit';
import { startTestSubgraph, type TestSubgraph } from '../src/test-subgraph.js';
import { librarySubgraph, type LibraryModels } from './fixtures/library/library-subgraph.js';
import { reviewsSubgraph, type ReviewsModels } from './fixtures/reviews/reviews-subgraph.js';

describe('events between subgraphs', () => {
  let mongo: TestMongo;
  let library: TestSubgraph<LibraryModels>;
  let reviews: TestSubgraph<ReviewsModels>;

  beforeAll(async () => {
    mongo = await startTestMongo();
    // Both services in one namespace, as in one deployment; each in its own database.
    const shared = { MONGODB_URI: mongo.uri, HELI_NAMESPACE: uniqueNamespace() };
    library = await startTestSubgraph(librarySubgraph().definition, shared);
    reviews = await startTestSubgraph(reviewsSubgraph(), shared);
  });
  afterAll(async () => {
    await reviews?.close();
    await library?.close();
    await mongo?.stop();
  });

  it("given a definition with eventHandlers, then its consumer is started and handles the other subgraph's events", async () => {
    const response = await graphql(
      library.url,
      'mutation { addBook(input: { title: "本草纲目", year: 1578 }) { id } }',
      {},
      { token: await tokenFor({}) },
    );
    const { id } = (response.body.data as { addBook: { id: string } }).addBook;

    const known = await waitFor(() => reviews.models.KnownBook.findById(id).lean(), {
      description: 'the reviews subgraph to learn of the new book',
    });
    expect(known).toEqual({ _id: id, title: '本草纲目' });
  });

  it('keeps the write and its event together: a refused write emits nothing', async () => {
    const before = await library.conn.collection('outbox').countDocuments();
    const response = await graphql(
      library.url,
      'mutation { addBook(input: { title: "残卷", year: 1000 }) { id } }',
      {},
      { token: await tokenFor({}) },
    );
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await library.conn.collection('outbox').countDocuments()).toBe(before);
  });
});
