import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { DEV_JWT_SECRET, signDevToken } from '@heli/auth';
import { treeRssMb } from './process-memory.js';
import { QUERIES, type QueryName } from './queries.js';
import { FIXTURES_LINE_PREFIX } from './fixtures-line.js';
import { median, table } from './table.js';

// `pnpm bench` (this package): Heli's gateway against plain @apollo/gateway + @apollo/server and
// Hive Gateway on the same supergraph (Heli's real SDL) over constant-time fixture subgraphs, so
// the gateways are the bottleneck. Every contender runs in its own process at once; rounds are
// interleaved (each round runs every query on every contender, in a rotated order), so a busy
// moment of a shared machine hits all contenders alike, and medians over rounds are reported.
//
// BENCH_ROUNDS (3), BENCH_DURATION_S (5), BENCH_WARMUP_S (1), BENCH_CONNECTIONS (10; "1,10" for
// both), BENCH_CONTENDERS (all: heli,heli-built,heli-no-dedup,apollo,hive), GATEWAY_WORKERS (1).

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 1);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '10').split(',').map(Number);
const WORKERS = process.env.GATEWAY_WORKERS ?? '1';
const STARTUP_TIMEOUT_MS = 120_000;

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

interface ContenderSpec {
  name: string;
  entry: string;
  env: Record<string, string>;
  /** Plain JavaScript (the gateway's production build): run without tsx. */
  built?: boolean;
}

/** The gateway's production build (gateway/build/bundle.ts), made once before it is started. */
const BUILT_GATEWAY = here('../../gateway/dist/index.js');

const CONTENDERS: ContenderSpec[] = [
  {
    name: 'heli',
    entry: here('../../gateway/src/index.ts'),
    env: { GATEWAY_WORKERS: WORKERS, JWT_SECRET: DEV_JWT_SECRET, LOG_LEVEL: 'warn' },
  },
  {
    name: 'heli-built',
    entry: BUILT_GATEWAY,
    built: true,
    env: { GATEWAY_WORKERS: WORKERS, JWT_SECRET: DEV_JWT_SECRET, LOG_LEVEL: 'warn' },
  },
  {
    name: 'heli-no-dedup',
    entry: here('../../gateway/src/index.ts'),
    env: {
      GATEWAY_WORKERS: WORKERS,
      JWT_SECRET: DEV_JWT_SECRET,
      LOG_LEVEL: 'warn',
      DEDUPLICATE_SUBGRAPH_QUERIES: 'false',
    },
  },
  { name: 'apollo', entry: here('./contenders/plain-apollo.ts'), env: {} },
  { name: 'hive', entry: here('./contenders/hive-gateway.ts'), env: { NODE_ENV: 'production' } },
];

interface Running {
  spec: ContenderSpec;
  child: ChildProcess;
  url: string;
  startupMs: number;
  idleRssMb: number | undefined;
  loadedRssMb: number[];
}

interface Sample {
  contender: string;
  query: QueryName;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  subgraphFetchesPerRequest: number;
}

const children: ChildProcess[] = [];

function spawnTs(entry: string, env: Record<string, string>, built = false): ChildProcess {
  const child = spawn(process.execPath, built ? [entry] : ['--import', 'tsx', entry], {
    cwd: here('..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return child;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function post(url: string, query: string, token: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: unknown; errors?: unknown },
  };
}

/** Starts a contender and times it from launch to its first correct answer. */
async function start(spec: ContenderSpec, supergraphPath: string, token: string): Promise<Running> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const launched = performance.now();
  const child = spawnTs(
    spec.entry,
    { ...spec.env, PORT: String(port), SUPERGRAPH_PATH: supergraphPath },
    spec.built,
  );
  child.stdout?.resume();
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`${spec.name} exited before answering`);
    if (performance.now() - launched > STARTUP_TIMEOUT_MS)
      throw new Error(`${spec.name} did not start`);
    try {
      const { status, body } = await post(url, QUERIES.q2, token);
      if (status === 200 && body.data && !body.errors) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const startupMs = performance.now() - launched;
  return { spec, child, url, startupMs, idleRssMb: treeRssMb(child.pid!), loadedRssMb: [] };
}

async function fixtureRequests(subgraphs: Record<string, string>): Promise<number> {
  const counts = await Promise.all(
    Object.values(subgraphs).map(async (url) =>
      Number(await (await fetch(new URL('/requests', url))).text()),
    ),
  );
  return counts.reduce((a, b) => a + b, 0);
}

async function measure(
  running: Running,
  query: QueryName,
  connections: number,
  token: string,
  subgraphs: Record<string, string>,
): Promise<Sample> {
  const load = {
    url: running.url,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERIES[query] }),
    connections,
  };
  if (WARMUP_S > 0) await autocannon({ ...load, duration: WARMUP_S });
  const before = await fixtureRequests(subgraphs);
  const result = await autocannon({ ...load, duration: DURATION_S });
  const fetches = (await fixtureRequests(subgraphs)) - before;
  const rss = treeRssMb(running.child.pid!);
  if (rss !== undefined) running.loadedRssMb.push(rss);
  return {
    contender: running.spec.name,
    query,
    connections,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    subgraphFetchesPerRequest: result.requests.total > 0 ? fetches / result.requests.total : 0,
  };
}

/** The contenders must give the same data for every query before anything is timed. */
async function checkSameAnswers(contenders: Running[], token: string): Promise<void> {
  for (const [name, query] of Object.entries(QUERIES)) {
    const answers = await Promise.all(
      contenders.map(async (c) => JSON.stringify((await post(c.url, query, token)).body)),
    );
    const differing = contenders
      .filter((_, i) => answers[i] !== answers[0])
      .map((c) => c.spec.name);
    if (differing.length > 0 || answers[0]!.includes('"errors"')) {
      throw new Error(
        `${name}: answers differ (${differing.join(', ')}) or fail: ${answers[0]!.slice(0, 300)}`,
      );
    }
  }
}

async function main(): Promise<void> {
  const wanted = (process.env.BENCH_CONTENDERS ?? CONTENDERS.map((c) => c.name).join(',')).split(
    ',',
  );
  const token = await signDevToken(
    {
      sub: 'staff-bench',
      name: '压测',
      divisionId: null,
      officeId: 'office-harbin',
      roles: ['ANALYST'],
      clearance: 'SECRET',
    },
    { secret: DEV_JWT_SECRET, issuer: 'heli', audience: 'heli' },
  );

  const fixtures = spawnTs(here('./run-fixtures.ts'), {});
  const { supergraphPath, subgraphs } = JSON.parse(
    await new Promise<string>((resolve, reject) => {
      let pending = '';
      fixtures.stdout?.on('data', (chunk: Buffer) => {
        pending += chunk.toString('utf8');
        const line = pending.split('\n').find((l) => l.startsWith(FIXTURES_LINE_PREFIX));
        if (line && pending.includes(`${line}\n`)) resolve(line.slice(FIXTURES_LINE_PREFIX.length));
      });
      fixtures.once('exit', (code) => reject(new Error(`fixture subgraphs exited with ${code}`)));
    }),
  ) as { supergraphPath: string; subgraphs: Record<string, string> };

  process.stdout.write(
    `Gateways over constant-time fixture subgraphs (Heli's SDL: responsibility, assessment, sharing)\n` +
      `${ROUNDS} interleaved rounds × ${DURATION_S} s per query and contender (after ${WARMUP_S} s warm-up), ` +
      `connections ${CONNECTIONS.join(' and ')}, Heli workers ${WORKERS}; ${availableParallelism()} cores, ` +
      `load average ${loadavg()[0]!.toFixed(1)} at the start\n\n`,
  );

  if (CONTENDERS.some((c) => c.built && wanted.includes(c.name))) {
    const build = spawnSync(
      process.execPath,
      ['--import', 'tsx', here('../../gateway/build/bundle.ts')],
      { stdio: 'inherit' },
    );
    if (build.status !== 0) throw new Error('the gateway build failed');
  }

  // One at a time, so start-up times do not compete with each other.
  const contenders: Running[] = [];
  for (const spec of CONTENDERS.filter((c) => wanted.includes(c.name))) {
    contenders.push(await start(spec, supergraphPath, token));
  }
  await checkSameAnswers(contenders, token);

  const samples: Sample[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const connections of CONNECTIONS) {
      for (const query of Object.keys(QUERIES) as QueryName[]) {
        const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]!);
        for (const contender of order) {
          samples.push(await measure(contender, query, connections, token, subgraphs));
        }
      }
    }
    process.stdout.write(`round ${round + 1}/${ROUNDS} done\n`);
  }

  const baseline = 'apollo';
  const rows = [
    [
      'query',
      'conns',
      'gateway',
      'req/s',
      'p50 ms',
      'p99 ms',
      `× ${baseline}`,
      'subgraph fetches/req',
      'errors',
    ],
  ];
  for (const connections of CONNECTIONS) {
    for (const query of Object.keys(QUERIES) as QueryName[]) {
      const of = (name: string) =>
        samples.filter(
          (s) => s.contender === name && s.query === query && s.connections === connections,
        );
      const base = median(of(baseline).map((s) => s.requestsPerSecond));
      for (const contender of contenders) {
        const mine = of(contender.spec.name);
        const rps = median(mine.map((s) => s.requestsPerSecond));
        rows.push([
          query,
          String(connections),
          contender.spec.name,
          rps.toFixed(0),
          median(mine.map((s) => s.p50)).toFixed(1),
          median(mine.map((s) => s.p99)).toFixed(1),
          base > 0 ? (rps / base).toFixed(2) : '-',
          median(mine.map((s) => s.subgraphFetchesPerRequest)).toFixed(2),
          String(mine.reduce((sum, s) => sum + s.errors, 0)),
        ]);
      }
    }
  }
  process.stdout.write(`\n${table(rows)}\n\n`);
  process.stdout.write(
    `${table([
      ['gateway', 'start-up to first answer s', 'RSS idle MB', 'RSS under load MB (max)'],
      ...contenders.map((c) => [
        c.spec.name,
        (c.startupMs / 1000).toFixed(2),
        c.idleRssMb?.toFixed(0) ?? '-',
        c.loadedRssMb.length ? Math.max(...c.loadedRssMb).toFixed(0) : '-',
      ]),
    ])}\n`,
  );
}

try {
  await main();
} finally {
  // Gateways first, then the fixtures they call, so no gateway logs a fixture going away.
  for (const child of children.reverse()) child.kill('SIGTERM');
}
