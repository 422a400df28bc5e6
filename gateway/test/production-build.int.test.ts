import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_JWT } from './fixtures/fixture-auth.js';
import { postGraphql, startFixtureSubgraphs, tokenFor } from './fixtures/fixture-graph.js';

// The production build (build/bundle.ts → dist/) run with plain node, as `start:production` and
// the container do: it must serve what the sources serve, and its supervisor must not load the
// server.

const BUNDLE = fileURLToPath(new URL('../build/bundle.ts', import.meta.url));
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

let subgraphs: Awaited<ReturnType<typeof startFixtureSubgraphs>>;
let gateway: ChildProcess | undefined;

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['--import', 'tsx', BUNDLE], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  subgraphs = await startFixtureSubgraphs();
}, 120_000);

afterAll(async () => {
  if (gateway && gateway.exitCode === null) gateway.kill('SIGKILL');
  await subgraphs?.close();
});

describe('the gateway’s production build', () => {
  it('keeps the supervisor free of the server: no Apollo, no tracing SDK in index.js', () => {
    const supervisor = readFileSync(`${DIST}index.js`, 'utf8');
    expect(supervisor).not.toMatch(/from ["']@apollo\//);
    expect(supervisor).not.toContain('@opentelemetry/sdk-trace');
    expect(readFileSync(`${DIST}worker.js`, 'utf8')).toMatch(/from ["']@apollo\/gateway["']/);
  });

  it('starts with plain node (no tsx) from a supergraph file and answers through its worker', async () => {
    gateway = spawn(process.execPath, [`${DIST}index.js`], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        SUPERGRAPH_PATH: subgraphs.supergraphPath,
        JWT_SECRET: TEST_JWT.secret,
        PORT: '0',
        HOST: '127.0.0.1',
        GATEWAY_WORKERS: '1',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let pending = '';
      gateway!.once('exit', (code) => reject(new Error(`the built gateway exited with ${code}`)));
      gateway!.stdout!.on('data', (chunk: Buffer) => {
        pending += chunk.toString('utf8');
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          const record = JSON.parse(line) as { msg?: string; url?: string };
          if (record.msg === 'gateway listening' && record.url) resolve(record.url);
        }
      });
    });

    const { status, body } = await postGraphql(url, '{ divisions(limit: 2) { id headcount } }', {
      token: await tokenFor(),
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ data: { divisions: [{ id: expect.any(String) }, {}] } });
    expect((await postGraphql(url, '{ divisions(limit: 1) { id } }', {})).status).toBe(401);
  }, 120_000);
});
