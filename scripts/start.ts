/**
 * `pnpm start`: the whole of Heli on one machine with embedded defaults — the embedded
 * MongoDB-wire server (data kept in .data/, so it survives restarts), NATS (the one that answers
 * at NATS_URL, or a nats-server started here), every subgraph under services/, and the gateway.
 * Demo data is loaded on first start; loading it again changes nothing.
 *
 * Fast on a busy machine (ADR 017): every part runs from its production build (esbuild, rebuilt
 * only when a source changed), so no process transpiles at run time; MongoDB, responsibility and
 * the gateway start at once (the other subgraphs once responsibility's demo organisation is
 * there) — see scripts/dev-stack/heli-stack.ts; demo data finishes loading behind the running
 * gateway. The terminal shows warnings and errors of the parts (their full logs are in .data/logs).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEV_JWT_SECRET, signDevToken } from '@heli/auth';
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
import { assertPortsFree } from './dev-stack/ports.js';
import { createSupervisor } from './dev-stack/supervisor.js';
import { answersQuery, waitUntil } from './dev-stack/wait-until.js';

const launchedAt = performance.timeOrigin;
const seconds = () => `${((Date.now() - launchedAt) / 1000).toFixed(1)} s`;
const root = resolve(import.meta.dirname, '..');
const env = loadDevStackEnv();
const dataDir = resolve(root, env.HELI_DATA_DIR);
const logDir = join(dataDir, 'logs');
mkdirSync(logDir, { recursive: true });

const echo = (line: string) => process.stdout.write(line + '\n');
const supervisor = createSupervisor(echo, 'stack');
const jwt = { JWT_SECRET: DEV_JWT_SECRET, JWT_ISSUER: 'heli', JWT_AUDIENCE: 'heli' };

async function main(): Promise<void> {
  const services = findSubgraphServices(join(root, 'services'));
  await assertPortsFree(heliPorts(env, services, 0));

  // The web console builds (or is found already built) while everything else starts.
  const consoleBuild = await consoleBuildOf(() =>
    ensureConsoleBuilt((line) => echo(`[console] ${line}`)),
  );
  if (await buildHeliParts(root, services)) echo(`[stack] built what changed (${seconds()})`);

  const nats = await ensureNats({
    natsUrl: env.NATS_URL,
    dataDir: join(dataDir, 'nats'),
    logDir,
    echo,
  });
  if (nats) supervisor.supervise(nats, join(logDir, 'nats.log'));

  const stack = startHeliStack({
    root,
    env,
    services,
    portShift: 0,
    namePrefix: '',
    dataDir,
    logDir,
    jwt,
    console: consoleBuild,
    supervisor,
    echo,
    minLevel: LOG_LEVEL_NUMBERS[env.TERMINAL_LOG_LEVEL],
    elapsed: seconds,
  });
  const { gatewayUrl } = stack;

  const directorToken = await signDevToken(claimsForStaff(demoUsers.director), {
    secret: DEV_JWT_SECRET,
    issuer: 'heli',
    audience: 'heli',
  });
  await waitUntil(
    'the gateway’s answer to { me { name } }',
    answersQuery(`${gatewayUrl}/graphql`, directorToken, '{ me { name } }', 'me'),
    10 * 60_000,
  );
  echo(`
Heli is running: the gateway answered its first query ${seconds()} after launch.
  Console         ${gatewayUrl}/   (sign in as a demo user${consoleBuild.dirNow ? '' : '; ready once the console is built'})
  GraphQL + IDE   ${gatewayUrl}/graphql  (IDE also at ${gatewayUrl}/ide, signed in as the office director)
  subgraphs       ${services.map((s) => `${s.name} :${s.port}`).join(', ')}
  logs            ${logDir}

Token for the office director (paste into the IDE's headers as {"Authorization": "Bearer …"}):
${directorToken}

Try:  curl -s ${gatewayUrl}/graphql -H 'content-type: application/json' \\
        -H "authorization: Bearer $TOKEN" -d '{"query":"{ divisions(first: 20) { edges { node { id name } } } }"}'
Who the demo users are: pnpm token --list; a token for one: pnpm token <user>.  Ctrl-C stops everything.
`);

  // Demo data and start-up work finish behind the running gateway; say when they have.
  try {
    await waitUntil('every subgraph’s start-up work (demo data)', stack.allReady, 15 * 60_000);
    echo(`[stack] every subgraph is ready; demo data loaded (${seconds()})`);
  } catch (error) {
    if (!supervisor.stopping)
      echo(`[stack] warning: ${error instanceof Error ? error.message : error}; see ${logDir}`);
  }
}

main().catch((error: unknown) => {
  echo(`[stack] ${error instanceof Error ? error.message : String(error)}`);
  void supervisor.shutdown(1);
});
