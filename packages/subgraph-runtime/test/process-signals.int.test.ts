import { afterAll, describe, expect, it } from 'vitest';
import { startTestMongo, type TestMongo } from '@heli/testkit';
import { startTestSubgraph, type TestSubgraph } from '../src/test-subgraph.js';
import { librarySubgraph } from './fixtures/library/library-subgraph.js';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const listenerCounts = () =>
  Object.fromEntries(SIGNALS.map((signal) => [signal, process.listenerCount(signal)]));

describe('subgraphs started in-process', () => {
  let mongo: TestMongo | undefined;
  const started: TestSubgraph[] = [];
  afterAll(async () => {
    for (const subgraph of started) await subgraph.close();
    await mongo?.stop();
  });

  it('leave the process signals to whoever owns the process: eleven of them add no listener', async () => {
    mongo = await startTestMongo();
    const before = listenerCounts();
    // Outside tests Apollo registers its own SIGINT/SIGTERM handlers unless told not to; a bench
    // or a stack of offices runs without NODE_ENV=test, so run as they do.
    const nodeEnv = process.env['NODE_ENV'];
    delete process.env['NODE_ENV'];
    try {
      for (let i = 0; i < 11; i += 1) {
        started.push(
          await startTestSubgraph(librarySubgraph().definition, { MONGODB_URI: mongo.uri }),
        );
      }
    } finally {
      process.env['NODE_ENV'] = nodeEnv;
    }

    expect(listenerCounts()).toEqual(before);
  });
});
