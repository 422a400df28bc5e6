/**
 * `pnpm start:offices city,daoli[,nangang]`: two or three offices side by side on one machine, each
 * a whole Heli of its own, started the way `pnpm start` starts one (scripts/dev-stack/heli-stack.ts:
 * production builds, every subgraph, the gateway with the console) and all offices at once — its
 * own embedded MongoDB and data under .data/offices/<name>, its own NATS stream namespace, its own
 * subgraphs and gateway on ports shifted by 100 per office, its own liaison signing key and token
 * secret (made on first start, kept in its data folder) — with the first office linked as the
 * higher office of the others (内部 links), so their liaison subgraphs exchange 公文 and assigned
 * matters. Ctrl-C stops everything.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { signDevToken } from '@heli/auth';
import { ensureConsoleBuilt } from '@heli/console/build';
import { findSubgraphServices } from '@heli/gateway/compose';
import { claimsForStaff, demoUsers } from '@heli/demo-data';
import { loadDevStackEnv } from './dev-stack/env.js';
import {
  buildHeliParts,
  consoleBuildOf,
  heliPorts,
  startHeliStack,
} from './dev-stack/heli-stack.js';
import { LOG_LEVEL_NUMBERS } from './dev-stack/log-line.js';
import { ensureNats } from './dev-stack/nats.js';
import {
  KNOWN_OFFICES,
  OFFICE_PORT_STEP,
  officeDataDir,
  officeJwt,
  officeSecrets,
} from './dev-stack/offices.js';
import { assertPortsFree } from './dev-stack/ports.js';
import { createSupervisor } from './dev-stack/supervisor.js';
import { answersQuery, waitUntil } from './dev-stack/wait-until.js';

const launchedAt = performance.timeOrigin;
const seconds = () => `${((Date.now() - launchedAt) / 1000).toFixed(1)} s`;

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
const echo = (line: string) => process.stdout.write(line + '\n');
const supervisor = createSupervisor(echo, 'offices');

async function main(): Promise<void> {
  const wanted = values.services?.split(',').filter((name) => name !== '');
  const services = findSubgraphServices(join(root, 'services')).filter(
    (service) => !wanted || wanted.includes(service.name) || service.name === 'liaison',
  );
  const missing = (wanted ?? []).filter((name) => !services.some((s) => s.name === name));
  if (missing.length > 0) throw new Error(`unknown services: ${missing.join(', ')}`);
  if (env.MONGODB_URI) {
    throw new Error('MONGODB_URI: each office runs its own embedded MongoDB; leave it unset');
  }
  const liaisonPort = services.find((s) => s.name === 'liaison')!.port;

  const offices = await Promise.all(
    names.map(async (short, index) => {
      const office = KNOWN_OFFICES[short]!;
      const dir = officeDataDir(root, env.HELI_DATA_DIR, short);
      const shift = index * OFFICE_PORT_STEP;
      return {
        ...office,
        short,
        dir,
        shift,
        ...(await officeSecrets(dir, office.id)),
        liaisonUrl: `http://127.0.0.1:${liaisonPort + shift}`,
      };
    }),
  );
  await assertPortsFree(
    offices.flatMap((office) => heliPorts(env, services, office.shift, `${office.short} `)),
  );

  const consoleBuild = await consoleBuildOf(() =>
    ensureConsoleBuilt((line) => echo(`[console] ${line}`)),
  );
  if (await buildHeliParts(root, services)) echo(`[offices] built what changed (${seconds()})`);

  const dataRoot = resolve(root, env.HELI_DATA_DIR, 'offices');
  const nats = await ensureNats({
    natsUrl: env.NATS_URL,
    dataDir: join(dataRoot, 'nats'),
    logDir: dataRoot,
    echo,
  });
  if (nats) supervisor.supervise(nats, join(dataRoot, 'nats.log'));

  const [higher] = offices;
  const linkTo = (office: (typeof offices)[number], relation: 'HIGHER' | 'LOWER') => ({
    officeId: office.id,
    name: office.name,
    relation,
    url: office.liaisonUrl,
    maxClassification: 'INTERNAL',
    publicKeys: [{ kty: 'OKP', crv: 'Ed25519', ...office.publicKey }],
  });

  // All offices at once: each one's parts wait for its own MongoDB and responsibility.
  const stacks = offices.map((office) => {
    const links =
      office === higher
        ? offices.slice(1).map((lower) => linkTo(lower, 'LOWER'))
        : [linkTo(higher!, 'HIGHER')];
    return startHeliStack({
      root,
      env,
      services,
      portShift: office.shift,
      namePrefix: `${office.short}-`,
      dataDir: office.dir,
      logDir: join(office.dir, 'logs'),
      jwt: officeJwt(office.jwtSecret),
      subgraphEnv: {
        HELI_NAMESPACE: `heli${office.short}`,
        LIAISON_OFFICE_ID: office.id,
        LIAISON_OFFICE_NAME: office.name,
        LIAISON_SIGNING_KEY: office.signingKey,
        LIAISON_LINKS: JSON.stringify(links),
      },
      gatewayEnv: { DEV_SIGN_IN_OFFICE_ID: office.id },
      console: consoleBuild,
      supervisor,
      echo,
      minLevel: LOG_LEVEL_NUMBERS[env.TERMINAL_LOG_LEVEL],
      elapsed: seconds,
    });
  });

  const tokens = await Promise.all(
    offices.map((office) =>
      signDevToken(claimsForStaff(demoUsers.director, office.id), {
        secret: office.jwtSecret,
        issuer: 'heli',
        audience: 'heli',
      }),
    ),
  );
  await Promise.all(
    stacks.map((stack, index) =>
      waitUntil(
        `the ${offices[index]!.short} gateway’s answer to { me { name } }`,
        answersQuery(`${stack.gatewayUrl}/graphql`, tokens[index]!, '{ me { name } }', 'me'),
        10 * 60_000,
      ),
    ),
  );
  echo(`\nOffices running: every gateway answered its first query ${seconds()} after launch.`);
  for (const [index, office] of offices.entries()) {
    const stack = stacks[index]!;
    echo(`  ${office.name} (${office.short}, ${office.id})
    Console + GraphQL  ${stack.gatewayUrl}/   ${stack.gatewayUrl}/graphql  (sign in as a demo user of this office)
    liaison            ${office.liaisonUrl}   logs ${join(office.dir, 'logs')}
    director token     ${tokens[index]}`);
  }
  echo(
    `A token for a demo user of one office: pnpm token --office <${names.join('|')}> <user>.  Ctrl-C stops everything.\n`,
  );

  // Demo data and start-up work finish behind the running gateways; say when they have.
  try {
    await Promise.all(
      stacks.map((stack, index) =>
        waitUntil(
          `every ${offices[index]!.short} subgraph’s start-up work (demo data)`,
          stack.allReady,
          15 * 60_000,
        ),
      ),
    );
    echo(`[offices] every subgraph of every office is ready; demo data loaded (${seconds()})`);
  } catch (error) {
    if (!supervisor.stopping)
      echo(`[offices] warning: ${error instanceof Error ? error.message : error}; see ${dataRoot}`);
  }
}

main().catch((error: unknown) => {
  echo(`[offices] ${error instanceof Error ? error.message : String(error)}`);
  void supervisor.shutdown(1);
});
