import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { testProcessEnv, uniqueNamespace } from '@heli/testkit';
import { connect, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkEveryTeam,
  openSchemaRegistry,
  readWorkspaceSchemas,
  registryBucketName,
  type TeamCheck,
  type WorkspaceSchemas,
} from '../src/index.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const namespaces: string[] = [];
let nc: NatsConnection;
let workspace: WorkspaceSchemas;

beforeAll(async () => {
  nc = await connect({ servers: testProcessEnv().NATS_URL });
  workspace = readWorkspaceSchemas(ROOT, 'working tree');
});

afterAll(async () => {
  const jsm = await nc?.jetstreamManager();
  for (const namespace of namespaces) {
    await jsm?.streams.delete(`KV_${registryBucketName(namespace)}`).catch(() => undefined);
  }
  await nc?.drain();
});

async function freshRegistry() {
  const namespace = uniqueNamespace();
  namespaces.push(namespace);
  return openSchemaRegistry(nc, { namespace });
}

/** The repository's workspace with one service's SDL rewritten. */
function withSdl(name: string, rewrite: (sdl: string) => string): WorkspaceSchemas {
  return {
    ...workspace,
    subgraphs: workspace.subgraphs.map((s) =>
      s.name === name ? { ...s, sdl: rewrite(s.sdl) } : s,
    ),
  };
}

describe('the per-team schema check CI runs', () => {
  it('reads every subgraph of the repository and the console operations', () => {
    expect(workspace.subgraphs.map((s) => s.name)).toEqual([
      'achievement',
      'assessment',
      'interaction',
      'liaison',
      'notifications',
      'responsibility',
      'sharing',
    ]);
    expect(workspace.clients.map((c) => c.client)).toEqual(['console']);
    expect(workspace.clients[0]?.source).toMatch(/query Board\b/);
  });

  it('passes every team when nothing changed', async () => {
    const checks = await checkEveryTeam(await freshRegistry(), {
      published: workspace,
      proposed: workspace,
    });
    expect(checks).toEqual(
      workspace.subgraphs.map((s) => ({ subgraph: s.name, sdlChanged: false })),
    );
  });

  it('refuses a team removing a field the console uses, naming the operation and the field; the others pass', async () => {
    const proposed = withSdl('responsibility', (sdl) => {
      const without = sdl.replace(/\n\s*asOf: DateTime!/, '');
      expect(without).not.toBe(sdl);
      return without;
    });
    const checks = await checkEveryTeam(await freshRegistry(), { published: workspace, proposed });
    expect(checks.filter((c) => c.sdlChanged).map((c) => c.subgraph)).toEqual(['responsibility']);
    const responsibility = outcomeOf(checks, 'responsibility');
    expect(responsibility.status).toBe('refused');
    expect(responsibility.refusals.join('\n')).toMatch(
      /Board \(client console\).*LeadershipBoard\.asOf/,
    );
  });

  it('refuses a team whose SDL no longer composes with the others as published', async () => {
    // Division is an entity owned by responsibility; a second owner of `name` with another type cannot compose.
    const proposed = withSdl(
      'sharing',
      (sdl) => `${sdl}\ntype Division @key(fields: "id") { id: ID! name: Int }\n`,
    );
    const checks = await checkEveryTeam(await freshRegistry(), { published: workspace, proposed });
    const sharing = outcomeOf(checks, 'sharing');
    expect(sharing.status).toBe('refused');
    expect(sharing.refusals.join('\n')).toMatch(/Division/);
  });

  it('passes a change spanning two teams when one deploy order works, naming the team to deploy first', async () => {
    // sharing starts to require a field responsibility only now adds: alone it cannot compose.
    const changed = withSdl(
      'responsibility',
      (sdl) => `${sdl}\nextend type Division {\n  shortName: String\n}\n`,
    );
    const proposed: WorkspaceSchemas = {
      ...changed,
      subgraphs: changed.subgraphs.map((s) =>
        s.name === 'sharing'
          ? {
              ...s,
              sdl: `${s.sdl}\nextend type Division {\n  shortName: String @federation__external\n  badge: String @federation__requires(fields: "shortName")\n}\n`,
            }
          : s,
      ),
    };
    const alone = withSdl(
      'sharing',
      () => proposed.subgraphs.find((s) => s.name === 'sharing')!.sdl,
    );
    expect(
      outcomeOf(
        await checkEveryTeam(await freshRegistry(), { published: workspace, proposed: alone }),
        'sharing',
      ).status,
    ).toBe('refused');

    const checks = await checkEveryTeam(await freshRegistry(), { published: workspace, proposed });
    const sharing = checks.find((c) => c.subgraph === 'sharing');
    expect(sharing).toMatchObject({ sdlChanged: true, deployedAfter: ['responsibility'] });
    expect(outcomeOf(checks, 'sharing').refusals).toEqual([]);
    expect(outcomeOf(checks, 'sharing').status).toBe('checked');
    expect(outcomeOf(checks, 'responsibility').status).toBe('checked');
  });

  it('accepts a compatible change (a new field), reporting it', async () => {
    const proposed = withSdl('responsibility', (sdl) =>
      sdl.replace(/\n(\s*)asOf: DateTime!/, '\n$1asOf: DateTime!\n$1refreshedAt: DateTime'),
    );
    const checks = await checkEveryTeam(await freshRegistry(), { published: workspace, proposed });
    const responsibility = outcomeOf(checks, 'responsibility');
    expect(responsibility.status).toBe('checked');
    expect(responsibility.safe.map((c) => c.path)).toContain('LeadershipBoard.refreshedAt');
  });

  it('`pnpm schema:ci` against the checked-out commit exits 0 and deletes its bucket', async () => {
    const before = await listKvStreams();
    const { stdout } = await run(
      'node',
      ['--import', 'tsx', 'packages/schema-registry/src/team-check-cli.ts'],
      {
        cwd: ROOT,
        env: { ...process.env, NATS_URL: testProcessEnv().NATS_URL, SCHEMA_BASELINE_REF: 'HEAD' },
      },
    );
    expect(stdout).toMatch(
      new RegExp(
        `schema check: ${workspace.subgraphs.length} subgraph\\(s\\) against [0-9a-f]+ .* 0 refused`,
      ),
    );
    const ciStreams = (await listKvStreams()).filter(
      (s) => !before.includes(s) && /^KV_ci/.test(s),
    );
    expect(ciStreams).toEqual([]);
  });
});

function outcomeOf(checks: TeamCheck[], subgraph: string) {
  const check = checks.find((c) => c.subgraph === subgraph);
  if (!check?.sdlChanged) throw new Error(`${subgraph} was not checked`);
  return check.outcome;
}

async function listKvStreams(): Promise<string[]> {
  const names: string[] = [];
  for await (const name of (await nc.jetstreamManager()).streams.names()) names.push(name);
  return names;
}
