import { exportJWK, generateKeyPair, importJWK, type CryptoKey } from 'jose';
import { z } from 'zod';
import type { PublicJwk } from '../links/links.config.js';

/** The office's own Ed25519 signing key as a private JWK (LIAISON_SIGNING_KEY). */
export const privateJwkSchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  d: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'expected a base64url Ed25519 private key'),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'expected a base64url Ed25519 public key'),
  kid: z.string().min(1).max(100),
});
export type PrivateJwk = z.infer<typeof privateJwkSchema>;

export const SIGNING_ALG = 'EdDSA';

export interface SigningKey {
  kid: string;
  key: CryptoKey;
  /** What the other offices configure to verify this office's messages. */
  publicJwk: PublicJwk;
}

export async function importSigningKey(jwk: PrivateJwk): Promise<SigningKey> {
  const key = (await importJWK(jwk, SIGNING_ALG)) as CryptoKey;
  return { kid: jwk.kid, key, publicJwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: jwk.kid } };
}

/** A fresh key pair, for an office joining (`pnpm --filter @heli/liaison keygen`) and for tests. */
export async function generateSigningJwk(kid: string): Promise<PrivateJwk> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(privateKey);
  return privateJwkSchema.parse({ ...jwk, kid });
}
