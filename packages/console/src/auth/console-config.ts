/**
 * How this console signs people in, read at run time from `/console-config.json` (the gateway
 * serves it from its environment; any other static server serves the file beside index.html), so
 * one build runs in every environment.
 * - `dev`: pick a demo person; the gateway's development issuer signs the token (DEV_SIGN_IN).
 * - `oidc`: the identity provider's authorization code flow with PKCE (oidc-sign-in.ts).
 */
export type SignInConfig =
  | { mode: 'dev' }
  | {
      mode: 'oidc';
      /** The identity provider's issuer identifier; discovery is at its /.well-known/openid-configuration. */
      issuer: string;
      clientId: string;
      /** Space-separated; always includes `openid`. */
      scope: string;
      /** RFC 8707 resource indicator naming Heli's API, when the provider needs one to issue its access token. */
      resource?: string;
    };

export interface ConsoleConfig {
  signIn: SignInConfig;
}

export const CONSOLE_CONFIG_PATH = '/console-config.json';

/** Where the identity provider sends the browser back; registered at the provider as the redirect URI. */
export const CALLBACK_PATH = '/auth/callback';

/** The console's configuration from the JSON served at CONSOLE_CONFIG_PATH; throws naming the bad field. */
export function parseConsoleConfig(raw: unknown): ConsoleConfig {
  const signIn = isRecord(raw) ? raw.signIn : undefined;
  if (!isRecord(signIn)) throw new Error('console-config.json: "signIn" is missing');
  if (signIn.mode === 'dev') return { signIn: { mode: 'dev' } };
  if (signIn.mode !== 'oidc') {
    throw new Error('console-config.json: "signIn.mode" must be "dev" or "oidc"');
  }
  const text = (field: string): string => {
    const value = signIn[field];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new Error(`console-config.json: "signIn.${field}" must be a non-empty string`);
    }
    return value;
  };
  const issuer = text('issuer');
  if (!URL.canParse(issuer)) throw new Error('console-config.json: "signIn.issuer" is not a URL');
  const scope = text('scope');
  if (!scope.split(/\s+/).includes('openid')) {
    throw new Error('console-config.json: "signIn.scope" must include openid');
  }
  const resource = signIn.resource === undefined ? undefined : text('resource');
  return {
    signIn: {
      mode: 'oidc',
      issuer,
      clientId: text('clientId'),
      scope,
      ...(resource !== undefined && { resource }),
    },
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

let loaded: Promise<ConsoleConfig> | undefined;

/**
 * The configuration, fetched once. A site without the file (an older gateway, `vite` without a
 * running gateway) signs in the development way, which only works where DEV_SIGN_IN is on anyway.
 */
export function loadConsoleConfig(): Promise<ConsoleConfig> {
  loaded ??= fetch(CONSOLE_CONFIG_PATH).then(async (response) => {
    if (response.status === 404) return { signIn: { mode: 'dev' } } as const;
    if (!response.ok) throw new Error(`console-config.json: HTTP ${response.status}`);
    return parseConsoleConfig(await response.json());
  });
  loaded.catch(() => (loaded = undefined));
  return loaded;
}
