import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateSigningJwk } from '@heli/liaison';

/** The offices `pnpm start:offices` knows, by the short name given on the command line. */
export const KNOWN_OFFICES: Record<string, { id: string; name: string }> = {
  city: { id: 'office-harbin', name: '中共哈尔滨市委办公厅' },
  daoli: { id: 'office-daoli', name: '中共哈尔滨市道里区委办公室' },
  nangang: { id: 'office-nangang', name: '中共哈尔滨市南岗区委办公室' },
  daowai: { id: 'office-daowai', name: '中共哈尔滨市道外区委办公室' },
};

/** Each further office's ports are this much above the previous one's (city 4000–4007, daoli 4100–4107). */
export const OFFICE_PORT_STEP = 100;

/** Where `pnpm start:offices` keeps each office's data, keys and logs: `<HELI_DATA_DIR>/offices/<short>`. */
export const officeDataDir = (root: string, heliDataDir: string, short: string) =>
  resolve(root, heliDataDir, 'offices', short);

const JWT_SECRET_FILE = 'jwt-secret';

/** The office's own token secret: a token one office issues is refused by the others. */
export const officeJwt = (jwtSecret: string) => ({
  JWT_SECRET: jwtSecret,
  JWT_ISSUER: 'heli',
  JWT_AUDIENCE: 'heli',
});

/**
 * The office's liaison signing key (Ed25519 private JWK) and token secret, made on first start and
 * kept in its data folder (readable by its owner only).
 */
export async function officeSecrets(
  dir: string,
  officeId: string,
): Promise<{ signingKey: string; publicKey: { x: string; kid: string }; jwtSecret: string }> {
  mkdirSync(dir, { recursive: true });
  const keyFile = join(dir, 'signing-key.json');
  if (!existsSync(keyFile)) {
    writeFileSync(keyFile, JSON.stringify(await generateSigningJwk(`${officeId}-dev`)), {
      mode: 0o600,
    });
  }
  const jwtSecretFile = join(dir, JWT_SECRET_FILE);
  if (!existsSync(jwtSecretFile)) {
    writeFileSync(jwtSecretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  const signingKey = readFileSync(keyFile, 'utf8');
  const { x, kid } = JSON.parse(signingKey) as { x: string; kid: string };
  return {
    signingKey,
    publicKey: { x, kid },
    jwtSecret: readFileSync(jwtSecretFile, 'utf8').trim(),
  };
}

/** The token secret of an office `pnpm start:offices` has run, or undefined when it never has. */
export function existingOfficeJwtSecret(dir: string): string | undefined {
  const file = join(dir, JWT_SECRET_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}
