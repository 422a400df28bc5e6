/**
 * `pnpm token <user>`: prints a development JWT for a demo user (alias or staff id).
 * `pnpm token` (or `--list`): who each demo user is — name, title, division, roles, clearance.
 */
import { DEV_JWT_SECRET, signDevToken } from '@heli/auth';
import { claimsForStaff, demoStaff, demoUserDirectory, demoUsers } from '@heli/demo-data';
import { demoUserTable } from './dev-stack/demo-user-table.js';

const wanted = process.argv[2];
if (wanted === undefined || wanted === '--list') {
  process.stdout.write(
    `${demoUserTable(demoUserDirectory())}\nA token for one: pnpm token <user>\n`,
  );
  process.exit(0);
}
const staffId = (demoUsers as Record<string, string>)[wanted] ?? wanted;
if (!demoStaff.some((s) => s.id === staffId)) {
  process.stderr.write(
    `Unknown demo user '${wanted}'. Use one of: ${Object.keys(demoUsers).join(', ')}, or a staff id such as ${demoStaff[0]?.id}.\n`,
  );
  process.exit(1);
}
process.stdout.write(
  (await signDevToken(claimsForStaff(staffId), {
    secret: DEV_JWT_SECRET,
    issuer: 'heli',
    audience: 'heli',
  })) + '\n',
);
