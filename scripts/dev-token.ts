/**
 * `pnpm token <user>`: prints a development JWT for a demo user (alias or staff id).
 * `pnpm token --office <city|daoli|…> <user>`: the same for one office of `pnpm start:offices`,
 * signed with that office's own token secret and carrying its office id (the other offices refuse it).
 * `pnpm token` (or `--list`): who each demo user is — name, title, division, roles, clearance.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { DEV_JWT_SECRET, signDevToken } from '@heli/auth';
import { claimsForStaff, demoStaff, demoUserDirectory, demoUsers } from '@heli/demo-data';
import { demoUserTable } from './dev-stack/demo-user-table.js';
import { loadDevStackEnv } from './dev-stack/env.js';
import { existingOfficeJwtSecret, KNOWN_OFFICES, officeDataDir } from './dev-stack/offices.js';

const fail = (message: string): never => {
  process.stderr.write(message + '\n');
  process.exit(1);
};
const { positionals, values } = parseArgs({
  allowPositionals: true,
  args: process.argv.slice(2),
  options: { office: { type: 'string' }, list: { type: 'boolean' } },
});
const wanted = positionals[0];
if (wanted === undefined || values.list) {
  process.stdout.write(
    `${demoUserTable(demoUserDirectory())}\nA token for one: pnpm token <user>; for one office of pnpm start:offices: pnpm token --office <${Object.keys(KNOWN_OFFICES).join('|')}> <user>\n`,
  );
  process.exit(0);
}
const staffId = (demoUsers as Record<string, string>)[wanted] ?? wanted;
if (!demoStaff.some((s) => s.id === staffId)) {
  fail(
    `Unknown demo user '${wanted}'. Use one of: ${Object.keys(demoUsers).join(', ')}, or a staff id such as ${demoStaff[0]?.id}.`,
  );
}

let secret = DEV_JWT_SECRET;
let officeId: string | undefined;
if (values.office !== undefined) {
  const office =
    KNOWN_OFFICES[values.office] ??
    fail(
      `Unknown office '${values.office}'. Use one of: ${Object.keys(KNOWN_OFFICES).join(', ')}.`,
    );
  const dir = officeDataDir(
    resolve(import.meta.dirname, '..'),
    loadDevStackEnv().HELI_DATA_DIR,
    values.office,
  );
  secret =
    existingOfficeJwtSecret(dir) ??
    fail(
      `The ${values.office} office has no token secret yet (${dir}): run pnpm start:offices first.`,
    );
  officeId = office.id;
}
process.stdout.write(
  (await signDevToken(claimsForStaff(staffId, officeId), {
    secret,
    issuer: 'heli',
    audience: 'heli',
  })) + '\n',
);
