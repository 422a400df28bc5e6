import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findComposeTool } from './compose-tool.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const COMPOSE_FILE = join(ROOT, 'infra/docker-compose.yml');
const tool = findComposeTool();

/** Values for the variables the file requires (`${VAR:?…}`); the tool refuses to render without them. */
const REQUIRED_ENV = {
  GATEWAY_SIGNING_SECRET: 'a-gateway-signing-secret-of-32-characters',
  LIAISON_OFFICE_ID: 'office-test',
  LIAISON_OFFICE_NAME: '测试办公厅',
  LIAISON_SIGNING_KEY: '{"kty":"OKP"}',
};

interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> | string[] };
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, string | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
}

const SUBGRAPHS = [
  'responsibility',
  'sharing',
  'interaction',
  'achievement',
  'assessment',
  'liaison',
  'notifications',
] as const;

/**
 * The compose file as `docker compose config` / `docker-compose config` renders it, or — only where
 * neither is installed — as the YAML library reads it (merge keys resolved, variables left as written).
 */
function loadCompose(extraEnv: Record<string, string> = {}): {
  services: Record<string, ComposeService>;
  renderedBy: string;
} {
  if (tool) {
    const yaml = execFileSync(tool.command, [...tool.args, '-f', COMPOSE_FILE, 'config'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...REQUIRED_ENV, ...extraEnv },
      timeout: 120_000,
    });
    return {
      ...(parse(yaml) as { services: Record<string, ComposeService> }),
      renderedBy: tool.name,
    };
  }
  const doc = parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true }) as {
    services: Record<string, ComposeService>;
  };
  return { ...doc, renderedBy: 'the yaml package (no docker compose / docker-compose here)' };
}

const compose = loadCompose();
const services = compose.services;
// Says in the test output which validator ran.
console.info(`infra/docker-compose.yml rendered by ${compose.renderedBy}`);

const envOf = (name: string, from = services): Record<string, string> => {
  const env = from[name]?.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((line) => [line.split('=')[0]!, line.slice(line.indexOf('=') + 1)]),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v ?? '']));
};
const argsOf = (name: string): Record<string, string> => {
  const args = services[name]?.build?.args ?? {};
  return Array.isArray(args)
    ? Object.fromEntries(args.map((a) => [a.split('=')[0]!, a.slice(a.indexOf('=') + 1)]))
    : args;
};
const dependsOn = (name: string): Record<string, string> => {
  const deps = services[name]?.depends_on ?? {};
  return Array.isArray(deps)
    ? Object.fromEntries(deps.map((d) => [d, 'service_started']))
    : Object.fromEntries(
        Object.entries(deps).map(([k, v]) => [k, v.condition ?? 'service_started']),
      );
};
const words = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value.join(' ') : (value ?? '');

describe(`infra/docker-compose.yml (${compose.renderedBy})`, () => {
  it('renders, and without the gateway signing secret refuses to, naming it', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining([...SUBGRAPHS, 'gateway', 'console', 'mongo-init', 'schema-publish']),
    );
    if (tool) {
      const { GATEWAY_SIGNING_SECRET: _omitted, ...rest } = REQUIRED_ENV;
      const env: NodeJS.ProcessEnv = { ...process.env, ...rest };
      delete env['GATEWAY_SIGNING_SECRET'];
      const run = spawnSync(tool.command, [...tool.args, '-f', COMPOSE_FILE, 'config'], {
        cwd: ROOT,
        encoding: 'utf8',
        env,
        timeout: 120_000,
      });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(/GATEWAY_SIGNING_SECRET/);
    } else {
      expect(readFileSync(COMPOSE_FILE, 'utf8')).toMatch(/\$\{GATEWAY_SIGNING_SECRET:\?/);
    }
    // docker-compose is a Python program: seconds to start on a loaded machine.
  }, 120_000);

  it('runs a three-member MongoDB replica set, initiated once by a job', () => {
    for (const member of ['mongo1', 'mongo2', 'mongo3']) {
      expect(words(services[member]?.command)).toMatch(/--replSet rs0/);
    }
    const init = words(services['mongo-init']?.entrypoint) + words(services['mongo-init']?.command);
    expect(init).toMatch(/rs\.initiate/);
    for (const host of ['mongo1:27017', 'mongo2:27017', 'mongo3:27017'])
      expect(init).toContain(host);
    expect(dependsOn('mongo-init')).toEqual({
      mongo1: 'service_healthy',
      mongo2: 'service_healthy',
      mongo3: 'service_healthy',
    });
  });

  it('runs a three-node NATS JetStream cluster, each routed to all three', () => {
    for (const node of ['nats1', 'nats2', 'nats3']) {
      const args = words(services[node]?.command);
      expect(args).toContain(`--name=${node}`);
      expect(args).toContain('--jetstream');
      expect(args).toContain('--cluster_name=heli');
      expect(args).toContain('--routes=nats://nats1:6222,nats://nats2:6222,nats://nats3:6222');
    }
  });

  it('builds every subgraph from the one service recipe, on its own port, with R3 streams on the cluster', () => {
    for (const name of SUBGRAPHS) {
      const service = services[name]!;
      expect(service.build?.dockerfile).toMatch(/(^|\/)infra\/Dockerfile\.service$/);
      const appDir = argsOf(name)['APP_DIR'];
      expect(appDir).toBe(`services/${name}`);
      const manifest = JSON.parse(readFileSync(join(ROOT, appDir!, 'package.json'), 'utf8')) as {
        heli: { subgraph: string; port: number };
      };
      const env = envOf(name);
      expect(env['PORT']).toBe(String(manifest.heli.port));
      expect(env['NATS_STREAM_REPLICAS']).toBe('3');
      expect(env['MONGODB_URI']).toBe(
        'mongodb://mongo1:27017,mongo2:27017,mongo3:27017/?replicaSet=rs0',
      );
      expect(env['NATS_URL']).toBe('nats://nats1:4222,nats://nats2:4222,nats://nats3:4222');
      expect(env).toHaveProperty('GATEWAY_SIGNING_SECRET');
      expect(dependsOn(name)).toMatchObject({
        'mongo-init': 'service_completed_successfully',
        nats1: 'service_healthy',
      });
    }
  });

  it('publishes every subgraph to the registry before the gateway starts, and the gateway follows it', () => {
    const publish = words(services['schema-publish']?.command);
    for (const name of SUBGRAPHS) {
      const port = envOf(name)['PORT'];
      expect(publish).toContain(`${name}:${port}`);
    }
    expect(argsOf('gateway')['APP_DIR']).toBe('gateway');
    expect(services['gateway']?.build?.dockerfile).toMatch(/(^|\/)infra\/Dockerfile\.service$/);
    expect(envOf('gateway')['SCHEMA_REGISTRY_NATS_URL']).toBe(
      'nats://nats1:4222,nats://nats2:4222,nats://nats3:4222',
    );
    expect(envOf('gateway')['SCHEMA_REGISTRY_REPLICAS']).toBe('3');
    expect(dependsOn('gateway')).toEqual({ 'schema-publish': 'service_completed_successfully' });
    expect(services['console']?.build?.dockerfile).toMatch(/(^|\/)infra\/Dockerfile\.console$/);
  });

  it("passes the console's production sign-in to the gateway, and its issuer and audience to every verifier", () => {
    const provider = {
      OIDC_ISSUER: 'https://sso.example.gov.cn/realms/heli',
      OIDC_CLIENT_ID: 'heli-console',
      OIDC_RESOURCE: 'https://heli.example.gov.cn/graphql',
      JWKS_URL: 'https://sso.example.gov.cn/realms/heli/protocol/openid-connect/certs',
      JWT_ISSUER: 'https://sso.example.gov.cn/realms/heli',
      JWT_AUDIENCE: 'heli-api',
    };
    const signIn = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_SCOPES', 'OIDC_RESOURCE'];
    const verify = ['JWKS_URL', 'JWT_ISSUER', 'JWT_AUDIENCE'];
    if (!tool) {
      // Without a compose tool only the wiring can be read: each variable named where it belongs.
      expect(Object.keys(envOf('gateway'))).toEqual(expect.arrayContaining([...signIn, ...verify]));
      for (const name of SUBGRAPHS) {
        expect(Object.keys(envOf(name)), name).toEqual(expect.arrayContaining(verify));
      }
      return;
    }
    const configured = loadCompose(provider).services;
    expect(envOf('gateway', configured)).toMatchObject({
      ...provider,
      OIDC_SCOPES: 'openid profile',
    });
    for (const name of SUBGRAPHS) {
      const env = envOf(name, configured);
      expect(env, name).toMatchObject({
        JWKS_URL: provider.JWKS_URL,
        JWT_ISSUER: provider.JWT_ISSUER,
        JWT_AUDIENCE: provider.JWT_AUDIENCE,
      });
      // The console's client is the gateway's business only.
      expect(env, name).not.toHaveProperty('OIDC_CLIENT_ID');
    }
    // Unset, they are empty, which every deployable reads as not configured (development issuer).
    expect(envOf('gateway')).toMatchObject({ OIDC_ISSUER: '', JWT_ISSUER: '', JWT_AUDIENCE: '' });
  }, 120_000);

  it("serves the console's sign-in settings and notification stream from the gateway, beside /graphql", () => {
    const site = readFileSync(join(ROOT, 'infra/console/default.conf.template'), 'utf8');
    // A location's block: from its line to the closing brace on a line of its own.
    const block = (location: string) => {
      const start = site.indexOf(`location ${location} {`);
      expect(start, location).toBeGreaterThanOrEqual(0);
      return site.slice(start, site.indexOf('\n  }', start));
    };
    for (const location of ['/graphql', '= /console-config.json', '/notifications/']) {
      expect(block(location), location).toContain('proxy_pass ${GATEWAY_URL};');
    }
    // The stream is pushed as it happens: nginx must not hold it back in a buffer.
    expect(block('/notifications/')).toContain('proxy_buffering off;');
  });

  it('runs every Node image from its production build, not from TypeScript at run time', () => {
    const dockerfile = readFileSync(join(ROOT, 'infra/Dockerfile.service'), 'utf8');
    expect(dockerfile).toMatch(/run build\b/);
    expect(dockerfile).toMatch(/^CMD \[.*"start:production"\]$/m);
    for (const dir of [
      'gateway',
      ...readdirSync(join(ROOT, 'services')).map((s) => `services/${s}`),
    ]) {
      const { scripts } = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      };
      expect(scripts['build'], dir).toBeDefined();
      expect(scripts['start:production'], dir).toBe('exec node dist/index.js');
    }
  });

  it('has one Dockerfile pattern: no per-service copies', () => {
    const perPackage = [
      'gateway',
      ...readdirSync(join(ROOT, 'services')).map((s) => `services/${s}`),
    ].filter((dir) => existsSync(join(ROOT, dir, 'Dockerfile')));
    expect(perPackage).toEqual([]);
  });
});
