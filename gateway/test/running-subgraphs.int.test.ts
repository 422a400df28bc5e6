import { createLogger, loadEnv } from '@heli/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayEnvSchema } from '../src/env.js';
import { createGatewayServer, type GatewayServer } from '../src/server.js';
import { TEST_JWT } from './fixtures/fixture-auth.js';
import { postGraphql, startFixtureSubgraphs, tokenFor } from './fixtures/fixture-graph.js';

// Development mode: no supergraph file; the gateway composes from the running subgraphs, which
// (like every Heli subgraph) refuse requests without a valid token, schema requests included.

let subgraphs: Awaited<ReturnType<typeof startFixtureSubgraphs>>;
let gateway: GatewayServer;
let url: string;

beforeAll(async () => {
  subgraphs = await startFixtureSubgraphs();
  const env = loadEnv(gatewayEnvSchema, {
    SUBGRAPH_URLS: `catalogue=${subgraphs.catalogue.url},staffing=${subgraphs.staffing.url}`,
    JWT_SECRET: TEST_JWT.secret,
    LOG_LEVEL: 'silent',
  });
  gateway = await createGatewayServer(env, {
    logger: createLogger({ service: 'gateway', level: 'silent' }),
  });
  url = await gateway.listen(0);
});

afterAll(async () => {
  await gateway?.close();
  await subgraphs?.close();
});

describe('gateway composed from running subgraphs (SUBGRAPH_URLS)', () => {
  it('fetches each subgraph’s SDL with a service token, since the subgraphs refuse anonymous schema requests', async () => {
    const anonymous = await postGraphql(subgraphs.staffing.url, '{ _service { sdl } }');
    expect(anonymous.status).toBe(401);

    const response = await postGraphql(url, '{ divisions(limit: 2) { name headcount motto } }', {
      token: await tokenFor(),
    });
    // The running staffing subgraph already declares `motto`, so the composed graph has it.
    expect(response.body).toEqual({
      data: {
        divisions: [
          { name: '秘书处', headcount: 4, motto: '合力 d1' },
          { name: '第2处', headcount: 5, motto: '合力 d2' },
        ],
      },
    });
  });

  it('has no supergraph file to reload', () => {
    expect(gateway.reload).toBeUndefined();
  });
});
