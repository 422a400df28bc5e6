/**
 * `pnpm start:offices city,daoli[,nangang]`: two or three offices side by side on one machine, each
 * a whole Heli of its own — its own embedded MongoDB (and data under .data/offices/<name>), its
 * own NATS stream namespace, its own subgraphs and gateway on ports shifted by 100 per office, its
 * own signing key and token secret (made on first start, kept in its data folder) — with the first office linked
 * as the higher office of the others (内部 links), so their liaison subgraphs exchange 公文 and
 * assigned matters. Ctrl-C stops everything.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { signDevToken } from '@heli/auth';
import { composeSupergraph, discoverSubgraphs, findSubgraphServices } from '@heli/gateway/compose';
import { claimsForStaff } from '@heli/demo-data';
import { generateSigningJwk } from '@heli/liaison';
import { startChild, type ManagedChild } from './dev-stack/child-process.js';
import { loadDevStackEnv } from './dev-stack/env.js';
import { ensureNats } from './dev-stack/nats.js';
import { assertPortsFree } from './dev-stack/ports.js';
import { httpOk, tcpOpen, waitUntil } from './dev-stack/wait-until.js';

/** The offices this script knows, by the short name given on the command line. */
const KNOWN_OFFICES: Record<string, { id: string; name: string }> = {
  city: { id: 'office-harbin', name: '中共哈尔滨市委办公厅' },
  daoli: { id: 'office-daoli', name: '中共哈尔滨市道里区委办公室' },
  nangang: { id: 'office-nangang', name: '中共哈尔滨市南岗区委办公室' },
  daowai: { id: 'office-daowai', name: '中共哈尔滨市道外区委办公室' },
};
const PORT_STEP = 100;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  args: process.argv.slice(2),
  // A lighter machine-friendly run: only these subgraphs per office (liaison is always among them).
  options: { services: { type: 'string' } },
});
const names = (positionals[0] ?? 'city,daoli').split(',').filter((name) => name !== '');
const unknown = names.filter((name) => !(name in KNOWN_OFFICES));
if (
  unknown.length > 0 ||
  names.length < 2 ||
  names.length > 3 ||
  new Set(names).size !== names.length
) {
  process.stderr.write(
    `usage: pnpm start:offices <two or three of ${Object.keys(KNOWN_OFFICES).join(',')}> [--services responsibility,sharing], e.g. city,daoli\n`,
  );
  process.exit(1);
}

const root = resolve(import.meta.dirname, '..');
const env = loadDevStackEnv();
const dataRoot = resolve(root, env.HELI_DATA_DIR, 'offices');
const echo = (line: string) => process.stdout.write(line + '\n');
const children: ManagedChild[] = [];
let stopping = false;
const tsNode = (entry: string, ...args: string[]) => ({
  command: process.execPath,
  args: ['--import', 'tsx', join(root, entry), ...args],
});
/** Each office its own token secret: a token one office issues is refused by the others. */
const jwtOf = (office: { jwtSecret: string }) => ({
  JWT_SECRET: office.jwtSecret,
  JWT_ISSUER: 'heli',
  JWT_AUDIENCE: 'heli',
});

function supervise(child: ManagedChild): ManagedChild {
  children.push(child);
  void child.exited.then((code) => {
    if (stopping) return;
    echo(`\n[offices] ${child.name} exited unexpectedly (${code})`);
    void shutdown(1);
  });
  return child;
}
async function shutdown(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  echo('[offices] stopping…');
  for (const child of [...children].reverse()) await child.stop();
  process.exit(exitCode);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function main(): Promise<void> {
  const wanted = values.services?.split(',').filter((name) => name !== '');
  const services = findSubgraphServices(join(root, 'services')).filter(
    (service) => !wanted || wanted.includes(service.name) || service.name === 'liaison',
  );
  const missing = (wanted ?? []).filter((name) => !services.some((s) => s.name === name));
  if (missing.length > 0) throw new Error(`unknown services: ${missing.join(', ')}`);
  const offices = await Promise.all(
    names.map(async (short, index) => {
      const office = KNOWN_OFFICES[short]!;
      const dir = join(dataRoot, short);
      mkdirSync(join(dir, 'mongo'), { recursive: true });
      mkdirSync(join(dir, 'logs'), { recursive: true });
      const keyFile = join(dir, 'signing-key.json');
      if (!existsSync(keyFile)) {
        writeFileSync(keyFile, JSON.stringify(await generateSigningJwk(`${office.id}-dev`)), {
          mode: 0o600,
        });
      }
      const key = JSON.parse(readFileSync(keyFile, 'utf8')) as { x: string; kid: string };
      const jwtSecretFile = join(dir, 'jwt-secret');
      if (!existsSync(jwtSecretFile)) {
        writeFileSync(jwtSecretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
      }
      const jwtSecret = readFileSync(jwtSecretFile, 'utf8').trim();
      const shift = index * PORT_STEP;
      return {
        ...office,
        short,
        dir,
        key,
        jwtSecret,
        namespace: `heli${short}`,
        mongoPort: env.EMBEDDED_MONGO_PORT + shift,
        gatewayPort: env.GATEWAY_PORT + shift,
        ports: Object.fromEntries(services.map((s) => [s.name, s.port + shift])),
      };
    }),
  );
  await assertPortsFree(
    offices.flatMap((office) => [
      { what: `${office.short} MongoDB`, port: office.mongoPort },
      { what: `${office.short} gateway`, port: office.gatewayPort },
      ...services.map((s) => ({ what: `${office.short} ${s.name}`, port: office.ports[s.name]! })),
    ]),
  );

  const nats = await ensureNats({
    natsUrl: env.NATS_URL,
    dataDir: join(dataRoot, 'nats'),
    logDir: dataRoot,
    echo,
  });
  if (nats) supervise(nats);

  const [higher] = offices;
  const linkTo = (office: (typeof offices)[number], relation: 'HIGHER' | 'LOWER') => ({
    officeId: office.id,
    name: office.name,
    relation,
    url: `http://127.0.0.1:${office.ports['liaison']}`,
    maxClassification: 'INTERNAL',
    publicKeys: [{ kty: 'OKP', crv: 'Ed25519', x: office.key.x, kid: office.key.kid }],
  });

  // Every office's MongoDB first: on a busy machine one office's subgraphs starting up would
  // otherwise starve the next office's database of the time it needs to open.
  for (const office of offices) {
    supervise(
      startChild({
        name: `${office.short}-mongo`,
        ...tsNode(
          'packages/embedded-mongo/src/cli.ts',
          '--port',
          String(office.mongoPort),
          '--data-dir',
          join(office.dir, 'mongo'),
        ),
        env: {},
        logDir: join(office.dir, 'logs'),
        echo,
      }),
    );
  }
  await Promise.all(
    offices.map((office) =>
      waitUntil(`${office.short} MongoDB`, tcpOpen('127.0.0.1', office.mongoPort), 300_000),
    ),
  );

  for (const office of offices) {
    const logDir = join(office.dir, 'logs');
    const links =
      office === higher
        ? offices.slice(1).map((lower) => linkTo(lower, 'LOWER'))
        : [linkTo(higher!, 'HIGHER')];
    for (const service of services) {
      supervise(
        startChild({
          name: `${office.short}-${service.name}`,
          ...tsNode(join('services', service.name, 'src/index.ts')),
          env: {
            PORT: String(office.ports[service.name]),
            MONGODB_URI: `mongodb://127.0.0.1:${office.mongoPort}/?directConnection=true`,
            NATS_URL: env.NATS_URL,
            HELI_NAMESPACE: office.namespace,
            LOG_LEVEL: env.LOG_LEVEL,
            DEMO_DATA: 'true',
            LIAISON_OFFICE_ID: office.id,
            LIAISON_OFFICE_NAME: office.name,
            LIAISON_SIGNING_KEY: readFileSync(join(office.dir, 'signing-key.json'), 'utf8'),
            LIAISON_LINKS: JSON.stringify(links),
            ...jwtOf(office),
          },
          logDir,
          echo,
        }),
      );
    }
  }
  await Promise.all(
    offices.flatMap((office) =>
      services.map((s) =>
        waitUntil(
          `${office.short} ${s.name}`,
          httpOk(`http://127.0.0.1:${office.ports[s.name]}/ready`),
          600_000,
        ),
      ),
    ),
  );

  for (const office of offices) {
    const supergraphPath = join(office.dir, 'supergraph.graphql');
    // Composed here rather than by `pnpm compose`, which takes every service: only those started.
    const { subgraphs, problems } = discoverSubgraphs(
      join(root, 'services'),
      Object.fromEntries(
        services.map((s) => [s.name, `http://127.0.0.1:${office.ports[s.name]}/graphql`]),
      ),
    );
    const composition = composeSupergraph(
      subgraphs.filter((subgraph) => services.some((s) => s.name === subgraph.name)),
    );
    if (problems.length > 0 || !composition.ok) {
      const errors = [...problems, ...(composition.ok ? [] : composition.errors)];
      throw new Error(
        `composition failed for ${office.short}: ${errors.map((e) => e.message).join('; ')}`,
      );
    }
    writeFileSync(supergraphPath, composition.supergraphSdl);
    supervise(
      startChild({
        name: `${office.short}-gateway`,
        ...tsNode('gateway/src/index.ts'),
        env: {
          PORT: String(office.gatewayPort),
          SUPERGRAPH_PATH: supergraphPath,
          LOG_LEVEL: env.LOG_LEVEL,
          GATEWAY_WORKERS: '1',
          ...jwtOf(office),
        },
        logDir: join(office.dir, 'logs'),
        echo,
      }),
    );
    await waitUntil(
      `${office.short} gateway`,
      httpOk(`http://127.0.0.1:${office.gatewayPort}/health`),
      300_000,
    );
  }

  echo('\nOffices running:');
  for (const office of offices) {
    const token = await signDevToken(
      { ...claimsForStaff('staff-secretariat-head'), officeId: office.id },
      { secret: office.jwtSecret, issuer: 'heli', audience: 'heli' },
    );
    echo(
      `  ${office.name}  GraphQL http://127.0.0.1:${office.gatewayPort}/graphql  (liaison :${office.ports['liaison']}, logs ${join(office.dir, 'logs')})`,
    );
    echo(`    secretariat token: ${token}`);
  }
  echo('Ctrl-C stops everything.');
}

main().catch((error: unknown) => {
  echo(`[offices] ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});
