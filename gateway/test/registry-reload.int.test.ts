import {
  hashOf,
  openSchemaRegistry,
  publishSubgraph,
  registerOperations,
  registryBucketName,
  rollback,
  type SchemaRegistry,
} from '@heli/schema-registry';
import { createLogger, loadEnv } from '@heli/service-kit';
import { testProcessEnv, uniqueNamespace, waitFor } from '@heli/testkit';
import { connect, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayEnvSchema } from '../src/env.js';
import { createGatewayServer, type GatewayServer } from '../src/server.js';
import type { SupergraphReloadOutcome } from '../src/supergraph-source.js';
import { catalogueSdl } from './fixtures/catalogue-subgraph.js';
import { TEST_JWT } from './fixtures/fixture-auth.js';
import { postGraphql, startFixtureSubgraphs, tokenFor } from './fixtures/fixture-graph.js';
import { staffingSdl } from './fixtures/staffing-subgraph.js';

// The gateway in registry mode: the fixture subgraphs are published to a registry bucket of this
// run's own namespace on the real NATS, and the gateway follows what the registry commits.

const { NATS_URL } = testProcessEnv();
let subgraphs: Awaited<ReturnType<typeof startFixtureSubgraphs>>;
let nc: NatsConnection;
let registry: SchemaRegistry;
let namespace: string;
let gateway: GatewayServer;
let url: string;
let token: string;

const staffing = (sdl: string, version: string) => ({
  name: 'staffing',
  url: subgraphs.staffing.url,
  version,
  sdl,
});

beforeAll(async () => {
  subgraphs = await startFixtureSubgraphs();
  nc = await connect({ servers: NATS_URL });
  namespace = uniqueNamespace();
  registry = await openSchemaRegistry(nc, { namespace });
  await publishSubgraph(registry, {
    name: 'catalogue',
    url: subgraphs.catalogue.url,
    version: '1',
    sdl: catalogueSdl,
  });
  await publishSubgraph(registry, staffing(staffingSdl({ withMotto: false }), '1'));
  await registerOperations(
    registry,
    'console',
    'query DivisionHeadcounts { divisions(limit: 5) { id name headcount } }',
  );

  const env = loadEnv(gatewayEnvSchema, {
    SCHEMA_REGISTRY_NATS_URL: NATS_URL,
    HELI_NAMESPACE: namespace,
    JWT_SECRET: TEST_JWT.secret,
    LOG_LEVEL: 'silent',
  });
  gateway = await createGatewayServer(env, {
    logger: createLogger({ service: 'gateway', level: 'silent' }),
  });
  url = await gateway.listen(0);
  token = await tokenFor();
});

afterAll(async () => {
  await gateway?.close();
  await subgraphs?.close();
  const jsm = await nc?.jetstreamManager();
  await jsm?.streams.delete(`KV_${registryBucketName(namespace)}`);
  await nc?.drain();
});

function nextReload({ unchangedToo = false } = {}): Promise<SupergraphReloadOutcome> {
  return new Promise((resolve) => {
    const stop = gateway.onSupergraphReload?.((outcome) => {
      if (outcome.status === 'unchanged' && !unchangedToo) return;
      stop?.();
      resolve(outcome);
    });
  });
}

/** `concurrency` clients sending a query until stopped; counts what came back. */
function startRequestStream(concurrency: number) {
  let running = true;
  const tally = { ok: 0, failed: [] as unknown[] };
  const client = async () => {
    while (running) {
      try {
        const response = await postGraphql(url, '{ divisions(limit: 5) { id name headcount } }', {
          token,
        });
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

const mottoOf = (id: string) =>
  postGraphql(url, `{ division(id: "${id}") { headcount motto } }`, { token });

describe('gateway following the schema registry', () => {
  it('hot-reloads a compatible publish with no failed request during the swap', async () => {
    expect((await mottoOf('d1')).body.errors?.[0]?.extensions?.code).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
    const stream = startRequestStream(4);
    await waitFor(() => stream.tally.ok >= 20, { description: 'requests flowing before the swap' });
    const reloaded = nextReload();

    const outcome = await publishSubgraph(
      registry,
      staffing(staffingSdl({ withMotto: true }), '2'),
    );

    expect(outcome.status).toBe('published');
    expect(await reloaded).toMatchObject({ status: 'updated' });
    const okAtSwap = stream.tally.ok;
    await waitFor(() => stream.tally.ok >= okAtSwap + 20, {
      description: 'requests after the swap',
    });
    const tally = await stream.stop();
    expect(tally.failed).toEqual([]);
    expect((await mottoOf('d1')).body).toEqual({
      data: { division: { headcount: 4, motto: '合力 d1' } },
    });
  });

  it('refuses a breaking change a registered operation uses, and the gateway keeps serving', async () => {
    const withoutHeadcount = staffingSdl({ withMotto: true }).replace('headcount: Int!', '');

    const outcome = await publishSubgraph(registry, staffing(withoutHeadcount, '3'));

    expect(outcome.status).toBe('refused');
    expect(outcome.refusals.join('\n')).toMatch(
      /operation DivisionHeadcounts \(client console\).*Division\.headcount/,
    );
    expect((await mottoOf('d2')).body).toEqual({
      data: { division: { headcount: 5, motto: '合力 d2' } },
    });
  });

  it('refuses an SDL that does not compose, with the composition error', async () => {
    const clash = staffingSdl({ withMotto: true }).replace('headcount: Int!', 'name: Int!');

    const outcome = await publishSubgraph(registry, staffing(clash, '4'));

    expect(outcome.status).toBe('refused');
    expect(outcome.refusals[0]).toMatch(/^composition: .*Division\.name/);
  });

  it('keeps the last good supergraph when the registry holds one it cannot run, then rolls back', async () => {
    const current = (await registry.readState())!;
    const rejected = nextReload();
    // Written past the checks, as a hand edit or a version skew could.
    await registry.commitState(
      { ...current.state, supergraphSdl: 'type Query { broken: ', hash: hashOf('broken') },
      current.revision,
    );

    expect(await rejected).toMatchObject({ status: 'rejected' });
    expect((await mottoOf('d3')).body).toEqual({
      data: { division: { headcount: 6, motto: '合力 d3' } },
    });

    // The rollback restores the supergraph the gateway never stopped serving: nothing to swap.
    const back = nextReload({ unchangedToo: true });
    await rollback(registry);
    expect(await back).toEqual({ status: 'unchanged', hash: current.state.hash });
    expect((await mottoOf('d3')).body.data).toEqual({
      division: { headcount: 6, motto: '合力 d3' },
    });
  });
});
