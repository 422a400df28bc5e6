import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DEV_JWT_SECRET } from '@heli/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  graphql,
  startTestMongo,
  tokenFor,
  uniqueDbName,
  uniqueNamespace,
  waitFor,
  type TestMongo,
} from '@heli/testkit';

const MAIN = fileURLToPath(new URL('./fixtures/library/main.ts', import.meta.url));

describe('runSubgraph, as a service process', () => {
  let mongo: TestMongo;
  let child: ChildProcess;
  const lines: Array<Record<string, unknown>> = [];
  let exitCode: Promise<number | null>;

  beforeAll(async () => {
    mongo = await startTestMongo();
    child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: {
        PATH: process.env['PATH'],
        PORT: '0',
        LOG_LEVEL: 'info',
        MONGODB_URI: mongo.uri,
        MONGODB_DB: uniqueDbName('library'),
        NATS_URL: process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222',
        HELI_NAMESPACE: uniqueNamespace(),
        JWT_SECRET: DEV_JWT_SECRET,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    exitCode = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        lines.push({ msg: line });
      }
    });
  });
  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await mongo?.stop();
  });

  it('on SIGTERM finishes the request in flight, then shuts down step by step and exits 0', async () => {
    const listening = await waitFor(
      () => lines.find((line) => line['msg'] === 'subgraph listening'),
      {
        timeoutMs: 30_000,
        description: 'the subgraph process to listen',
      },
    );
    const url = listening['url'] as string;

    const inFlight = graphql(url, '{ slow(ms: 1000) }', {}, { token: await tokenFor({}) });
    await waitFor(() => lines.some((line) => line['msg'] === 'slow request started'), {
      description: 'the request to be in flight',
    });
    child.kill('SIGTERM');

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ slow: 'answered after 1000 ms' });
    expect(await exitCode).toBe(0);

    // The request was still being answered when shutdown began.
    const shutdownAt = lines.findIndex((line) => line['msg'] === 'shutting down');
    const answeredAt = lines.findIndex(
      (line) => line['msg'] === 'request' && line['path'] === '/graphql',
    );
    expect(shutdownAt).toBeGreaterThanOrEqual(0);
    expect(answeredAt).toBeGreaterThan(shutdownAt);

    // Ordered by each line's own timestamp: that is when the step finished, whatever order the
    // lines reached this process's pipe in.
    const steps = lines
      .filter((line) => line['msg'] === 'shutdown step finished')
      .sort((a, b) => String(a['time']).localeCompare(String(b['time'])))
      .map((line) => line['step']);
    expect(steps).toEqual([
      'http',
      'event consumers',
      'outbox relay',
      'apollo',
      'nats',
      'mongodb',
      'tracing',
    ]);
  });
});
