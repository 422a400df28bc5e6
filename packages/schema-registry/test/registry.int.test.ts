import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { testProcessEnv, uniqueNamespace, waitFor } from '@heli/testkit';
import { connect, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openSchemaRegistry,
  publishSubgraph,
  registerOperations,
  registryBucketName,
  rollback,
  type SchemaRegistry,
  type StoredState,
} from '../src/index.js';
import {
  catalogueSdl,
  CATALOGUE_URL,
  CONSOLE_OPERATIONS,
  staffingSdl,
  STAFFING_URL,
} from './fixture-sdl.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

let nc: NatsConnection;
let namespace: string;
let registry: SchemaRegistry;
let tmp: string;
const seen: StoredState[] = [];
let stopWatching: () => Promise<void>;

const catalogue = (variant: Parameters<typeof catalogueSdl>[0], version: string) => ({
  name: 'catalogue',
  url: CATALOGUE_URL,
  version,
  sdl: catalogueSdl(variant),
});

beforeAll(async () => {
  nc = await connect({ servers: testProcessEnv().NATS_URL });
  namespace = uniqueNamespace();
  registry = await openSchemaRegistry(nc, { namespace });
  stopWatching = await registry.watchState({
    onState: (stored) => seen.push(stored),
    onInvalid: (revision, problem) => {
      throw new Error(`revision ${revision} invalid: ${problem}`);
    },
  });
  tmp = await mkdtemp(join(tmpdir(), 'heli-registry-'));
});

afterAll(async () => {
  await stopWatching?.();
  await nc
    ?.jetstreamManager()
    .then((jsm) => jsm.streams.delete(`KV_${registryBucketName(namespace)}`));
  await nc?.drain();
  await rm(tmp, { recursive: true, force: true });
});

describe('schema registry on NATS JetStream', () => {
  it('publishes two subgraphs, registers the console operations, and the watcher sees each state', async () => {
    const first = await publishSubgraph(registry, catalogue('base', '1'));
    const second = await publishSubgraph(registry, {
      name: 'staffing',
      url: STAFFING_URL,
      version: '1',
      sdl: staffingSdl(),
    });
    expect([first.status, second.status]).toEqual(['published', 'published']);

    const registered = await registerOperations(registry, 'console', CONSOLE_OPERATIONS);
    expect(registered.operations).toEqual(['DivisionNames', 'Headcounts']);

    await waitFor(() => seen.some((s) => s.revision === second.revision), {
      description: 'the watcher sees the second publish',
    });
    const current = await registry.readState();
    expect(current?.state.subgraphs.map((s) => s.name)).toEqual(['catalogue', 'staffing']);
    expect(current?.state.supergraphSdl).toContain('headcount');
  });

  it('refuses a change that breaks a registered operation and keeps the published state', async () => {
    const before = await registry.readState();

    const outcome = await publishSubgraph(registry, catalogue('withoutName', '2'));

    expect(outcome.status).toBe('refused');
    expect(outcome.refusals.join('\n')).toMatch(/DivisionNames \(client console\).*Division\.name/);
    expect((await registry.readState())?.revision).toBe(before?.revision);
  });

  it('refuses an SDL that does not compose, with the composition error', async () => {
    const outcome = await publishSubgraph(registry, {
      name: 'staffing',
      url: STAFFING_URL,
      version: '2',
      sdl: staffingSdl('clash'),
    });

    expect(outcome.status).toBe('refused');
    expect(outcome.compositionErrors[0]?.message).toMatch(/name/);
  });

  it('refuses registering an operation that does not validate against the published supergraph', async () => {
    await expect(
      registerOperations(registry, 'analyst', 'query Bad { divisions(limit: 1) { nope } }'),
    ).rejects.toThrow(/Bad: Cannot query field "nope"/);
  });

  it('lets two teams publish at once: both changes end up composed together', async () => {
    const both = await Promise.all([
      publishSubgraph(registry, catalogue('withNickname', '3')),
      publishSubgraph(registry, {
        name: 'staffing',
        url: 'http://127.0.0.1:3/graphql',
        version: '3',
        sdl: staffingSdl(),
      }),
    ]);

    expect(both.map((o) => o.status)).toEqual(['published', 'published']);
    const { state } = (await registry.readState())!;
    expect(state.subgraphs.map((s) => [s.name, s.version])).toEqual([
      ['catalogue', '3'],
      ['staffing', '3'],
    ]);
    expect(state.supergraphSdl).toContain('nickname');
    expect(state.supergraphSdl).toContain('http://127.0.0.1:3/graphql');
  });

  it('says unchanged when the same version is published again', async () => {
    expect((await publishSubgraph(registry, catalogue('withNickname', '3'))).status).toBe(
      'unchanged',
    );
  });

  it('rolls back to the previous supergraph as a new revision', async () => {
    const history = await registry.stateHistory();
    const previous = history.find((s) => s.state.hash !== history[0]!.state.hash)!;

    const result = await rollback(registry);

    const current = (await registry.readState())!;
    expect(current.revision).toBe(result.revision);
    expect(current.state.hash).toBe(previous.state.hash);
    expect(current.state.change.kind).toBe('rollback');
  });

  it('the CLI check exits 1 naming the operation and the field, and writes nothing', async () => {
    const sdlFile = join(tmp, 'catalogue.graphql');
    await writeFile(sdlFile, catalogueSdl('withoutName'));
    const before = (await registry.readState())!.revision;

    const failure = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        CLI,
        'check',
        '--name',
        'catalogue',
        '--sdl',
        sdlFile,
        '--url',
        CATALOGUE_URL,
        '--version',
        '9',
      ],
      { env: { ...process.env, HELI_NAMESPACE: namespace, NATS_URL: testProcessEnv().NATS_URL } },
    ).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );

    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/REFUSED/);
    expect(failure?.stderr).toMatch(/operation DivisionNames \(client console\).*Division\.name/);
    expect((await registry.readState())!.revision).toBe(before);
  });
  it('docs/RUNBOOK.md roll back: `pnpm schema rollback` restores the previous supergraph, `show` says so', async () => {
    const env = { ...process.env, HELI_NAMESPACE: namespace, NATS_URL: testProcessEnv().NATS_URL };
    const current = (await registry.readState())!;
    const previous = (await registry.stateHistory()).find(
      (s) => s.state.hash !== current.state.hash,
    )!;

    const rolledBack = await run(process.execPath, ['--import', 'tsx', CLI, 'rollback'], { env });

    expect(rolledBack.stdout).toContain(`restored supergraph ${previous.state.hash}`);
    const now = (await registry.readState())!;
    expect(now.state.hash).toBe(previous.state.hash);
    expect(now.revision).toBeGreaterThan(current.revision);
    await waitFor(() => seen.find((s) => s.revision === now.revision), {
      description: 'the watcher (as the gateway) to see the rolled-back state',
    });
    const shown = await run(process.execPath, ['--import', 'tsx', CLI, 'show'], { env });
    expect(shown.stdout).toMatch(
      new RegExp(`revision ${now.revision}, supergraph ${now.state.hash}, rollback`),
    );
  });
});
