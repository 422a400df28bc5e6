import { generateKeyPairSync } from 'node:crypto';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { claimsForStaff } from '@heli/demo-data';
import Provider, { type Configuration } from 'oidc-provider';

/**
 * A real OpenID provider for tests (panva's oidc-provider, a certified implementation) on a
 * loopback port. Its people are the demo organisation's (sign in with a staff id, any password);
 * it issues RS256 JWT access tokens for Heli's API carrying Heli's claims, as a production provider
 * must be configured to (packages/console/README.md). Login and consent are its own pages.
 */
export const TEST_RESOURCE = 'urn:heli:graph';
export const TEST_AUDIENCE = 'heli';
export const TEST_CLIENT_ID = 'heli-console';

/** One key for every provider started here: tokens from two of them differ only by issuer. */
const signingKey = {
  ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
  kid: 'heli-test',
  use: 'sig',
  alg: 'RS256',
};

export interface TestIdentityProvider {
  issuer: string;
  jwksUrl: string;
  close(): Promise<void>;
}

export async function startIdentityProvider(options: {
  /** The console's callback URL(s), e.g. `http://127.0.0.1:5173/auth/callback`. */
  redirectUris: string[];
  /** Where the provider may send the browser after signing out. */
  postLogoutRedirectUris?: string[];
  accessTokenSeconds?: number;
}): Promise<TestIdentityProvider> {
  let handle: RequestListener = (_req, res) => res.end();
  const server: Server = createServer((req, res) => handle(req, res));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accessTokenSeconds = options.accessTokenSeconds ?? 600;
  const configuration: Configuration = {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris ?? [],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [signingKey as never] },
    pkce: { required: () => true },
    // No AccessToken here: its default takes the resource server's accessTokenTTL below.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, IdToken: 600 },
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => TEST_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== TEST_RESOURCE) throw new Error(`unknown resource ${resource}`);
          return {
            scope: 'heli',
            audience: TEST_AUDIENCE,
            accessTokenTTL: accessTokenSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, name: claimsForStaff(sub).name }),
    }),
    // Heli's claims in the access token: what the gateway's verifier reads (packages/auth/src/claims.ts).
    extraTokenClaims: (_ctx, token) => {
      const { sub: _sub, ...claims } = claimsForStaff((token as { accountId: string }).accountId);
      return claims;
    },
  };
  const provider = new Provider(issuer, configuration);
  handle = provider.callback();
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
