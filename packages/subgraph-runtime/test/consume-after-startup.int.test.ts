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

// responsibility's case: its start-up work (the demo organisation) must exist before its consumers
// read events that name it.
describe('consumeAfterStartup', () => {
  let mongo: TestMongo;
  let library: TestSubgraph<LibraryModels>;
  let reviews: TestSubgraph<ReviewsModels> | undefined;

  beforeAll(async () => {
    mongo = await startTestMongo();
  });
  afterAll(async () => {
    await reviews?.close();
    await library?.close();
    await mongo?.stop();
  });

  it('given an event waiting in the stream, when a subgraph with consumeAfterStartup starts, then onReady finishes before the event is handled', async () => {
    const shared = { MONGODB_URI: mongo.uri, HELI_NAMESPACE: uniqueNamespace() };
    library = await startTestSubgraph(librarySubgraph().definition, shared);
    const added = await graphql(
      library.url,
      'mutation { addBook(input: { title: "天工开物", year: 1637 }) { id } }',
      {},
      { token: await tokenFor({}) },
    );
    const { id } = (added.body.data as { addBook: { id: string } }).addBook;
    await waitFor(() => library.conn.collection('outbox').findOne({ publishedAt: { $ne: null } }), {
      description: 'the library to publish book.added',
    });

    const knownDuringStartup: number[] = [];
    reviews = await startTestSubgraph(
      {
        ...reviewsSubgraph(),
        consumeAfterStartup: true,
        async onReady(runtime) {
          // Long enough for a running consumer to have applied the waiting event.
          await new Promise((resolve) => setTimeout(resolve, 1500));
          knownDuringStartup.push(await runtime.models.KnownBook.countDocuments());
        },
      },
      shared,
    );

    expect(knownDuringStartup).toEqual([0]);
    const known = await waitFor(() => reviews!.models.KnownBook.findById(id).lean(), {
      description: 'the consumer, started after onReady, to handle the waiting event',
    });
    expect(known).toEqual({ _id: id, title: '天工开物' });
  });
});
