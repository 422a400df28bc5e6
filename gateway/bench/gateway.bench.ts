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
// Against running services instead: BENCH_GATEWAY_URL, BENCH_SUBGRAPH_URL, BENCH_TOKEN,
// BENCH_GATEWAY_QUERY and BENCH_SUBGRAPH_QUERY. BENCH_DURATION_S (10), BENCH_CONNECTIONS (10).

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** The gateway's own default, unless GATEWAY_WORKERS is set for the bench as well. */
const GATEWAY_WORKERS = Number(process.env.GATEWAY_WORKERS ?? availableParallelism());

/** An entity list from the owning subgraph with a field the extending subgraph adds. */
const FIXTURE_GATEWAY_QUERY = '{ divisions(limit: 20) { id name headcount } }';
/** The same list from the owning subgraph alone (it cannot answer `headcount`). */
const FIXTURE_SUBGRAPH_QUERY = '{ divisions(limit: 20) { id name } }';

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
  for (const target of targets) {
    const check = await postGraphql(target.url, target.query, { token });
    if (check.status !== 200 || check.body.errors) {
      throw new Error(
        `${target.label} does not answer the bench query: ${check.status} ${JSON.stringify(check.body)}`,
      );
    }
    const result = await autocannon({
      url: target.url,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: target.query }),
      connections: CONNECTIONS,
      duration: DURATION_S,
    });
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
}

function fromEnvironment(): { targets: Target[]; token: string; setup: string } {
  const names = [
    'BENCH_GATEWAY_URL',
    'BENCH_SUBGRAPH_URL',
    'BENCH_TOKEN',
    'BENCH_GATEWAY_QUERY',
    'BENCH_SUBGRAPH_QUERY',
  ];
  const missing = names.filter((name) => !process.env[name]);
  if (missing.length > 0) throw new Error(`Set also: ${missing.join(', ')}`);
  const env = process.env as Record<string, string>;
  return {
    token: env.BENCH_TOKEN as string,
    setup: `Running services: gateway ${env.BENCH_GATEWAY_URL}, subgraph ${env.BENCH_SUBGRAPH_URL}`,
    targets: [
      {
        label: 'gateway',
        url: env.BENCH_GATEWAY_URL as string,
        query: env.BENCH_GATEWAY_QUERY as string,
      },
      {
        label: 'subgraph (direct)',
        url: env.BENCH_SUBGRAPH_URL as string,
        query: env.BENCH_SUBGRAPH_QUERY as string,
      },
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
