import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { TEST_JWT } from '../test/fixtures/fixture-auth.js';
import { postGraphql, tokenFor } from '../test/fixtures/fixture-graph.js';
import { FIXTURE_LINE_PREFIX, type FixtureSubgraphsLine } from './fixture-subgraphs-line.js';

// `pnpm --filter @heli/gateway bench`: the same kind of request through the gateway and straight to
// the subgraph that owns the data, to show what federation (auth, limits, planning, a second
// subgraph fetch) costs. Starts the fixture subgraphs and a real gateway (src/index.ts, one worker
// per core) in child processes, so the load generator has this process to itself.
//
// Against running services instead (e.g. `pnpm start`): BENCH_GATEWAY_URL and BENCH_TOKEN; by
// default the owning subgraph is responsibility on its `pnpm start` port and both get the same
// divisions page (BENCH_SUBGRAPH_URL, BENCH_GATEWAY_QUERY and BENCH_SUBGRAPH_QUERY override that).
// BENCH_DURATION_S (10), BENCH_CONNECTIONS (10), BENCH_WARMUP_S (2, unmeasured, before each target).

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** Unmeasured load first, so JIT compilation, plan caches and connection pools are warm. */
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 2);
/** The gateway's own default, unless GATEWAY_WORKERS is set for the bench as well. */
const GATEWAY_WORKERS = Number(process.env.GATEWAY_WORKERS ?? availableParallelism());

/** An entity list from the owning subgraph with a field the extending subgraph adds. */
const FIXTURE_GATEWAY_QUERY = '{ divisions(limit: 20) { id name headcount } }';
/** The same list from the owning subgraph alone (it cannot answer `headcount`). */
const FIXTURE_SUBGRAPH_QUERY = '{ divisions(limit: 20) { id name } }';

/** `pnpm start`'s responsibility subgraph, which owns Division and Staff. */
const RESPONSIBILITY_URL = 'http://127.0.0.1:4001/graphql';
/**
 * A page of divisions with each head's name and title: real MongoDB reads (a page, then the heads
 * batched by a DataLoader) in one subgraph, so the gateway adds one fetch and no entity join.
 */
const RESPONSIBILITY_QUERY =
  '{ divisions(first: 20) { edges { node { id name head { name title } } } } }';

interface Target {
  label: string;
  url: string;
  query: string;
}

const children: ChildProcess[] = [];

async function main(): Promise<void> {
  const { targets, token, setup } = process.env.BENCH_GATEWAY_URL
    ? fromEnvironment()
    : await startFixtures();
  process.stdout.write(
    `${setup}\n${DURATION_S} s per target, ${CONNECTIONS} connections, ${availableParallelism()} cores on this machine, ` +
      `load average ${loadavg()[0]?.toFixed(1)} before the run\n\n`,
  );

  const rows: string[][] = [
    ['target', 'requests/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors'],
  ];
  const measured: { requestsPerSecond: number; p50: number }[] = [];
  for (const target of targets) {
    const check = await postGraphql(target.url, target.query, { token });
    if (check.status !== 200 || check.body.errors) {
      throw new Error(
        `${target.label} does not answer the bench query: ${check.status} ${JSON.stringify(check.body)}`,
      );
    }
    const load = {
      url: target.url,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: target.query }),
      connections: CONNECTIONS,
    };
    if (WARMUP_S > 0) await autocannon({ ...load, duration: WARMUP_S });
    const result = await autocannon({ ...load, duration: DURATION_S });
    measured.push({ requestsPerSecond: result.requests.average, p50: result.latency.p50 });
    rows.push([
      target.label,
      result.requests.average.toFixed(0),
      String(result.latency.p50),
      String(result.latency.p99),
      String(result.requests.total),
      String(result.non2xx),
      String(result.errors),
    ]);
  }
  process.stdout.write(`${formatTable(rows)}\n`);
  const [gateway, direct] = measured;
  if (gateway && direct && direct.requestsPerSecond > 0) {
    // The machine may be busy with other work; the ratio of two back-to-back runs says more than
    // either figure alone.
    process.stdout.write(
      `\ngateway / direct: ${((100 * gateway.requestsPerSecond) / direct.requestsPerSecond).toFixed(0)}% of the requests/s, ` +
        `p50 ${gateway.p50} ms vs ${direct.p50} ms\n`,
    );
  }
}

function fromEnvironment(): { targets: Target[]; token: string; setup: string } {
  const env = process.env;
  const token = env.BENCH_TOKEN;
  if (!token)
    throw new Error('Set also BENCH_TOKEN (e.g. BENCH_TOKEN=$(pnpm --silent token director))');
  const gatewayUrl = env.BENCH_GATEWAY_URL as string;
  const subgraphUrl = env.BENCH_SUBGRAPH_URL || RESPONSIBILITY_URL;
  const gatewayQuery = env.BENCH_GATEWAY_QUERY || RESPONSIBILITY_QUERY;
  const subgraphQuery = env.BENCH_SUBGRAPH_QUERY || gatewayQuery;
  return {
    token,
    setup:
      `Running services: gateway ${gatewayUrl}, subgraph ${subgraphUrl}\n` +
      `Gateway query: ${gatewayQuery}\nSubgraph query: ${subgraphQuery}`,
    targets: [
      { label: 'gateway', url: gatewayUrl, query: gatewayQuery },
      { label: 'subgraph (direct)', url: subgraphUrl, query: subgraphQuery },
    ],
  };
}

async function startFixtures(): Promise<{ targets: Target[]; token: string; setup: string }> {
  const subgraphs = JSON.parse(
    await lineAfter(
      FIXTURE_LINE_PREFIX,
      spawnTs(fileURLToPath(new URL('./run-fixture-subgraphs.ts', import.meta.url)), {}),
    ),
  ) as FixtureSubgraphsLine;

  const gateway = spawnTs(fileURLToPath(new URL('../src/index.ts', import.meta.url)), {
    SUPERGRAPH_PATH: subgraphs.supergraphPath,
    JWT_SECRET: TEST_JWT.secret,
    PORT: '0',
    LOG_LEVEL: 'info',
  });
  // Measure only once every worker (one per core by default) is listening.
  const gatewayUrl = await new Promise<string>((resolve) => {
    let pending = '';
    const urls: string[] = [];
    gateway.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /"url":"([^"]+)"[^\n]*"msg":"gateway listening"/.exec(line);
        if (match?.[1]) urls.push(match[1]);
      }
      if (urls.length === GATEWAY_WORKERS) resolve(urls[0] as string);
    });
  });
  return {
    token: await tokenFor(),
    setup: `Fixture subgraphs (catalogue owns Division, staffing adds headcount); gateway with ${GATEWAY_WORKERS} worker(s).\nGateway query: ${FIXTURE_GATEWAY_QUERY}\nSubgraph query: ${FIXTURE_SUBGRAPH_QUERY}`,
    targets: [
      { label: 'gateway', url: gatewayUrl, query: FIXTURE_GATEWAY_QUERY },
      {
        label: 'catalogue subgraph (direct)',
        url: subgraphs.catalogueUrl,
        query: FIXTURE_SUBGRAPH_QUERY,
      },
    ],
  };
}

function spawnTs(entry: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return child;
}

/** The payload of the child's first output line that starts with `prefix`. */
function lineAfter(prefix: string, child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const line = pending
        .split('\n')
        .find((candidate) => candidate.startsWith(prefix) && pending.includes(`${candidate}\n`));
      if (line !== undefined) resolve(line.slice(prefix.length));
    });
    child.once('exit', (code) => reject(new Error(`fixture subgraphs exited with ${code}`)));
  });
}

function formatTable(rows: string[][]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '))
    .join('\n');
}

try {
  await main();
} finally {
  for (const child of children) child.kill('SIGTERM');
}
