import { connect, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamName } from '@heli/event-contracts';
import { capturedLogger, graphql, tokenFor, waitFor } from '@heli/testkit';
import { startTestSubgraph, type TestSubgraph } from '../src/test-subgraph.js';
import { bookAdded } from './fixtures/library/book-events.js';
import { librarySubgraph } from './fixtures/library/library-subgraph.js';

describe('the request id', () => {
  const { logger, lines } = capturedLogger('library');
  let subgraph: TestSubgraph;
  let nats: NatsConnection;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(librarySubgraph().definition, {}, { logger });
    nats = await connect({ servers: subgraph.runtime.runtime.env.NATS_URL });
  });
  afterAll(async () => {
    await nats?.close();
    await subgraph?.close();
  });

  it("is taken from the gateway's x-request-id, put in the context, echoed, and on every log line", async () => {
    const response = await graphql(
      subgraph.url,
      '{ requestInfo { requestId viewerId viewerName } }',
      {},
      {
        token: await tokenFor({ sub: 'staff-17', name: '王芳' }),
        headers: { 'x-request-id': 'gw-req-0001' },
      },
    );

    expect(response.body.data).toEqual({
      requestInfo: { requestId: 'gw-req-0001', viewerId: 'staff-17', viewerName: '王芳' },
    });
    expect(response.headers.get('x-request-id')).toBe('gw-req-0001');
    const resolverLine = lines.find((line) => line['msg'] === 'request info asked for');
    expect(resolverLine).toMatchObject({
      requestId: 'gw-req-0001',
      service: 'library',
      viewer: 'staff-17',
    });
    const accessLine = lines.find(
      (line) => line['msg'] === 'request' && line['requestId'] === 'gw-req-0001',
    );
    expect(accessLine).toMatchObject({ path: '/graphql', status: 200 });
  });

  it('is created when the caller sends none', async () => {
    const response = await graphql(
      subgraph.url,
      '{ requestInfo { requestId } }',
      {},
      { token: await tokenFor({}) },
    );
    const data = response.body.data as { requestInfo: { requestId: string } };
    expect(data.requestInfo.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-request-id')).toBe(data.requestInfo.requestId);
  });

  it('travels on the events the request causes, through the outbox and relay into JetStream', async () => {
    const response = await graphql(
      subgraph.url,
      'mutation { addBook(input: { title: "天工开物", year: 1637 }) { id } }',
      {},
      { token: await tokenFor({}), headers: { 'x-request-id': 'gw-req-0002' } },
    );
    const { id } = (response.body.data as { addBook: { id: string } }).addBook;

    const namespace = subgraph.runtime.runtime.env.HELI_NAMESPACE;
    const jsm = await nats.jetstreamManager();
    const stored = await waitFor(
      async () => {
        const message = await jsm.streams.getMessage(streamName(namespace, bookAdded.context), {
          last_by_subj: `${namespace}.library.book.added`,
        });
        return message.json<{ type: string; subject: string; requestid?: string }>();
      },
      { description: 'the book.added event in JetStream' },
    );
    expect(stored).toMatchObject({
      type: bookAdded.fullType,
      subject: id,
      requestid: 'gw-req-0002',
    });
  });
});
