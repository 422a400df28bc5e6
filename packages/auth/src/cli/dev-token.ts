// Prints an HS256 development token for any identity, e.g.
//   pnpm --filter @heli/auth token --sub staff-1 --name 李明 --office office-harbin \
//     --division div-mishu --roles STAFF,DIVISION_HEAD --clearance CONFIDENTIAL
// Signs with DEV_JWT_SECRET unless --secret is given. For demo users by name use `pnpm token`.
import { parseArgs } from 'node:util';
import { heliClaimsSchema } from '../claims.js';
import { DEV_JWT_SECRET, signDevToken } from '../dev-token.js';

const { values } = parseArgs({
  options: {
    sub: { type: 'string' },
    name: { type: 'string' },
    office: { type: 'string' },
    division: { type: 'string' },
    roles: { type: 'string', default: 'STAFF' },
    clearance: { type: 'string', default: 'INTERNAL' },
    secret: { type: 'string', default: DEV_JWT_SECRET },
    issuer: { type: 'string', default: 'heli' },
    audience: { type: 'string', default: 'heli' },
    'expires-in': { type: 'string', default: '12h' },
  },
});

const claims = heliClaimsSchema.safeParse({
  sub: values.sub,
  name: values.name,
  officeId: values.office,
  divisionId: values.division ?? null,
  roles: values.roles.split(',').filter(Boolean),
  clearance: values.clearance,
});
if (!claims.success) {
  const problems = claims.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  process.stderr.write(`Cannot sign a token: ${problems.join('; ')}\n`);
  process.exit(1);
}

const token = await signDevToken(claims.data, {
  secret: values.secret,
  issuer: values.issuer,
  audience: values.audience,
  expiresIn: values['expires-in'],
});
process.stdout.write(`${token}\n`);
