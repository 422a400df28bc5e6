/**
 * Time to first meaningful paint of the 工作台 on the all-in-one stack, in headless Chromium:
 * from navigation start to the first frame showing the signed-in person's matters (the 我的事项
 * list, or its empty state) — i.e. the page's code loaded, the session read, `me.work` answered
 * through the gateway and rendered. Target ≤ 1.5 s. Prints the figures; asserts nothing.
 *
 * Two figures, measured separately because they answer different questions:
 * - cold: a new browser profile (nothing cached) opening the console for the first time — HTML,
 *   every initial script and the first `me.work` of that person through the gateway.
 * - warm: the same person opening it again (hashed assets from the browser's cache, index.html
 *   revalidated), the median of BENCH_RUNS − 1 runs.
 * Before either, one unmeasured `me.work` warms the stack (the first query after a start pays
 * for JIT, connection pools and caches in every subgraph — that is the stack starting, not the
 * console painting); its time is printed as "stack warm-up".
 *
 * Each run also prints where its time went (Performance API and the network timing of each
 * GraphQL operation, by operation name): HTML received, initial scripts loaded, the 工作台 chunk
 * loaded, the me.work request's start and end, first contentful paint.
 *
 * Uses the stack answering at HELI_URL (default http://127.0.0.1:4000); when none answers, starts
 * `pnpm start` itself and stops it afterwards. That binds the fixed ports 4000–4007, so the
 * package's `bench` script runs this under `flock /tmp/heli-stack.lock` (do not wrap it in
 * another flock on the same file: the inner one would wait for the outer forever).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const TARGET_MS = 1500;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const base = process.env.HELI_URL ?? 'http://127.0.0.1:4000';
const user = process.env.BENCH_USER ?? 'director';
const root = resolve(import.meta.dirname, '../../..');

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

async function startStack(): Promise<ChildProcess> {
  process.stdout.write(`no stack at ${base}: starting pnpm start…\n`);
  // scripts/start.ts itself (what `pnpm start` execs), so SIGINT reaches the process that stops
  // every part — a signal to a pnpm wrapper would leave the parts running.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept quiet unless it fails: then its last lines say why.
  const tail: string[] = [];
  let ready = false;
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    // Demo data loads behind the gateway; me.work is only meaningful once every part has it.
    if (text.includes('every subgraph is ready')) ready = true;
    if (tail.push(...text.split('\n')) > 40) tail.splice(0, tail.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const started = Date.now();
  while (!ready || !(await answers(`${base}/`))) {
    if (child.exitCode !== null)
      throw new Error(`pnpm start exited (${child.exitCode}):\n${tail.join('\n')}`);
    if (Date.now() - started > 600_000) {
      await stopStack(child);
      throw new Error(`the stack was not ready in 10 minutes:\n${tail.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  process.stdout.write(`stack ready after ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return child;
}

async function stopStack(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGINT');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 60_000))]);
}

/** Milliseconds since navigation start at which each thing happened in one run. */
interface Run {
  fmp: number;
  fcp: number | undefined;
  html: number | undefined;
  scripts: number | undefined;
  workbenchChunk: number | undefined;
  operations: { name: string; start: number; end: number }[];
  /** Main-thread work until the paint (Chromium's own counters): less at the mercy of load than wall time. */
  busy: { task: number; script: number; style: number; layout: number };
}

async function measure(context: BrowserContext): Promise<Run> {
  const page = await context.newPage();
  const requests: { name: string; startEpoch: number; endRelative: number }[] = [];
  page.on('requestfinished', (request) => {
    if (new URL(request.url()).pathname !== '/graphql') return;
    const body = request.postDataJSON() as { operationName?: string } | null;
    const timing = request.timing();
    requests.push({
      name: body?.operationName ?? '?',
      startEpoch: timing.startTime,
      endRelative: timing.responseEnd,
    });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${base}/`, { waitUntil: 'commit' });
  const fmp = await page
    .waitForFunction(
      () => {
        const list = document.querySelector('[aria-label="我的事项"]');
        const empty = [...document.querySelectorAll('.ant-empty-description')].some(
          (e) => e.textContent === '没有在办的事项',
        );
        return list || empty ? performance.now() : false;
      },
      undefined,
      { polling: 'raf', timeout: 60_000 },
    )
    .catch(async (error: unknown) => {
      const shown = await page
        .locator('body')
        .innerText()
        .catch(() => '');
      throw new Error(`no 工作台 with my matters in 60 s; the page shows:\n${shown}`, {
        cause: error,
      });
    });
  const timings = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const scripts = resources.filter((r) => /\/assets\/.*\.js$/.test(r.name));
    const initial = scripts.filter((r) => !/WorkbenchPage-/.test(r.name));
    const workbench = scripts.find((r) => /WorkbenchPage-/.test(r.name));
    return {
      origin: performance.timeOrigin,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      html: navigation?.responseEnd,
      scripts: initial.length ? Math.max(...initial.map((r) => r.responseEnd)) : undefined,
      workbenchChunk: workbench?.responseEnd,
    };
  });
  // Let the requests that finished with the paint be reported before the page goes.
  await page.waitForTimeout(50);
  const paintedAt = (await fmp.jsonValue()) as number;
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => 1000 * (metrics.find((m) => m.name === name)?.value ?? 0);
  await page.close();
  return {
    fmp: paintedAt,
    fcp: timings.fcp,
    html: timings.html,
    scripts: timings.scripts,
    workbenchChunk: timings.workbenchChunk,
    busy: {
      task: metric('TaskDuration'),
      script: metric('ScriptDuration'),
      style: metric('RecalcStyleDuration'),
      layout: metric('LayoutDuration'),
    },
    operations: requests.map((r) => ({
      name: r.name,
      start: r.startEpoch - timings.origin,
      end: r.startEpoch - timings.origin + r.endRelative,
    })),
  };
}

const fmt = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);
const ms = (value: number | undefined) => (value === undefined ? '—' : `${Math.round(value)}`);

function describeRun(label: string, run: Run): string {
  const operations = run.operations
    .filter((o) => o.start < run.fmp + 1)
    .map((o) => `${o.name} ${ms(o.start)}→${ms(o.end)}`)
    .join(', ');
  return (
    `  ${label.padEnd(8)} 工作台 with my matters ${fmt(run.fmp)}  (ms from navigation: HTML ${ms(run.html)}, ` +
    `initial JS ${ms(run.scripts)}, 工作台 chunk ${ms(run.workbenchChunk)}, first paint ${ms(run.fcp)}; ` +
    `GraphQL ${operations || 'none'}; main thread busy ${ms(run.busy.task)}: script ${ms(run.busy.script)}, ` +
    `style ${ms(run.busy.style)}, layout ${ms(run.busy.layout)})\n`
  );
}

const stack = (await answers(`${base}/auth/dev/users`)) ? undefined : await startStack();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const response = await fetch(`${base}/auth/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  const { token } = (await response.json()) as { token?: string };
  if (!token) throw new Error(`no development token for ${user} (DEV_SIGN_IN off?)`);

  // The stack's own warm-up, outside the console: the first me.work after a start.
  const warmUpStarted = performance.now();
  await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: '{ me { id work { staffId matters(first: 10) { totalCount } } } }',
    }),
  });
  const warmUp = performance.now() - warmUpStarted;

  // One context for all runs: the first is cold (nothing cached), the rest as a returning user.
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.addInitScript((t) => localStorage.setItem('heli.session', t), token);
  const runs: Run[] = [];
  for (let run = 0; run < RUNS; run += 1) runs.push(await measure(context));
  await context.close();

  process.stdout.write(
    `stack warm-up (first me.work after start, not in the figures): ${fmt(warmUp)}\n`,
  );
  runs.forEach((run, i) => process.stdout.write(describeRun(i === 0 ? 'cold' : `warm ${i}`, run)));
  const warm = runs
    .slice(1)
    .map((t) => t.fmp)
    .sort((a, b) => a - b);
  const median = warm.length ? warm[Math.floor(warm.length / 2)] : undefined;
  process.stdout.write(
    `工作台 first meaningful paint (${user}): cold ${fmt(runs[0]?.fmp)} (empty browser cache), ` +
      `warm median ${fmt(median)} (assets cached, ${warm.length} runs) — target ≤ ${TARGET_MS / 1000} s\n`,
  );
} finally {
  await browser.close();
  if (stack) await stopStack(stack);
}
