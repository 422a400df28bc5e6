import { randomBytes } from 'node:crypto';
import { connect, type JetStreamManager } from 'nats';
import { testProcessEnv } from './process-environment.js';
import { TEST_RUN_TAG_VARIABLE } from './unique-names.js';

/**
 * Global setup of every test tier that talks to NATS: gives the run a tag that every namespace
 * of the run starts with, and deletes the run's JetStream streams when it ends.
 *
 * Without it every run left its streams behind (about 400 for the whole suite), and a NATS
 * server that lives as long as the machine — as CI's does, on the machine a working session
 * left — collected thousands. Streams of runs that ended without their teardown (killed) are
 * deleted by the next run once they are old enough that no run can still be using them.
 */
const ABANDONED_AFTER_MS = 3 * 60 * 60_000;
/** A test namespace's streams, as uniqueNamespace() names them upper-cased: `T<hex>_<SUBGRAPH>`. */
const TEST_STREAM = /^T[0-9A-F]{8,12}_[A-Z0-9_]+$/;

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  // Each tier's setup runs in the one main process; the first owns the run's tag.
  if (process.env[TEST_RUN_TAG_VARIABLE]) return undefined;
  const tag = randomBytes(2).toString('hex');
  process.env[TEST_RUN_TAG_VARIABLE] = tag;
  await deleteStreams((name, createdAt) => Date.now() - createdAt > ABANDONED_AFTER_MS);
  const ofThisRun = new RegExp(`^T${tag.toUpperCase()}[0-9A-F]{8}_`);
  return () => deleteStreams((name) => ofThisRun.test(name));
}

async function deleteStreams(chosen: (name: string, createdAt: number) => boolean) {
  const nats = await connect({
    servers: testProcessEnv().NATS_URL,
    timeout: 2_000,
    maxReconnectAttempts: 0,
  }).catch(() => undefined);
  // Unit tests alone need no NATS; the tiers that do say so themselves when it is missing.
  if (!nats) return;
  try {
    const jsm: JetStreamManager = await nats.jetstreamManager();
    const doomed: string[] = [];
    for await (const stream of jsm.streams.list()) {
      const name = stream.config.name;
      if (TEST_STREAM.test(name) && chosen(name, Date.parse(stream.created))) doomed.push(name);
    }
    for (const name of doomed) await jsm.streams.delete(name).catch(() => undefined);
  } finally {
    await nats.close();
  }
}
