import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeliClaims } from './claims.js';
import { DEV_JWT_SECRET, signDevToken } from './dev-token.js';
import { createTokenVerifier } from './token-verifier.js';

const director: HeliClaims = {
  sub: 'staff-director',
  name: '王主任',
  divisionId: null,
  officeId: 'office-harbin',
  roles: ['OFFICE_LEADER'],
  clearance: 'SECRET',
};
const issued = { secret: DEV_JWT_SECRET, issuer: 'heli', audience: 'heli' };
const verify = createTokenVerifier({
  hs256Secret: DEV_JWT_SECRET,
  issuer: 'heli',
  audience: 'heli',
});

describe('createTokenVerifier with an HS256 secret', () => {
  it('accepts a development token and returns exactly its Heli claims', async () => {
    const token = await signDevToken(director, issued);

    expect(await verify(token)).toEqual(director);
  });

  it('refuses an expired token', async () => {
    const token = await signDevToken(director, { ...issued, expiresIn: '-1 minute' });

    await expect(verify(token)).rejects.toMatchObject({
      name: 'AuthError',
      failure: 'EXPIRED',
      message: 'The token has expired; sign in again',
    });
  });

  it('refuses a token for another audience or from another issuer', async () => {
    const otherAudience = await signDevToken(director, { ...issued, audience: 'other-system' });
    const otherIssuer = await signDevToken(director, { ...issued, issuer: 'someone-else' });

    await expect(verify(otherAudience)).rejects.toMatchObject({
      failure: 'WRONG_ISSUER_OR_AUDIENCE',
    });
    await expect(verify(otherIssuer)).rejects.toMatchObject({
      failure: 'WRONG_ISSUER_OR_AUDIENCE',
    });
  });

  it('refuses a token whose claims were changed after signing', async () => {
    const [header, , signature] = (await signDevToken(director, issued)).split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...director, clearance: 'TOP_SECRET', iss: 'heli', aud: 'heli' }),
    ).toString('base64url');

    await expect(verify(`${header}.${forged}.${signature}`)).rejects.toMatchObject({
      failure: 'INVALID_SIGNATURE',
    });
  });

  it('refuses a token signed with another secret', async () => {
    const token = await signDevToken(director, { ...issued, secret: 'x'.repeat(32) });

    await expect(verify(token)).rejects.toMatchObject({ failure: 'INVALID_SIGNATURE' });
  });

  it('refuses a validly signed token without Heli claims, naming the missing ones', async () => {
    const token = await new SignJWT({ name: 'no roles' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('s1')
      .setIssuer('heli')
      .setAudience('heli')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(DEV_JWT_SECRET));

    await expect(verify(token)).rejects.toMatchObject({
      failure: 'INVALID_CLAIMS',
      message: "The token's claims are invalid: divisionId, officeId, roles, clearance",
    });
  });

  it('refuses a validly signed token without exp: it would be good forever', async () => {
    const { sub, ...claims } = director;
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub)
      .setIssuer('heli')
      .setAudience('heli')
      .setIssuedAt()
      .sign(new TextEncoder().encode(DEV_JWT_SECRET));

    await expect(verify(token)).rejects.toMatchObject({
      failure: 'INVALID_CLAIMS',
      message: 'The token has no "exp" claim',
    });
  });

  it('refuses a development token that lives longer than development tokens may', async () => {
    const { sub, ...claims } = director;
    const longLived = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub)
      .setIssuer('heli')
      .setAudience('heli')
      .setIssuedAt()
      .setExpirationTime('30d')
      .sign(new TextEncoder().encode(DEV_JWT_SECRET));
    const withoutIssuedAt = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub)
      .setIssuer('heli')
      .setAudience('heli')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(DEV_JWT_SECRET));

    await expect(verify(longLived)).rejects.toMatchObject({
      failure: 'INVALID_CLAIMS',
      message: expect.stringMatching(/longer than development tokens may \(12 h\)/),
    });
    await expect(verify(withoutIssuedAt)).rejects.toMatchObject({ failure: 'INVALID_CLAIMS' });
    expect(await verify(await signDevToken(director, issued))).toEqual(director);
  });

  it('refuses garbage and an empty token', async () => {
    await expect(verify('not-a-jwt')).rejects.toMatchObject({ failure: 'MALFORMED_TOKEN' });
    await expect(verify('')).rejects.toMatchObject({ failure: 'MISSING_TOKEN' });
  });

  it('needs exactly one key source', () => {
    expect(() => createTokenVerifier({ issuer: 'heli', audience: 'heli' })).toThrow(/exactly one/);
    expect(() =>
      createTokenVerifier({
        hs256Secret: DEV_JWT_SECRET,
        jwksUrl: 'http://x/jwks',
        issuer: 'heli',
        audience: 'heli',
      }),
    ).toThrow(/exactly one/);
  });
});

describe('createTokenVerifier with a JWKS URL', () => {
  let jwksServer: Server;
  let jwksUrl: string;
  let privateKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    jwksServer = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;
  });

  afterAll(() => new Promise<void>((resolve) => jwksServer.close(() => resolve())));

  function signRs256(kid: string, key: CryptoKey = privateKey, { expires = true } = {}) {
    const { sub, ...claims } = director;
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject(sub)
      .setIssuer('https://id.example')
      .setAudience('heli');
    return (expires ? jwt.setExpirationTime('5m') : jwt).sign(key);
  }

  it('refuses a token from the identity provider without exp', async () => {
    const verifyRs256 = createTokenVerifier({
      jwksUrl,
      issuer: 'https://id.example',
      audience: 'heli',
    });

    await expect(
      verifyRs256(await signRs256('key-1', privateKey, { expires: false })),
    ).rejects.toMatchObject({ failure: 'INVALID_CLAIMS', message: 'The token has no "exp" claim' });
  });

  it('accepts a token signed by a key the JWKS publishes', async () => {
    const verifyRs256 = createTokenVerifier({
      jwksUrl,
      issuer: 'https://id.example',
      audience: 'heli',
    });

    expect(await verifyRs256(await signRs256('key-1'))).toEqual(director);
  });

  it('refuses a token signed by a key the JWKS does not publish', async () => {
    const verifyRs256 = createTokenVerifier({
      jwksUrl,
      issuer: 'https://id.example',
      audience: 'heli',
    });
    const stranger = await generateKeyPair('RS256');

    await expect(verifyRs256(await signRs256('key-1', stranger.privateKey))).rejects.toMatchObject({
      failure: 'INVALID_SIGNATURE',
    });
    await expect(verifyRs256(await signRs256('key-2', stranger.privateKey))).rejects.toMatchObject({
      failure: 'INVALID_SIGNATURE',
    });
  });

  it('refuses HS256 tokens, so a development secret is useless in production', async () => {
    const verifyRs256 = createTokenVerifier({ jwksUrl, issuer: 'heli', audience: 'heli' });

    await expect(verifyRs256(await signDevToken(director, issued))).rejects.toMatchObject({
      failure: 'MALFORMED_TOKEN',
      message: 'The token is signed with an algorithm Heli does not accept',
    });
  });

  it('reports a failing JWKS endpoint as KEYS_UNAVAILABLE', async () => {
    const failing = createServer((_req, res) => {
      res.writeHead(500);
      res.end('upstream trouble');
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    try {
      const verifyRs256 = createTokenVerifier({
        jwksUrl: `http://127.0.0.1:${(failing.address() as AddressInfo).port}/jwks`,
        issuer: 'https://id.example',
        audience: 'heli',
      });

      await expect(verifyRs256(await signRs256('key-1'))).rejects.toMatchObject({
        failure: 'KEYS_UNAVAILABLE',
        message: 'The signing keys could not be fetched',
      });
    } finally {
      await new Promise<void>((resolve) => failing.close(() => resolve()));
    }
  });

  it('reports unreachable keys as KEYS_UNAVAILABLE, not as a bad token', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const verifyRs256 = createTokenVerifier({
      jwksUrl: `http://127.0.0.1:${port}/jwks`,
      issuer: 'https://id.example',
      audience: 'heli',
    });

    await expect(verifyRs256(await signRs256('key-1'))).rejects.toMatchObject({
      failure: 'KEYS_UNAVAILABLE',
    });
  });
});
