import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnvOrExit } from '@heli/service-kit';
import { connect } from 'nats';
import { z } from 'zod';
import { registryEnv } from './env.js';
import { openSchemaRegistry, registryBucketName } from './registry-store.js';
import { formatReport } from './report.js';
import { checkEveryTeam } from './team-check.js';
import { readWorkspaceSchemas } from './workspace-schemas.js';

// `pnpm schema:ci`, run by .ci/run from the repository root: every subgraph of the working tree is
// checked, as `pnpm schema check` would on deploy, against the others as published — the commit
// SCHEMA_BASELINE_REF (default HEAD~1, the main before this change) loaded into a registry bucket of
// its own on the run's NATS, deleted afterwards. Exit 1 if any team's check is refused.
const env = loadEnvOrExit(
  z.object({
    NATS_URL: registryEnv.NATS_URL,
    /** The commit whose subgraphs and console operations count as published. */
    SCHEMA_BASELINE_REF: z.string().min(1).default('HEAD~1'),
  }),
);
const root = process.cwd();
const started = Date.now();

const baseline = extractCommit(env.SCHEMA_BASELINE_REF);
const published = baseline
  ? readWorkspaceSchemas(baseline.dir, baseline.commit)
  : readWorkspaceSchemas(root, 'working tree');
const proposed = readWorkspaceSchemas(root, 'working tree');
if (!baseline) {
  process.stdout.write(
    `schema check: ${env.SCHEMA_BASELINE_REF} is not in this clone; checking composition against the working tree only\n`,
  );
}

const namespace = `ci${randomBytes(4).toString('hex')}`;
const nc = await connect({ servers: env.NATS_URL.split(','), name: 'heli-schema-ci' });
let refused = 0;
try {
  const registry = await openSchemaRegistry(nc, { namespace });
  const checks = await checkEveryTeam(registry, { published, proposed });
  for (const check of checks) {
    if (!check.sdlChanged) {
      process.stdout.write(`${check.subgraph}: SDL as published\n`);
      continue;
    }
    const { outcome } = check;
    if (outcome.status === 'refused') refused += 1;
    (outcome.status === 'refused' ? process.stderr : process.stdout).write(formatReport(outcome));
    if (outcome.status !== 'refused' && check.deployedAfter.length > 0) {
      process.stdout.write(`  (passes once ${check.deployedAfter.join(', ')} is deployed first)\n`);
    }
  }
  process.stdout.write(
    `schema check: ${checks.length} subgraph(s) against ${baseline?.commit ?? 'the working tree'} with ${published.clients.length} client(s)' operations, ${refused} refused (${Date.now() - started} ms)\n`,
  );
} finally {
  await nc
    .jetstreamManager()
    .then((jsm) => jsm.streams.delete(`KV_${registryBucketName(namespace)}`))
    .catch(() => undefined);
  await nc.drain();
  if (baseline) rmSync(baseline.dir, { recursive: true, force: true });
}
process.exitCode = refused > 0 ? 1 : 0;

/** The services and console sources of `ref`, extracted to a temporary folder; undefined if `ref` is unknown. */
function extractCommit(ref: string): { dir: string; commit: string } | undefined {
  let commit: string;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', '--verify', `${ref}^{commit}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'heli-schema-baseline-'));
  const archive = execFileSync('git', ['archive', commit, 'services', 'packages/console/src'], {
    maxBuffer: 256 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  return { dir, commit };
}
