import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_JWT } from './fixtures/fixture-auth.js';
import { postGraphql, startFixtureSubgraphs, tokenFor } from './fixtures/fixture-graph.js';

// Runs the real entry point (src/index.ts): a node:cluster primary with two gateway workers.

const ENTRY = fileURLToPath(new URL('../src/index.ts', import.meta.url));

type LogLine = Record<string, unknown> & { msg?: string };

let subgraphs: Awaited<ReturnType<typeof startFixtureSubgraphs>>;
let gateway: ChildProcess;
const lines: LogLine[] = [];
const waiters = new Set<() => void>();

function waitForLogs(predicate: (line: LogLine) => boolean, count = 1): Promise<LogLine[]> {
  return new Promise((resolve) => {
    const check = () => {
      const matching = lines.filter(predicate);
      if (matching.length < count) return;
      waiters.delete(check);
      resolve(matching);
    };
    waiters.add(check);
    check();
  });
}

beforeAll(async () => {
  subgraphs = await startFixtureSubgraphs();
  gateway = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env: {
      ...process.env,
      SUPERGRAPH_PATH: subgraphs.supergraphPath,
      JWT_SECRET: TEST_JWT.secret,
      PORT: '0',
      HOST: '127.0.0.1',
      GATEWAY_WORKERS: '2',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let pending = '';
  gateway.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) {
      if (line.trim() === '') continue;
      lines.push(JSON.parse(line) as LogLine);
    }
    for (const waiter of [...waiters]) waiter();
  });
});

afterAll(async () => {
  if (gateway && gateway.exitCode === null) gateway.kill('SIGKILL');
  await subgraphs?.close();
});

describe('gateway entry point (node:cluster)', () => {
  it('runs one worker per GATEWAY_WORKERS, replaces a crashed one, and stops cleanly on SIGTERM', async () => {
    const listening = await waitForLogs((line) => line.msg === 'gateway listening', 2);
    const workerPids = new Set(listening.map((line) => line.workerPid));
    expect(workerPids.size).toBe(2);
    const url = String(listening[0]?.url);
    // Port 0 in a cluster: the workers share the one port the primary was given.
    expect(new Set(listening.map((line) => line.url))).toEqual(new Set([url]));

    const token = await tokenFor();
    const query = '{ divisions(limit: 2) { id headcount } }';
    expect((await postGraphql(url, query, { token })).status).toBe(200);

    const [victim] = [...workerPids] as number[];
    process.kill(victim as number, 'SIGKILL');
    const [died] = await waitForLogs(
      (line) => line.msg === 'gateway worker died; starting a new one',
    );
    expect(died?.workerPid).toBe(victim);
    await waitForLogs((line) => line.msg === 'gateway listening', 3);
    expect((await postGraphql(url, query, { token })).status).toBe(200);

    const exited = new Promise<number | null>((resolve) =>
      gateway.once('exit', (code) => resolve(code)),
    );
    gateway.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(lines.filter((line) => line.msg === 'shutdown complete').length).toBe(3);
  });
});
