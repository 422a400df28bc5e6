import { generateKeyPairSync } from 'node:crypto';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthError, createTokenVerifier, type HeliClaims } from '@heli/auth';
import { claimsForStaff, demoUsers } from '@heli/demo-data';
import Provider, { type Configuration } from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginOidcSignIn, completeOidcSignIn, type OidcConfig } from './oidc-sign-in';

/**
 * The console's sign-in flow against a real OpenID provider (panva's oidc-provider, the certified
 * implementation) on a loopback port: the authorization request, the provider's own login and
 * consent pages, the code, the token request — all over HTTP — and then the gateway's verifier,
 * configured as in production (JWKS_URL, JWT_ISSUER, JWT_AUDIENCE), judging the access token.
 */
const REDIRECT_URI = 'http://127.0.0.1:5173/auth/callback';
const RESOURCE = 'urn:heli:graph';
const AUDIENCE = 'heli';
const director = claimsForStaff(demoUsers.director);

// One signing key for both providers: the only difference between their tokens is the issuer.
const signingKey = {
  ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
  kid: 'heli-test',
  use: 'sig',
  alg: 'RS256',
};

interface RunningProvider {
  issuer: string;
  server: Server;
}

/** A provider whose people are the demo organisation's, issuing JWT access tokens for Heli's API with Heli's claims. */
async function startProvider(): Promise<RunningProvider> {
  let handle: RequestListener = () => {};
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const configuration: Configuration = {
    clients: [
      {
        client_id: 'heli-console',
        token_endpoint_auth_method: 'none',
        redirect_uris: [REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [signingKey as never] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== RESOURCE) throw new Error(`unknown resource ${resource}`);
          return {
            scope: 'heli',
            audience: AUDIENCE,
            accessTokenTTL: 600,
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
  return { issuer, server };
}

/** A tab's sessionStorage. */
function tabStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

/**
 * The browser's part at the provider: follows its redirects with its cookies, signs in as
 * `person` on the login page and confirms the consent page, until the provider redirects back to
 * the console. Returns that callback URL.
 */
async function signInAtProvider(authorizationUrl: URL, person: string): Promise<URL> {
  const cookies = new Map<string, string>();
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const remember = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  let url = authorizationUrl;
  let form: URLSearchParams | undefined;
  for (let step = 0; step < 12; step++) {
    const response = await fetch(url, {
      redirect: 'manual',
      headers: {
        cookie: cookieHeader(),
        ...(form && { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(form && { method: 'POST', body: form }),
    });
    remember(response);
    form = undefined;
    const location = response.headers.get('location');
    if (location !== null) {
      url = new URL(location, url);
      if (url.href.startsWith(REDIRECT_URI)) return url;
      continue;
    }
    const page = await response.text();
    expect(response.status, page).toBe(200);
    // The provider's own pages: a login form, then a consent form; each posts back to itself.
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    form =
      prompt === 'login'
        ? new URLSearchParams({ prompt, login: person, password: 'any' })
        : new URLSearchParams({ prompt: prompt ?? 'none' });
  }
  throw new Error('the provider never redirected back to the console');
}

async function signIn(idp: RunningProvider, person: string) {
  const config: OidcConfig = {
    mode: 'oidc',
    issuer: idp.issuer,
    clientId: 'heli-console',
    scope: 'openid profile heli',
    resource: RESOURCE,
  };
  const storage = tabStorage();
  const authorizationUrl = await beginOidcSignIn(config, {
    redirectUri: REDIRECT_URI,
    returnTo: '/board/matters/m-1?tab=timeline',
    storage,
  });
  const callbackUrl = await signInAtProvider(authorizationUrl, person);
  return { authorizationUrl, callbackUrl, config, storage };
}

describe('production sign-in against a real OpenID provider', () => {
  let heliIdp: RunningProvider;
  let otherIdp: RunningProvider;
  beforeAll(async () => {
    [heliIdp, otherIdp] = await Promise.all([startProvider(), startProvider()]);
  });
  afterAll(() => {
    heliIdp?.server.close();
    otherIdp?.server.close();
  });

  // The gateway's verifier as production configures it: JWKS_URL, JWT_ISSUER, JWT_AUDIENCE.
  const gatewayVerifier = () =>
    createTokenVerifier({
      jwksUrl: `${heliIdp.issuer}/jwks`,
      issuer: heliIdp.issuer,
      audience: AUDIENCE,
    });

  it('given the director signing in at the provider, when the console completes the callback, then the gateway accepts the access token with her Heli claims and she returns to the page she wanted', async () => {
    const { authorizationUrl, callbackUrl, config, storage } = await signIn(
      heliIdp,
      demoUsers.director,
    );
    expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(callbackUrl.searchParams.get('code')).toBeTruthy();

    const tokens = await completeOidcSignIn(config, {
      callbackUrl,
      redirectUri: REDIRECT_URI,
      storage,
    });

    const claims: HeliClaims = await gatewayVerifier()(tokens.accessToken);
    expect(claims).toEqual(director);
    expect(tokens.returnTo).toBe('/board/matters/m-1?tab=timeline');
    // The id_token is for the console only: its audience is the client, and the gateway refuses it.
    await expect(gatewayVerifier()(tokens.idToken)).rejects.toMatchObject({
      failure: 'WRONG_ISSUER_OR_AUDIENCE',
    });
  });

  it('given a token from another issuer signed with the same key, when the gateway verifies it, then it is refused for its issuer', async () => {
    const { callbackUrl, config, storage } = await signIn(otherIdp, demoUsers.director);
    const tokens = await completeOidcSignIn(config, {
      callbackUrl,
      redirectUri: REDIRECT_URI,
      storage,
    });
    const refusal = await gatewayVerifier()(tokens.accessToken).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AuthError);
    expect(refusal).toMatchObject({ failure: 'WRONG_ISSUER_OR_AUDIENCE' });
  });

  it('given a callback whose state is not the one this tab sent, when completed, then no token is requested and the pending sign-in is spent', async () => {
    const { callbackUrl, config, storage } = await signIn(heliIdp, demoUsers.director);
    callbackUrl.searchParams.set('state', 'forged');
    await expect(
      completeOidcSignIn(config, { callbackUrl, redirectUri: REDIRECT_URI, storage }),
    ).rejects.toThrow(/state/);
    callbackUrl.searchParams.set('state', 'forged');
    await expect(
      completeOidcSignIn(config, { callbackUrl, redirectUri: REDIRECT_URI, storage }),
    ).rejects.toThrow('没有进行中的登录，请重新登录');
  });
});
