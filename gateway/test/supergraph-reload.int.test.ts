import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupergraphReloadOutcome } from '../src/supergraph-source.js';
import {
  postGraphql,
  startFixtureGraph,
  tokenFor,
  type FixtureGraph,
} from './fixtures/fixture-graph.js';

let graph: FixtureGraph;
let token: string;

beforeAll(async () => {
  graph = await startFixtureGraph();
  token = await tokenFor();
});

afterAll(async () => {
  await graph?.close();
});

function nextReload(): Promise<SupergraphReloadOutcome> {
  return new Promise((resolve) => {
    const stopListening = graph.gateway.onSupergraphReload?.((outcome) => {
      if (outcome.status === 'unchanged') return;
      stopListening?.();
      resolve(outcome);
    });
  });
}

/** Keeps `concurrency` clients sending an entity query until stopped; counts what came back. */
function startRequestStream(concurrency: number) {
  let running = true;
  const tally = { ok: 0, failed: [] as unknown[] };
  const client = async () => {
    while (running) {
      try {
        const response = await postGraphql(
          graph.url,
          '{ divisions(limit: 5) { id name headcount } }',
          { token },
        );
        if (response.status === 200 && !response.body.errors && response.body.data) tally.ok += 1;
        else tally.failed.push(response.body);
      } catch (error) {
        tally.failed.push(String(error));
      }
    }
  };
  const clients = Array.from({ length: concurrency }, client);
  return {
    tally,
    async stop() {
      running = false;
      await Promise.all(clients);
      return tally;
    },
  };
}

describe('supergraph file reload', () => {
  it('picks up a rewritten supergraph without a restart while requests keep succeeding', async () => {
    const before = await postGraphql(graph.url, '{ division(id: "d1") { motto } }', { token });
    expect(before.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const stream = startRequestStream(4);
    while (stream.tally.ok < 20) await new Promise((resolve) => setImmediate(resolve));
    const reloaded = nextReload();
    await graph.writeSupergraph(graph.composeFixtures({ withMotto: true }));
    expect(await reloaded).toMatchObject({ status: 'updated' });
    const okAtSwap = stream.tally.ok;
    while (stream.tally.ok < okAtSwap + 20) await new Promise((resolve) => setImmediate(resolve));
    const tally = await stream.stop();

    expect(tally.failed).toEqual([]);
    const after = await postGraphql(graph.url, '{ division(id: "d1") { name motto } }', { token });
    expect(after.body).toEqual({ data: { division: { name: '秘书处', motto: '合力 d1' } } });
  });

  it('keeps serving the previous supergraph when the new file is not a valid supergraph', async () => {
    const rejected = nextReload();
    await graph.writeSupergraph('type Query { this is not a supergraph');
    expect(await rejected).toMatchObject({ status: 'rejected' });

    const response = await postGraphql(graph.url, '{ division(id: "d2") { motto headcount } }', {
      token,
    });
    expect(response.body).toEqual({ data: { division: { motto: '合力 d2', headcount: 5 } } });
  });

  it('also notices a file written in place rather than renamed over', async () => {
    const reloaded = nextReload();
    await writeFile(graph.supergraphPath, graph.composeFixtures({ withMotto: false }));
    expect(await reloaded).toMatchObject({ status: 'updated' });

    const response = await postGraphql(graph.url, '{ division(id: "d1") { motto } }', { token });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
