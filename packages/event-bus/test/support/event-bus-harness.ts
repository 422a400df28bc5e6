import { streamName } from '@heli/event-contracts';
import { createLogger, type Logger } from '@heli/service-kit';
import { uniqueDbName, uniqueNamespace, type TestMongo } from '@heli/testkit';
import mongoose, { type Connection } from 'mongoose';
import { connect, type JetStreamManager, type NatsConnection } from 'nats';
import { TEST_CONTEXT } from '../fixtures/test-events.js';

export const SHARED_NATS_URL = 'nats://127.0.0.1:4222';

/**
 * One test's world: its own database on the test file's embedded server, its own NATS namespace,
 * and a NATS connection that keeps reconnecting while a test has stopped the server.
 */
export type EventBusHarness = {
  conn: Connection;
  nc: NatsConnection;
  jsm: JetStreamManager;
  namespace: string;
  stream: string;
  logger: Logger;
  /** Another NATS connection, as a second replica would have. */
  connectNats(): Promise<NatsConnection>;
  close(): Promise<void>;
};

export async function startHarness(
  mongo: TestMongo,
  natsUrl: string = SHARED_NATS_URL,
): Promise<EventBusHarness> {
  const namespace = uniqueNamespace();
  const conn = await mongoose
    .createConnection(mongo.uri, { dbName: uniqueDbName('eventbus') })
    .asPromise();
  const connections: NatsConnection[] = [];
  const connectNats = async () => {
    const nc = await connect({
      servers: natsUrl,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 100,
    });
    connections.push(nc);
    return nc;
  };
  const nc = await connectNats();
  const jsm = await nc.jetstreamManager();
  const stream = streamName(namespace, TEST_CONTEXT);
  return {
    conn,
    nc,
    jsm,
    namespace,
    stream,
    logger: createLogger({ service: 'event-bus-test', level: 'silent' }),
    connectNats,
    async close() {
      await jsm.streams.delete(stream).catch(() => undefined);
      await Promise.all(connections.map((c) => c.close()));
      await conn.close();
    },
  };
}
