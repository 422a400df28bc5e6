/**
 * `pnpm --filter @heli/liaison keygen <key-id>`: a new Ed25519 key pair for an office joining or
 * rotating. Prints the private JWK for LIAISON_SIGNING_KEY (keep it in the office's secrets) and
 * the public JWK to hand to every linked office for its LIAISON_LINKS entry.
 */
import { generateSigningJwk } from '../transport/signing-keys.js';

const kid = process.argv[2];
if (kid === undefined || !/^[A-Za-z0-9._-]{1,100}$/.test(kid)) {
  process.stderr.write('usage: keygen <key-id>, e.g. keygen office-daoli-2026\n');
  process.exit(1);
}
const jwk = await generateSigningJwk(kid);
const { d: _private, ...publicJwk } = jwk;
process.stdout.write(`LIAISON_SIGNING_KEY='${JSON.stringify(jwk)}'\n`);
process.stdout.write(
  `# public key for the other offices' LIAISON_LINKS:\n${JSON.stringify(publicJwk)}\n`,
);
