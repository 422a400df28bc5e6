import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { freePort } from '@heli/testkit';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { MongoClient } from 'mongodb';
import { DEV_JWT_SECRET, signDevToken } from '@heli/auth';
import { claimsForStaff, demoUsers } from '@heli/demo-data';
import { composeSupergraph } from '@heli/gateway/compose';
import { readSubgraphSdl } from '@heli/subgraph-runtime';
import { treeCpuMs } from './process-memory.js';
import { captureSubgraphRequests, type SubgraphRequest } from './capture-subgraph-requests.js';
import { QUERIES, withPageSize, type QueryName } from './queries.js';
import { median, table } from './table.js';

// `pnpm --filter @heli/bench bench:stack`: q1–q3 of issue 15 against the real services with the
// demo organisation, on the all-in-one stack (see startStack):
//   1. end to end through the gateway at 1 and 10 connections;
//   2. each query's subgraph requests (recorded from a gateway, see capture-subgraph-requests.ts)
//      sent straight to their subgraphs at the same load — what the gateway adds;
//   3. database commands per request, per subgraph request, at page sizes 10 and 50, counted at
//      the embedded MongoDB (serverStatus heli.commandsByNamespace).
// Rounds interleave every target, so a busy moment of a shared machine hits all alike; medians.
// Also printed: CPU of the whole stack per request, which other work on the machine does not
// change the way it changes requests per second.
//
// BENCH_STACK_ROOT (this checkout) is the checkout whose stack is measured: point it at another
// to measure that one the same way. BENCH_STACK_DATA_DIR (a new temporary one) keeps the data.
// BENCH_ROUNDS (3), BENCH_DURATION_S (5), BENCH_WARMUP_S (1), BENCH_CONNECTIONS ("1,10"),
// BENCH_QUERIES ("q1,q2,q3"), BENCH_TARGETS (only the targets whose label holds one of these
// comma-separated texts, e.g. "assessment"), BENCH_STACK_START ("production": each part's
// production build with NODE_ENV=production, as the images run them; "source": through tsx),
// BENCH_PROFILE_DIR (every process writes a --cpu-prof there).

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 1);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '1,10').split(',').map(Number);
const QUERY_NAMES = (process.env.BENCH_QUERIES ?? 'q1,q2,q3').split(',') as QueryName[];
const TARGET_FILTERS = (process.env.BENCH_TARGETS ?? '').split(',').filter((f) => f !== '');
const START = process.env.BENCH_STACK_START ?? 'production';
if (START !== 'production' && START !== 'source')
  throw new Error(`BENCH_STACK_START is "production" or "source", not "${START}"`);
const STACK_ROOT = resolve(
  process.env.BENCH_STACK_ROOT ?? fileURLToPath(new URL('../..', import.meta.url)),
);
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
const PAGE_SIZES = [10, 50];
/** Sequential requests per figure of "database commands per request". */
const COUNTED_REQUESTS = 10;

/** The subgraphs q1–q3 fetch from. */
const SUBGRAPHS = ['responsibility', 'assessment', 'sharing'];
/** NATS subjects and streams of the bench's stack, apart from any other stack's. */
const NAMESPACE = 'heliperfbench';

interface Target {
  label: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

interface Sample {
  label: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU of the whole stack (every process) per request, ms. */
  cpuMsPerRequest: number;
}

const log = (line: string) => process.stdout.write(`${line}\n`);

const parts: ChildProcess[] = [];

/** Whether a target is measured (BENCH_TARGETS). */
const selected = (label: string) =>
  TARGET_FILTERS.length === 0 || TARGET_FILTERS.some((text) => label.includes(text));

/** A process of the stack: its package folder and entry point. */
interface Part {
  packageDir: string;
  /** The entry point's name in `src/` (`.ts`) and in `dist/` (`.js`). */
  entry: string;
}

/**
 * Builds the parts from the measured checkout's sources with its own `@heli/production-build`, as
 * `pnpm start` does (only what changed since the last build).
 */
async function buildParts(toBuild: readonly (Part & { entries?: string[] })[]): Promise<void> {
  // The measured checkout's own builder, not a dependency of this package: what it builds is its.
  const build = (await import(join(STACK_ROOT, 'packages/production-build/src/index.ts'))) as {
    bundleWhenChanged(options: {
      packageDir: string;
      entries: Record<string, string>;
      workspaceWithoutSideEffects?: boolean;
    }): Promise<boolean>;
  };
  for (const part of toBuild) {
    const entries = Object.fromEntries(
      (part.entries ?? [part.entry]).map((name) => [name, `src/${name}.ts`]),
    );
    await build.bundleWhenChanged({
      packageDir: join(STACK_ROOT, part.packageDir),
      entries,
      // The gateway's supervisor must not load the server it forks workers for.
      ...(part.packageDir === 'gateway' && { workspaceWithoutSideEffects: true }),
    });
  }
}

/**
 * Runs a part of the measured checkout: its production build with NODE_ENV=production, as the
 * images run it (BENCH_STACK_START=production), or its TypeScript source through tsx.
 */
function startPart(part: Part, args: string[], env: Record<string, string>): ChildProcess {
  // Node 20 refuses --cpu-prof in NODE_OPTIONS; as an argument, cluster workers inherit it too.
  const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const program =
    START === 'production'
      ? [join(STACK_ROOT, part.packageDir, 'dist', `${part.entry}.js`)]
      : ['--import', 'tsx', join(STACK_ROOT, part.packageDir, 'src', `${part.entry}.ts`)];
  const child = spawn(process.execPath, [...profile, ...program, ...args], {
    cwd: STACK_ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      ...(START === 'production' && { NODE_ENV: 'production' }),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  parts.push(child);
  return child;
}

async function until(what: string, ok: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (parts.some((part) => part.exitCode !== null))
      throw new Error(`a part exited before ${what}`);
    if (await ok().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} not within ${timeoutMs / 1000} s`);
    await new Promise((done) => setTimeout(done, 500));
  }
}

/**
 * The all-in-one stack as `pnpm start` runs it — the embedded MongoDB, each subgraph with the demo
 * organisation in its own process, the gateway with one worker per core — limited to the
 * subgraphs q1–q3 use and on free ports: it never waits for the fixed ports' lock, and no start-up
 * deadline is missed on a loaded machine. Data stays in BENCH_STACK_DATA_DIR when it is set, so a
 * second run skips loading the demo year.
 */
async function startStack(): Promise<{ gatewayUrl: string; mongoUri: string; supergraph: string }> {
  const dataDir =
    process.env.BENCH_STACK_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'heli-bench-stack-'));
  mkdirSync(join(dataDir, 'mongo'), { recursive: true });
  const mongo: Part = { packageDir: 'packages/embedded-mongo', entry: 'cli' };
  const services = SUBGRAPHS.map((name): Part => ({
    packageDir: `services/${name}`,
    entry: 'index',
  }));
  const gateway: Part = { packageDir: 'gateway', entry: 'index' };
  if (START === 'production') {
    log(`building the stack's parts (${STACK_ROOT})`);
    await buildParts([mongo, ...services, { ...gateway, entries: ['index', 'worker'] }]);
  }
  log(`starting the stack of ${STACK_ROOT} (${START}; data in ${dataDir})`);
  const mongoPort = await freePort();
  startPart(mongo, ['--port', String(mongoPort), '--data-dir', join(dataDir, 'mongo')], {});
  const mongoUri = `mongodb://127.0.0.1:${mongoPort}/?directConnection=true`;
  await until(
    'the embedded MongoDB',
    async () => {
      const client = await MongoClient.connect(mongoUri, { serverSelectionTimeoutMS: 1000 });
      await client.close();
      return true;
    },
    120_000,
  );

  const subgraphs: { name: string; url: string; sdl: string }[] = [];
  for (const [i, name] of SUBGRAPHS.entries()) {
    const port = await freePort();
    startPart(services[i]!, [], {
      PORT: String(port),
      MONGODB_URI: mongoUri,
      HELI_NAMESPACE: NAMESPACE,
      DEMO_DATA: 'true',
      JWT_SECRET: DEV_JWT_SECRET,
    });
    subgraphs.push({
      name,
      url: `http://127.0.0.1:${port}/graphql`,
      sdl: readSubgraphSdl(join(STACK_ROOT, 'services', name, 'src')),
    });
  }
  for (const { name, url } of subgraphs) {
    await until(`${name} ready`, async () => (await fetch(new URL('/ready', url))).ok, 900_000);
  }
  const composition = composeSupergraph(subgraphs);
  if (!composition.ok) throw new Error(composition.errors.map((e) => e.message).join('\n'));
  const supergraphPath = join(dataDir, 'supergraph.graphql');
  writeFileSync(supergraphPath, composition.supergraphSdl);

  const gatewayPort = await freePort();
  startPart(gateway, [], {
    PORT: String(gatewayPort),
    SUPERGRAPH_PATH: supergraphPath,
    GATEWAY_WORKERS: String(availableParallelism()),
    JWT_SECRET: DEV_JWT_SECRET,
  });
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  await until('the gateway', async () => (await fetch(new URL('/health', gatewayUrl))).ok, 300_000);
  return { gatewayUrl, mongoUri, supergraph: composition.supergraphSdl };
}

async function stopStack(): Promise<void> {
  // The gateway first, the database last, as `pnpm start` stops them.
  for (const part of [...parts].reverse()) {
    if (part.exitCode !== null) continue;
    const exited = new Promise((done) => part.once('exit', done));
    part.kill('SIGTERM');
    await exited;
  }
}

/** CPU the stack uses per second with no requests, measured once it has settled. */
let idleCpuMsPerSecond = 0;

async function measureIdleCpu(): Promise<void> {
  const before = stackCpuMs();
  await new Promise((done) => setTimeout(done, 5000));
  idleCpuMsPerSecond = (stackCpuMs() - before) / 5;
}

/** CPU used so far by every process of the stack, ms. */
const stackCpuMs = () => parts.reduce((sum, part) => sum + (part.pid ? treeCpuMs(part.pid) : 0), 0);

async function post(target: Target): Promise<{ status: number; text: string }> {
  const response = await fetch(target.url, {
    method: 'POST',
    headers: target.headers,
    body: target.body,
  });
  return { status: response.status, text: await response.text() };
}

/**
 * The demo data reaches assessment and sharing through events after start-up: wait until every
 * query answers the same twice, a second apart, without errors.
 */
async function waitForSettledData(targets: Target[]): Promise<void> {
  let previous = '';
  for (let attempt = 0; attempt < 120; attempt++) {
    const answers = await Promise.all(targets.map(post));
    const now = JSON.stringify(answers);
    if (answers.every((a) => a.status === 200 && !a.text.includes('"errors"')) && now === previous)
      return;
    previous = now;
    await new Promise((done) => setTimeout(done, 1000));
  }
  throw new Error('the demo data did not settle within two minutes');
}

async function measure(target: Target, connections: number): Promise<Sample> {
  const load = {
    url: target.url,
    method: 'POST' as const,
    headers: target.headers,
    body: target.body,
    connections,
  };
  if (WARMUP_S > 0) await autocannon({ ...load, duration: WARMUP_S });
  const cpuBefore = stackCpuMs();
  const result = await autocannon({ ...load, duration: DURATION_S });
  // Less what the stack spends when nobody asks it anything (outbox relays polling, say).
  const cpuUsed = stackCpuMs() - cpuBefore - idleCpuMsPerSecond * DURATION_S;
  return {
    cpuMsPerRequest: result.requests.total > 0 ? cpuUsed / result.requests.total : 0,
    label: target.label,
    connections,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** Commands per `<command> <db>.<collection>` the embedded MongoDB has run so far. */
async function commandCounts(mongo: MongoClient): Promise<Map<string, number>> {
  const status = await mongo.db('admin').command({ serverStatus: 1 });
  const counts = (status.heli?.commandsByNamespace ?? {}) as Record<string, number>;
  return new Map(Object.entries(counts));
}

function difference(after: Map<string, number>, before: Map<string, number>): Map<string, number> {
  const diff = new Map<string, number>();
  for (const [key, count] of after) {
    const delta = count - (before.get(key) ?? 0);
    if (delta > 0) diff.set(key, delta);
  }
  return diff;
}

/**
 * Database commands per request of `target`: COUNTED_REQUESTS requests one after another. The
 * services' background work (outbox relays, consumers) runs meanwhile, so the namespaces it
 * touched in an idle window of the same length are left out — and named, so nothing hides.
 */
async function commandsPerRequest(
  mongo: MongoClient,
  target: Target,
  background: Set<string>,
): Promise<{ perRequest: number; detail: string }> {
  const before = await commandCounts(mongo);
  for (let i = 0; i < COUNTED_REQUESTS; i++) {
    const { status, text } = await post(target);
    if (status !== 200 || text.includes('"errors"'))
      throw new Error(`${target.label}: ${text.slice(0, 300)}`);
  }
  const diff = difference(await commandCounts(mongo), before);
  let total = 0;
  const parts: string[] = [];
  for (const [namespace, count] of [...diff].sort()) {
    if (background.has(namespace)) continue;
    total += count;
    parts.push(`${namespace} ${(count / COUNTED_REQUESTS).toFixed(1)}`);
  }
  return { perRequest: total / COUNTED_REQUESTS, detail: parts.join(', ') };
}

async function backgroundNamespaces(mongo: MongoClient, ms: number): Promise<Set<string>> {
  const before = await commandCounts(mongo);
  await new Promise((done) => setTimeout(done, ms));
  return new Set(difference(await commandCounts(mongo), before).keys());
}

/** How many items the answer's outermost list holds (`{ data: { list: { edges } } }`). */
function outerListLength(answer: string): number {
  const data = (JSON.parse(answer) as { data: Record<string, { edges: unknown[] }> }).data;
  return Object.values(data)[0]?.edges.length ?? 0;
}

function gatewayTarget(label: string, query: string, token: string, url: string): Target {
  return {
    label,
    url,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  };
}

function directTargets(query: QueryName, requests: SubgraphRequest[]): Target[] {
  return requests.map((request, i) => ({
    label: `${query} → ${i + 1}. ${request.subgraph}${request.body.includes('_entities') ? ' _entities' : ''}`,
    url: request.url,
    headers: request.headers,
    body: request.body,
  }));
}

async function main(): Promise<void> {
  const token = await signDevToken(claimsForStaff(demoUsers.director), {
    secret: DEV_JWT_SECRET,
    issuer: 'heli',
    audience: 'heli',
  });
  const { gatewayUrl, mongoUri, supergraph } = await startStack();
  const mongo = await MongoClient.connect(mongoUri);
  try {
    const endToEnd = QUERY_NAMES.map((name) =>
      gatewayTarget(name, QUERIES[name], token, gatewayUrl),
    );
    await waitForSettledData(endToEnd);

    // The subgraph requests each query makes, recorded from a gateway planning the stack's
    // supergraph (see capture-subgraph-requests.ts), with their page sizes.
    const variants = QUERY_NAMES.flatMap((name) =>
      PAGE_SIZES.map((size) => ({ name, size, query: withPageSize(QUERIES[name], size) })),
    );
    const captured = await captureSubgraphRequests(
      supergraph,
      [...QUERY_NAMES.map((name) => QUERIES[name]), ...variants.map((v) => v.query)],
      token,
    );
    const direct = QUERY_NAMES.flatMap((name) =>
      directTargets(name, captured.get(QUERIES[name]) ?? []),
    ).filter((target) => selected(target.label));

    log(
      `\nHeli all-in-one stack (${STACK_ROOT}, ${START === 'production' ? 'production builds, NODE_ENV=production' : 'sources through tsx'}), demo organisation, director's token; ` +
        `${ROUNDS} interleaved rounds × ${DURATION_S} s per target (after ${WARMUP_S} s warm-up), ` +
        `connections ${CONNECTIONS.join(' and ')}; ${availableParallelism()} cores, load average ` +
        `${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} at the start`,
    );
    for (const target of direct) log(`  ${target.label}: ${target.body.slice(0, 160)}…`);
    await measureIdleCpu();
    log(`idle, the stack uses ${idleCpuMsPerSecond.toFixed(0)} ms of CPU per second`);

    const targets = [...endToEnd.filter((target) => selected(target.label)), ...direct];
    const samples: Sample[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const connections of CONNECTIONS) {
        const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
        for (const target of order) samples.push(await measure(target, connections));
      }
      log(`round ${round + 1}/${ROUNDS} done, load average ${loadavg()[0]!.toFixed(1)}`);
    }

    const rows = [
      ['target', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'stack CPU ms/req (less idle)', 'errors'],
    ];
    for (const connections of CONNECTIONS) {
      for (const target of targets) {
        const mine = samples.filter(
          (s) => s.label === target.label && s.connections === connections,
        );
        rows.push([
          target.label,
          String(connections),
          median(mine.map((s) => s.requestsPerSecond)).toFixed(0),
          median(mine.map((s) => s.p50)).toFixed(1),
          median(mine.map((s) => s.p99)).toFixed(1),
          median(mine.map((s) => s.cpuMsPerRequest)).toFixed(2),
          String(mine.reduce((sum, s) => sum + s.errors, 0)),
        ]);
      }
    }
    log(`\n${table(rows)}\n`);

    // The gateway's own share at one connection: its p50 against the p50s of the subgraph
    // requests it makes one after another (a plan's parallel fetches would overstate this).
    if (CONNECTIONS.includes(1)) {
      const p50Of = (label: string) =>
        median(samples.filter((s) => s.label === label && s.connections === 1).map((s) => s.p50));
      const overhead = [['query', 'gateway p50 ms', 'sum of direct p50s ms', 'overhead ms']];
      for (const name of QUERY_NAMES.filter(selected)) {
        const sum = direct
          .filter((t) => t.label.startsWith(`${name} →`))
          .reduce((total, t) => total + p50Of(t.label), 0);
        const gateway = p50Of(name);
        overhead.push([name, gateway.toFixed(1), sum.toFixed(1), (gateway - sum).toFixed(1)]);
      }
      log(`${table(overhead)}\n`);
    }

    const background = await backgroundNamespaces(mongo, 3000);
    const commandRows = [['request', 'page size', 'items', 'db commands/request', 'of which']];
    for (const variant of variants) {
      const whole = gatewayTarget(variant.name, variant.query, token, gatewayUrl);
      const subgraphRequests = directTargets(
        variant.name,
        captured.get(variant.query) ?? [],
      ).filter((target) => selected(target.label));
      if (!selected(whole.label) && subgraphRequests.length === 0) continue;
      const items = outerListLength((await post(whole)).text);
      const counted = await commandsPerRequest(mongo, whole, background);
      commandRows.push([
        `${variant.name} (gateway)`,
        String(variant.size),
        String(items),
        counted.perRequest.toFixed(1),
        counted.detail,
      ]);
      for (const target of subgraphRequests) {
        const one = await commandsPerRequest(mongo, target, background);
        commandRows.push([
          `  ${target.label.slice(variant.name.length + 3)}`,
          String(variant.size),
          '',
          one.perRequest.toFixed(1),
          one.detail,
        ]);
      }
    }
    log(table(commandRows));
    log(
      `\n(${COUNTED_REQUESTS} sequential requests each; left out as background: ${[...background].sort().join(', ') || 'nothing'})`,
    );
  } finally {
    await mongo.close();
  }
}

try {
  await main();
} finally {
  await stopStack();
}
