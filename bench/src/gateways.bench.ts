import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { freePort } from '@heli/testkit';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { DEV_JWT_SECRET, signDevToken } from '@heli/auth';
import { captureSubgraphRequests, type SubgraphRequest } from './capture-subgraph-requests.js';
import { treeCpuMs, treeRssMb } from './process-memory.js';
import { QUERIES, type QueryName } from './queries.js';
import { FIXTURES_LINE_PREFIX } from './fixtures-line.js';
import { median, table } from './table.js';

// `pnpm bench` (this package): Heli's gateway against plain @apollo/gateway + @apollo/server and
// Hive Gateway on the same supergraph (Heli's real SDL) over constant-time fixture subgraphs, so
// the gateways are the bottleneck. Every contender runs in its own process at once; rounds are
// interleaved (each round runs every query on every contender, in a rotated order), so a busy
// moment of a shared machine hits all contenders alike, and medians over rounds are reported.
//
// Heli's gateway as deployed is `heli`: the production build (`node dist/index.js`, what
// `start:production` and `pnpm start` run). `heli-tsx` is the same source transpiled at run time
// (`pnpm --filter @heli/gateway start`, development); `heli-no-dedup` is the build with the
// deduplication of in-flight subgraph fetches switched off.
//
// Besides requests per second it prints each contender's CPU time per request (the whole process
// tree's, from /proc: on a shared machine it does not drop because others took the cores), the
// gateway's overhead at one connection (its p50 minus the p50 of the same subgraph fetches sent
// directly, step by step as the gateway's plan sends them), start-up to the first answer and
// resident memory — for Heli the cluster primary and its worker apart.
//
// BENCH_ROUNDS (3), BENCH_DURATION_S (5), BENCH_WARMUP_S (1), BENCH_CONNECTIONS (10; "1,10" for
// both), BENCH_CONTENDERS (all: heli,heli-tsx,heli-no-dedup,apollo,hive), GATEWAY_WORKERS (1).

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 1);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '10').split(',').map(Number);
const WORKERS = process.env.GATEWAY_WORKERS ?? '1';
const STARTUP_TIMEOUT_MS = 120_000;

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

interface ContenderSpec {
  name: string;
  /** What it is, for the legend above the tables. */
  what: string;
  entry: string;
  env: Record<string, string>;
  /** Plain JavaScript (the gateway's production build): run without tsx. */
  built?: boolean;
}

/** The gateway's production build (gateway/build/bundle.ts), made once before it is started. */
const BUILT_GATEWAY = here('../../gateway/dist/index.js');

const HELI_ENV = { GATEWAY_WORKERS: WORKERS, JWT_SECRET: DEV_JWT_SECRET, LOG_LEVEL: 'warn' };

/** Heli's gateway as deployed, the one the targets are about. */
const HELI = 'heli';

const CONTENDERS: ContenderSpec[] = [
  {
    name: HELI,
    what: "Heli's gateway as deployed: the production build, node gateway/dist/index.js (start:production, pnpm start)",
    entry: BUILT_GATEWAY,
    built: true,
    env: HELI_ENV,
  },
  {
    name: 'heli-tsx',
    what: 'the same source run through tsx (development: pnpm --filter @heli/gateway start)',
    entry: here('../../gateway/src/index.ts'),
    env: HELI_ENV,
  },
  {
    name: 'heli-no-dedup',
    what: 'the production build with DEDUPLICATE_SUBGRAPH_QUERIES=false',
    entry: BUILT_GATEWAY,
    built: true,
    env: { ...HELI_ENV, DEDUPLICATE_SUBGRAPH_QUERIES: 'false' },
  },
  {
    name: 'apollo',
    what: 'plain @apollo/gateway on @apollo/server standalone, as documented',
    entry: here('./contenders/plain-apollo.ts'),
    env: {},
  },
  {
    name: 'hive',
    what: 'Hive Gateway (@graphql-hive/gateway) with its defaults',
    entry: here('./contenders/hive-gateway.ts'),
    env: { NODE_ENV: 'production' },
  },
];

interface Running {
  spec: ContenderSpec;
  child: ChildProcess;
  url: string;
  startupMs: number;
  idleRssMb: number | undefined;
  /** The process started and each of its child processes (a cluster's workers), MB. */
  idleRssByProcess: { name: string; mb: number }[];
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
  cpuMsPerRequest: number;
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
  return {
    spec,
    child,
    url,
    startupMs,
    idleRssMb: treeRssMb(child.pid!),
    idleRssByProcess: [
      { name: 'primary', mb: rssMb(child.pid!) },
      ...childPids(child.pid!).map((pid) => ({ name: processName(pid), mb: rssMb(pid) })),
    ],
    loadedRssMb: [],
  };
}

/** Resident memory of one process, MB (0 when it is gone or /proc is not there). */
function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return Number(match?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** A child process as the memory table names it: a cluster worker, or tsx's esbuild service. */
function processName(pid: number): string {
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return commandLine.includes('esbuild') ? 'esbuild' : 'worker';
  } catch {
    return 'child';
  }
}

/** The direct children of a process (a cluster primary's workers), from /proc. */
function childPids(pid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return entries.map(Number).filter((candidate) => {
    try {
      const stat = readFileSync(`/proc/${candidate}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
    } catch {
      return false;
    }
  });
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
  const cpuBefore = treeCpuMs(running.child.pid!);
  const result = await autocannon({ ...load, duration: DURATION_S });
  const cpuMs = treeCpuMs(running.child.pid!) - cpuBefore;
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
    cpuMsPerRequest: result.requests.total > 0 ? cpuMs / result.requests.total : 0,
  };
}

/**
 * Latencies (ms) of `send` called one after another for `seconds`: one connection, and the same
 * client (Node's fetch, kept alive) for the gateway and for the direct subgraph fetches.
 */
async function sequentialLatencies(send: () => Promise<void>, seconds: number): Promise<number[]> {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const started = performance.now();
    await send();
    latencies.push(performance.now() - started);
  }
  return latencies;
}

async function postText(url: string, headers: Record<string, string>, body: string) {
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors"'))
    throw new Error(`${url}: ${response.status} ${text.slice(0, 300)}`);
}

/** A query's subgraph fetches sent directly: each plan step's fetches at once, steps in order. */
async function sendDirectly(requests: readonly SubgraphRequest[]): Promise<void> {
  const steps = new Map<number, SubgraphRequest[]>();
  for (const request of requests)
    steps.set(request.step, [...(steps.get(request.step) ?? []), request]);
  for (const step of [...steps.keys()].sort((a, b) => a - b)) {
    await Promise.all(
      steps
        .get(step)!
        .map((r) => postText(r.url, { ...r.headers, 'content-type': 'application/json' }, r.body)),
    );
  }
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
      `load average ${loadavg()[0]!.toFixed(1)} at the start\n` +
      CONTENDERS.filter((c) => wanted.includes(c.name))
        .map((c) => `  ${c.name}: ${c.what}\n`)
        .join('') +
      '\n',
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
  const heli = contenders.find((c) => c.spec.name === HELI);
  const captured = heli
    ? await captureSubgraphRequests(
        readFileSync(supergraphPath, 'utf8'),
        Object.values(QUERIES),
        token,
      )
    : undefined;
  /** Per query: Heli's and the direct fetches' latencies at one connection, over all rounds. */
  const overhead = new Map<QueryName, { gateway: number[]; direct: number[] }>();
  for (let round = 0; round < ROUNDS; round++) {
    if (heli && captured && CONNECTIONS.includes(1)) {
      for (const query of Object.keys(QUERIES) as QueryName[]) {
        const requests = captured.get(QUERIES[query]) ?? [];
        const entry = overhead.get(query) ?? { gateway: [], direct: [] };
        overhead.set(query, entry);
        const viaGateway = () =>
          postText(
            heli.url,
            { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            JSON.stringify({ query: QUERIES[query] }),
          );
        const direct = () => sendDirectly(requests);
        // Warm both paths, then alternate which goes first round by round.
        await sequentialLatencies(viaGateway, Math.min(WARMUP_S, 1));
        await sequentialLatencies(direct, Math.min(WARMUP_S, 1));
        const pair = [
          async () => entry.gateway.push(...(await sequentialLatencies(viaGateway, DURATION_S))),
          async () => entry.direct.push(...(await sequentialLatencies(direct, DURATION_S))),
        ];
        for (const run of round % 2 === 0 ? pair : pair.reverse()) await run();
      }
    }
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
  const hive = 'hive';
  const rows = [
    [
      'query',
      'conns',
      'gateway',
      'req/s',
      'p50 ms',
      'p99 ms',
      `× ${baseline}`,
      `× ${hive}`,
      'CPU ms/req',
      'subgraph fetches/req',
      'errors',
    ],
  ];
  const ratios: { query: QueryName; connections: number; apollo: number; hive: number }[] = [];
  for (const connections of CONNECTIONS) {
    for (const query of Object.keys(QUERIES) as QueryName[]) {
      const of = (name: string) =>
        samples.filter(
          (s) => s.contender === name && s.query === query && s.connections === connections,
        );
      const rpsOf = (name: string) => median(of(name).map((s) => s.requestsPerSecond));
      const base = rpsOf(baseline);
      const hiveRps = rpsOf(hive);
      const ratio = (rps: number, to: number) => (to > 0 ? (rps / to).toFixed(2) : '-');
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
          ratio(rps, base),
          ratio(rps, hiveRps),
          median(mine.map((s) => s.cpuMsPerRequest)).toFixed(2),
          median(mine.map((s) => s.subgraphFetchesPerRequest)).toFixed(2),
          String(mine.reduce((sum, s) => sum + s.errors, 0)),
        ]);
      }
      ratios.push({
        query,
        connections,
        apollo: base > 0 ? rpsOf(HELI) / base : Number.NaN,
        hive: hiveRps > 0 ? rpsOf(HELI) / hiveRps : Number.NaN,
      });
    }
  }
  process.stdout.write(`\n${table(rows)}\n\n`);
  process.stdout.write(
    `${table([
      [
        'gateway',
        'start-up to first answer s',
        'RSS idle MB',
        'per process MB',
        'RSS under load MB (max)',
      ],
      ...contenders.map((c) => [
        c.spec.name,
        (c.startupMs / 1000).toFixed(2),
        c.idleRssMb?.toFixed(0) ?? '-',
        c.idleRssByProcess.map(({ name, mb }) => `${name} ${mb.toFixed(0)}`).join(', '),
        c.loadedRssMb.length ? Math.max(...c.loadedRssMb).toFixed(0) : '-',
      ]),
    ])}\n`,
  );

  if (overhead.size > 0) {
    const overheadRows = [
      ['query', 'heli p50 ms', 'direct fetches p50 ms', 'overhead ms', 'plan steps'],
    ];
    for (const [query, { gateway, direct }] of overhead) {
      const steps = new Set((captured?.get(QUERIES[query]) ?? []).map((r) => r.step)).size;
      overheadRows.push([
        query,
        median(gateway).toFixed(2),
        median(direct).toFixed(2),
        (median(gateway) - median(direct)).toFixed(2),
        String(steps),
      ]);
    }
    process.stdout.write(
      `\nOverhead at one connection: ${HELI}'s p50 minus the p50 of the same subgraph fetches sent ` +
        `directly (each plan step's fetches at once), same client\n${table(overheadRows)}\n`,
    );
  }

  if (heli) {
    const at10 = ratios.filter((r) => r.connections === Math.max(...CONNECTIONS));
    const list = (pick: (r: (typeof ratios)[number]) => number) =>
      at10.map((r) => `${r.query} ${pick(r).toFixed(2)}`).join(', ');
    const worstOverhead = Math.max(
      ...[...overhead.values()].map(({ gateway, direct }) => median(gateway) - median(direct)),
    );
    process.stdout.write(
      `\nIssue 15's gateway targets, for ${HELI} (${heli.spec.what.split(':')[0]}):\n` +
        `  ≥ 2× apollo at ${Math.max(...CONNECTIONS)} connections: ${list((r) => r.apollo)}\n` +
        `  ≥ 1× hive at ${Math.max(...CONNECTIONS)} connections:   ${list((r) => r.hive)}\n` +
        (overhead.size > 0
          ? `  overhead ≤ 2 ms p50 at 1 connection: worst ${worstOverhead.toFixed(2)} ms\n`
          : '') +
        `  RSS ≤ 200 MB (primary + ${WORKERS} worker): ${heli.idleRssMb?.toFixed(0) ?? '-'} MB idle, ` +
        `${heli.loadedRssMb.length ? Math.max(...heli.loadedRssMb).toFixed(0) : '-'} MB under load\n` +
        `  first answer ≤ 3 s after launch: ${(heli.startupMs / 1000).toFixed(2)} s\n` +
        `  load average ${loadavg()[0]!.toFixed(1)} at the end\n`,
    );
  }
}

try {
  await main();
} finally {
  // Gateways first, then the fixtures they call, so no gateway logs a fixture going away.
  for (const child of children.reverse()) child.kill('SIGTERM');
  // A contender that lingers over its own shutdown (Hive's runtime waits on its disposables) would
  // keep the bench alive through its stdout pipe: whatever is left after 3 s is killed.
  setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  }, 3_000).unref();
}
