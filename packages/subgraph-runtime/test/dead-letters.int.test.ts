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
import { runDeadLetterCommand } from '../src/dead-letter-command.js';
import { librarySubgraph, type LibraryModels } from './fixtures/library/library-subgraph.js';
import { reviewsSubgraph, type ReviewsModels } from './fixtures/reviews/reviews-subgraph.js';

const CONSUMER = 'reviews-known-books';

describe('the dead-letters command (docs/RUNBOOK.md: replay dead letters)', () => {
  let mongo: TestMongo;
  let library: TestSubgraph<LibraryModels>;
  let reviews: TestSubgraph<ReviewsModels>;

  beforeAll(async () => {
    mongo = await startTestMongo();
    const shared = { MONGODB_URI: mongo.uri, HELI_NAMESPACE: uniqueNamespace() };
    library = await startTestSubgraph(librarySubgraph().definition, shared);
    reviews = await startTestSubgraph(reviewsSubgraph(), shared);
  });
  afterAll(async () => {
    await reviews?.close();
    await library?.close();
    await mongo?.stop();
  });

  async function run(...argv: string[]) {
    const lines: string[] = [];
    const status = await runDeadLetterCommand(reviews.runtime.deadLetters, argv, (line) =>
      lines.push(line),
    );
    return { status, lines };
  }

  it('lists a parked event, replays it through the consumer’s handler, and the effect appears once', async () => {
    const added = await graphql(
      library.url,
      'mutation { addBook(input: { title: "天工开物", year: 1637 }) { id } }',
      {},
      { token: await tokenFor({}) },
    );
    const { id } = (added.body.data as { addBook: { id: string } }).addBook;
    await waitFor(() => reviews.models.KnownBook.findById(id).lean(), {
      description: 'reviews to learn of the book',
    });

    // As if the handler had kept failing: no effect, no processed record, the event parked.
    const record = await library.conn
      .collection<{ _id: string; envelope: { id: string; type: string } }>('outbox')
      .findOne({ 'envelope.data.bookId': id });
    expect(record).not.toBeNull();
    const envelope = record!.envelope;
    const eventId = envelope.id;
    await reviews.models.KnownBook.deleteOne({ _id: id });
    await reviews.conn
      .collection('processed_events')
      .deleteOne({ _id: `${CONSUMER}:${eventId}` } as never);
    const now = new Date();
    await reviews.conn.collection('dead_letters').insertOne({
      _id: `${CONSUMER}:${eventId}`,
      consumerName: CONSUMER,
      reason: 'failed',
      envelope,
      eventId,
      type: envelope.type,
      stream: 'TEST',
      streamSequence: 1,
      error: { message: 'the database was away' },
      attempts: 5,
      firstFailedAt: now,
      lastFailedAt: now,
    } as never);

    const listed = await run('list', '--consumer', CONSUMER);
    expect(listed.status).toBe(0);
    expect(listed.lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({
        _id: `${CONSUMER}:${eventId}`,
        consumerName: CONSUMER,
        error: 'the database was away',
      }),
    ]);

    const replayed = await run('replay', '--all');
    expect(replayed).toEqual({
      status: 0,
      lines: [JSON.stringify({ id: `${CONSUMER}:${eventId}`, outcome: 'applied' })],
    });
    expect(await reviews.models.KnownBook.findById(id).lean()).toMatchObject({ title: '天工开物' });
    expect((await run('list')).lines).toEqual([]);
  });

  it('says which dead letter it could not replay and exits 1; bad usage exits 2', async () => {
    const missing = await run('replay', 'reviews-known-books:nope');
    expect(missing.status).toBe(1);
    expect(missing.lines[0]).toMatch(/no dead letter reviews-known-books:nope/);
    expect((await run('resurrect')).status).toBe(2);
  });
});
