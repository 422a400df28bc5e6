import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnvOrExit } from '@heli/service-kit';
import { readSubgraphSdl } from '@heli/subgraph-runtime';
import { connect } from 'nats';
import { z } from 'zod';
import { cliEnv, subgraphUrlFromEnv } from './env.js';
import { publishSubgraph, registerOperations, rollback, type PublishOutcome } from './publish.js';
import { openSchemaRegistry } from './registry-store.js';
import { formatReport } from './report.js';

const USAGE = `heli schema registry (NATS JetStream key-value bucket <HELI_NAMESPACE>_schemas)

  pnpm schema publish  --service services/<name> [--url URL] [--version V]
  pnpm schema check    --service services/<name> [--url URL] [--version V]   (dry run)
  pnpm schema publish  --name <subgraph> --sdl <file> --url URL --version V
  pnpm schema register-operations --client <name> <file.graphql>...
  pnpm schema show
  pnpm schema supergraph            (prints the published supergraph, e.g. for file mode)
  pnpm schema rollback [--to-revision N]

The subgraph's routing URL defaults to SUBGRAPH_URL_<NAME>, then http://127.0.0.1:<port>/graphql
(the port from the service's package.json "heli" field). The version defaults to HELI_VERSION,
then the git commit. Exit status: 0 accepted, 1 refused, 2 bad usage or configuration.
Environment: NATS_URL, HELI_NAMESPACE, SCHEMA_REGISTRY_REPLICAS.`;

const env = loadEnvOrExit(z.object(cliEnv));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    service: { type: 'string' },
    name: { type: 'string' },
    sdl: { type: 'string' },
    url: { type: 'string' },
    version: { type: 'string' },
    client: { type: 'string' },
    'to-revision': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const [command, ...files] = positionals;
if (values.help || command === undefined) usage(command === undefined && !values.help ? 2 : 0);

const nc = await connect({ servers: env.NATS_URL.split(','), name: 'heli-schema-cli' }).catch(
  (error: unknown) => fail(`cannot connect to NATS at ${env.NATS_URL}: ${String(error)}`),
);
try {
  const registry = await openSchemaRegistry(nc, {
    namespace: env.HELI_NAMESPACE,
    replicas: env.SCHEMA_REGISTRY_REPLICAS,
  });
  switch (command) {
    case 'publish':
    case 'check': {
      const outcome = await publishSubgraph(registry, proposalFromArgs(), {
        dryRun: command === 'check',
      });
      report(outcome);
      process.exitCode = outcome.status === 'refused' ? 1 : 0;
      break;
    }
    case 'register-operations': {
      if (values.client === undefined || files.length === 0) usage(2);
      const source = files.map((file) => readFileSync(file, 'utf8')).join('\n');
      const result = await registerOperations(registry, values.client, source);
      process.stdout.write(
        `registered ${result.operations.length} operation(s) for ${values.client} (revision ${result.revision}): ${result.operations.join(', ')}\n`,
      );
      break;
    }
    case 'show': {
      const current = await registry.readState();
      if (!current) {
        process.stdout.write(`${registry.bucket}: nothing published yet\n`);
        break;
      }
      const { state, revision } = current;
      process.stdout.write(
        `${registry.bucket} revision ${revision}, supergraph ${state.hash}, ${state.change.kind} of ${state.change.subgraph} ${state.change.version} at ${state.composedAt}\n`,
      );
      for (const s of state.subgraphs) {
        process.stdout.write(`  ${s.name} ${s.version} → ${s.url} (published ${s.publishedAt})\n`);
      }
      for (const client of await registry.readOperations()) {
        process.stdout.write(
          `  client ${client.client}: ${client.operations.length} operation(s)\n`,
        );
      }
      break;
    }
    case 'supergraph': {
      const current = await registry.readState();
      if (!current) fail('nothing published yet');
      process.stdout.write(current.state.supergraphSdl);
      break;
    }
    case 'rollback': {
      const to = values['to-revision'];
      const result = await rollback(registry, to === undefined ? {} : { toRevision: Number(to) });
      process.stdout.write(
        `restored supergraph ${result.restored.hash} (revision ${result.restored.revision}) as revision ${result.revision}\n`,
      );
      break;
    }
    default:
      usage(2);
  }
} catch (error) {
  process.exitCode = 2;
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  await nc.drain();
}

function proposalFromArgs() {
  if (values.service !== undefined) {
    const dir = resolve(values.service);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      version?: string;
      heli?: { subgraph?: unknown; port?: unknown };
    };
    const name = manifest.heli?.subgraph;
    const port = manifest.heli?.port;
    if (typeof name !== 'string' || typeof port !== 'number') {
      fail(`${dir}/package.json has no "heli": { "subgraph", "port" } field`);
    }
    return {
      name,
      url: values.url ?? subgraphUrlFromEnv(name) ?? `http://127.0.0.1:${port}/graphql`,
      version: values.version ?? defaultVersion(),
      sdl:
        values.sdl === undefined
          ? readSubgraphSdl(join(dir, 'src'))
          : readFileSync(values.sdl, 'utf8'),
    };
  }
  if (values.name === undefined || values.sdl === undefined || values.url === undefined) usage(2);
  return {
    name: values.name,
    url: values.url,
    version: values.version ?? defaultVersion(),
    sdl: readFileSync(values.sdl, 'utf8'),
  };
}

function defaultVersion(): string {
  if (env.HELI_VERSION !== undefined) return env.HELI_VERSION;
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unversioned';
  }
}

function report(outcome: PublishOutcome): void {
  const text = formatReport(outcome);
  (outcome.status === 'refused' ? process.stderr : process.stdout).write(text);
}

function usage(code: number): never {
  (code === 0 ? process.stdout : process.stderr).write(`${USAGE}\n`);
  process.exit(code);
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}
