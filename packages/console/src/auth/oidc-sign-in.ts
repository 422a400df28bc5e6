import * as oauth from 'oauth4webapi';
import type { SignInConfig } from './console-config';
import { safeReturnPath } from './return-path';

/**
 * Production sign-in: the identity provider's authorization code flow with PKCE (S256), state and
 * nonce, done in the browser with oauth4webapi (a public client: no secret can be kept in a page).
 * What the gateway verifies is the provider's access token — a JWT for Heli's API carrying Heli's
 * claims (docs/adr/009-web-console.md says why not the id_token).
 *
 * The half-done sign-in (verifier, state, nonce, where to return) is kept in sessionStorage: it
 * belongs to this tab, survives the round trip through the provider, and is used once.
 */
export type OidcConfig = Extract<SignInConfig, { mode: 'oidc' }>;

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export { CALLBACK_PATH } from './console-config';
const PENDING_KEY = 'heli.oidc-pending';

export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/** The pending sign-in as stored, or undefined when there is none or it is not one of ours. */
export function parsePendingSignIn(stored: string | null): PendingSignIn | undefined {
  if (!stored) return undefined;
  try {
    const value = JSON.parse(stored) as Record<string, unknown>;
    const fields = ['state', 'nonce', 'codeVerifier', 'returnTo'] as const;
    if (!fields.every((field) => typeof value[field] === 'string' && value[field] !== '')) {
      return undefined;
    }
    const pending = value as unknown as PendingSignIn;
    return { ...pending, returnTo: safeReturnPath(pending.returnTo) };
  } catch {
    return undefined;
  }
}

const clientOf = (config: OidcConfig): oauth.Client => ({ client_id: config.clientId });

// Plain http only for a provider on this machine (tests, a local provider); the gateway's
// start-up check refuses any other http issuer.
const requestOptions = (config: OidcConfig) => ({
  [oauth.allowInsecureRequests]: isLoopbackHttp(config.issuer),
});

export function isLoopbackHttp(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}

const discovered = new Map<string, Promise<oauth.AuthorizationServer>>();

/** The provider's metadata, fetched once per issuer. */
export function discover(config: OidcConfig): Promise<oauth.AuthorizationServer> {
  let metadata = discovered.get(config.issuer);
  if (!metadata) {
    const issuer = new URL(config.issuer);
    metadata = oauth
      .discoveryRequest(issuer, { algorithm: 'oidc', ...requestOptions(config) })
      .then((response) => oauth.processDiscoveryResponse(issuer, response));
    metadata.catch(() => discovered.delete(config.issuer));
    discovered.set(config.issuer, metadata);
  }
  return metadata;
}

/**
 * Starts a sign-in: remembers this tab's PKCE verifier, state, nonce and return path, and gives
 * the provider's authorization URL to send the browser to.
 */
export async function beginOidcSignIn(
  config: OidcConfig,
  options: { redirectUri: string; returnTo: string; storage: KeyValueStorage },
): Promise<URL> {
  const as = await discover(config);
  if (!as.authorization_endpoint) throw new Error('身份认证服务未提供授权地址');
  const pending: PendingSignIn = {
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    codeVerifier: oauth.generateRandomCodeVerifier(),
    returnTo: safeReturnPath(options.returnTo),
  };
  options.storage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(as.authorization_endpoint);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', options.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', config.scope);
  url.searchParams.set(
    'code_challenge',
    await oauth.calculatePKCECodeChallenge(pending.codeVerifier),
  );
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', pending.state);
  url.searchParams.set('nonce', pending.nonce);
  if (config.resource !== undefined) url.searchParams.set('resource', config.resource);
  return url;
}

export interface OidcTokens {
  /** The JWT the gateway verifies. */
  accessToken: string;
  /** Kept for signing out at the provider (id_token_hint). */
  idToken: string;
  returnTo: string;
}

/**
 * Finishes a sign-in on the callback URL: checks the state (and the issuer, RFC 9207, when the
 * provider sends it), exchanges the code with the PKCE verifier, checks the id_token's nonce. The
 * pending sign-in is spent whatever happens, so a callback URL cannot be replayed.
 */
export async function completeOidcSignIn(
  config: OidcConfig,
  options: { callbackUrl: URL; redirectUri: string; storage: KeyValueStorage },
): Promise<OidcTokens> {
  const pending = parsePendingSignIn(options.storage.getItem(PENDING_KEY));
  options.storage.removeItem(PENDING_KEY);
  if (!pending) throw new Error('没有进行中的登录，请重新登录');
  const as = await discover(config);
  const client = clientOf(config);
  const params = oauth.validateAuthResponse(as, client, options.callbackUrl, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    params,
    options.redirectUri,
    pending.codeVerifier,
    {
      ...requestOptions(config),
      ...(config.resource !== undefined && {
        additionalParameters: { resource: config.resource },
      }),
    },
  );
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, {
    expectedNonce: pending.nonce,
    requireIdToken: true,
  });
  return {
    accessToken: tokens.access_token,
    idToken: tokens.id_token!,
    returnTo: pending.returnTo,
  };
}

/**
 * Where to send the browser to end the provider's session too (RP-initiated logout), or undefined
 * when the provider offers none — then only the console's session ends.
 */
export async function oidcSignOutUrl(
  config: OidcConfig,
  options: { idToken: string | undefined; afterSignOut: string },
): Promise<URL | undefined> {
  const as = await discover(config);
  if (!as.end_session_endpoint) return undefined;
  const url = new URL(as.end_session_endpoint);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('post_logout_redirect_uri', options.afterSignOut);
  if (options.idToken !== undefined) url.searchParams.set('id_token_hint', options.idToken);
  return url;
}
