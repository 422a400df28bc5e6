import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_JWT_SECRET, GATEWAY_SIGNATURE_HEADER } from '@heli/auth';
import { gatewayEnvSchema } from '@heli/gateway/env';
import { createGatewayServer } from '@heli/gateway/server';
import { loadEnv } from '@heli/service-kit';

/** One request a gateway sent to a subgraph, as it can be sent again. */
export interface SubgraphRequest {
  subgraph: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /**
   * The step of the query plan it belongs to: 0 for the first fetch, and one more for each fetch
   * that started only after every earlier one had answered (fetches of one step ran at once).
   */
  step: number;
}

/** Headers that belong to one request only and are not replayed. */
const NOT_REPLAYED = new Set([
  'host',
  'content-length',
  'connection',
  'x-request-id',
  'traceparent',
  'tracestate',
  GATEWAY_SIGNATURE_HEADER,
]);

/**
 * The subgraph requests Heli's gateway makes for each query, in the order it makes them: a gateway
 * (in this process, deduplication off) plans `supergraphSdl` with every subgraph URL pointed at a
 * recording proxy that passes the request on to the real subgraph. Replaying the recorded
 * requests straight at the subgraphs then costs what the gateway's fetches cost, without it.
 */
export async function captureSubgraphRequests(
  supergraphSdl: string,
  queries: readonly string[],
  token: string,
): Promise<Map<string, SubgraphRequest[]>> {
  const recorded: (Omit<SubgraphRequest, 'step'> & { startedAt: number; endedAt: number })[] = [];
  const proxies: { close(): void }[] = [];
  let proxiedSdl = supergraphSdl;
  for (const [, subgraph, url] of supergraphSdl.matchAll(/name: "([^"]+)", url: "([^"]+)"/g)) {
    const proxy = createServer((req, res) => {
      void (async () => {
        const startedAt = performance.now();
        const body = await readBody(req);
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(req.headers)) {
          if (!NOT_REPLAYED.has(name) && typeof value === 'string') headers[name] = value;
        }
        const answer = await fetch(url!, { method: 'POST', headers, body });
        recorded.push({ subgraph: subgraph!, url: url!, headers, body, startedAt, endedAt: 0 });
        const entry = recorded.at(-1)!;
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        const text = await answer.text();
        entry.endedAt = performance.now();
        res.end(text);
      })();
    });
    proxy.listen(0, '127.0.0.1');
    await once(proxy, 'listening');
    proxies.push(proxy);
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
    proxiedSdl = proxiedSdl.replace(`url: "${url}"`, `url: "${proxyUrl}"`);
  }

  const dir = await mkdtemp(join(tmpdir(), 'heli-bench-capture-'));
  const supergraphPath = join(dir, 'supergraph.graphql');
  await writeFile(supergraphPath, proxiedSdl);
  const gateway = await createGatewayServer(
    loadEnv(gatewayEnvSchema, {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      JWT_SECRET: DEV_JWT_SECRET,
      JWT_ISSUER: 'heli',
      JWT_AUDIENCE: 'heli',
      SUPERGRAPH_PATH: supergraphPath,
      GATEWAY_WORKERS: '1',
      DEDUPLICATE_SUBGRAPH_QUERIES: 'false',
    }),
  );
  try {
    const url = await gateway.listen(0);
    const byQuery = new Map<string, SubgraphRequest[]>();
    for (const query of queries) {
      recorded.length = 0;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      const text = await response.text();
      if (response.status !== 200 || text.includes('"errors"'))
        throw new Error(`capturing ${query}: ${text.slice(0, 300)}`);
      byQuery.set(query, inSteps(recorded));
    }
    return byQuery;
  } finally {
    await gateway.close();
    for (const proxy of proxies) proxy.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The recorded requests in the order they started, each with its plan step. */
function inSteps(
  recorded: readonly (Omit<SubgraphRequest, 'step'> & { startedAt: number; endedAt: number })[],
): SubgraphRequest[] {
  let step = 0;
  let stepEnds = 0;
  return [...recorded]
    .sort((a, b) => a.startedAt - b.startedAt)
    .map(({ startedAt, endedAt, ...request }, i) => {
      if (i > 0 && startedAt >= stepEnds) step += 1;
      stepEnds = Math.max(stepEnds, endedAt);
      return { ...request, step };
    });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
