/*
 * Runs the benchmark of two checkouts of this package interleaved, round by round, so both see
 * the same machine load, and prints each figure's median before and after with their ratio,
 * the range of each side's rounds (how much the machine's load moved them) and the load
 * average around the run. A figure that got worse by more than 10% is marked.
 *
 * Wall-clock figures on a shared machine move by a third between rounds; take 5 or more
 * rounds, and read `bench:instructions` (instruction counts, which load does not move) beside
 * them before calling a difference of 10% real.
 *
 *   pnpm --filter @heli/embedded-mongo bench:compare -- --before /tmp/em-before/packages/embedded-mongo
 *   ... --rounds 7 --after <dir>        (default: 5 rounds; after = this checkout)
 *   BENCH_DOCS=20000 ...                 passed on to every run
 *
 * The other checkout needs its own `pnpm install` (e.g. `git worktree add /tmp/em-before <commit>`
 * then `pnpm install --frozen-lockfile --filter @heli/embedded-mongo...` there).
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { option } from './command-line-option.js';

const here = dirname(fileURLToPath(import.meta.url));

const before = resolve(option('before'));
const after = resolve(option('after', join(here, '..')));
const rounds = Number(option('rounds', '5'));

type Figures = Map<string, number>;

/** One run of a checkout's benchmark; its figure lines are `name (padded to 52) value …`. */
function runBench(packageDir: string): Promise<Figures> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('pnpm', ['exec', 'tsx', 'bench/embedded-mongo.bench.ts'], {
      cwd: packageDir,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`bench in ${packageDir} exited with ${code}`));
      const figures: Figures = new Map();
      for (const line of out.split('\n')) {
        const value = Number(line.slice(52).trim().split(/\s+/)[0]);
        const name = line.slice(0, 52).trim();
        if (name && line.length > 52 && Number.isFinite(value)) figures.set(name, value);
      }
      resolvePromise(figures);
    });
  });
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Throughputs and the scan/indexed ratio are better higher; times are better lower. */
const higherIsBetter = (figure: string): boolean => figure.includes('/s') || figure.includes(' / ');

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const loadAtStart = load();
const samples = { before: new Map<string, number[]>(), after: new Map<string, number[]>() };
for (let round = 1; round <= rounds; round++) {
  // Alternate which goes first, so neither always runs on a warmer or busier machine.
  const order = round % 2 === 1 ? (['before', 'after'] as const) : (['after', 'before'] as const);
  for (const which of order) {
    const figures = await runBench(which === 'before' ? before : after);
    for (const [name, value] of figures) {
      const list = samples[which].get(name) ?? [];
      list.push(value);
      samples[which].set(name, list);
    }
    console.log(
      `round ${round}/${rounds} ${which}: ${[...figures.values()].map((v) => v.toFixed(3)).join(' ')}`,
    );
  }
}

console.log(`\nmedian of ${rounds} interleaved rounds; before = ${before}`);
console.log(`load average (1/5/15 min) at start ${loadAtStart}, at end ${load()}`);
console.log(
  `${'figure'.padEnd(52)} ${'before'.padStart(10)} ${'after'.padStart(10)} ${'after/before'.padStart(13)}   range before | after`,
);
let regressions = 0;
for (const [name, values] of samples.after) {
  const was = samples.before.get(name);
  if (!was) continue;
  const b = median(was);
  const a = median(values);
  const ratio = a / b;
  // A ratio of two figures moves when either does (a faster scan lowers it): shown, not judged.
  const isRatio = name.includes(' / ');
  const worse = isRatio ? false : higherIsBetter(name) ? ratio < 0.9 : ratio > 1.1;
  if (worse) regressions++;
  const show = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(3)).padStart(10);
  const range = (v: number[]) => `${show(Math.min(...v)).trim()}–${show(Math.max(...v)).trim()}`;
  console.log(
    `${name.padEnd(52)} ${show(b)} ${show(a)} ${ratio.toFixed(3).padStart(13)}   ${range(was)} | ${range(values)}${worse ? '   WORSE by more than 10%' : ''}`,
  );
}
console.log(
  regressions === 0
    ? '\nno figure worse by more than 10%'
    : `\n${regressions} figure(s) worse by more than 10%`,
);
