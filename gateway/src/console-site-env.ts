import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { envBoolean } from '@heli/service-kit';
import { z } from 'zod';

// The console site's variables apart from the site itself (console-site.ts): the cluster primary
// parses the whole environment and should not load what serves the site to do so.

export const consoleSiteEnv = {
  /** The console's built files (`packages/console/dist`); unset = no console, `/` is the IDE. */
  CONSOLE_DIR: z
    .string()
    .optional()
    .refine((dir) => dir === undefined || existsSync(join(dir, 'index.html')), {
      message: 'no index.html there; build the console first (pnpm --filter @heli/console build)',
    }),
  DEV_SIGN_IN: envBoolean().default(false),
  /** The office this Heli serves when it is not the demo's own (`pnpm start:offices`): its people sign in as its people. */
  DEV_SIGN_IN_OFFICE_ID: z.string().optional(),
  /**
   * Production sign-in: the identity provider's issuer identifier. The console runs the
   * authorization code flow with PKCE against it (docs/adr/009-web-console.md); the gateway
   * verifies the provider's access tokens, so JWKS_URL and JWT_ISSUER must be the provider's too.
   */
  OIDC_ISSUER: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  /** The console's client id at the provider (a public client: no secret). */
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** Space-separated scopes the console asks for; must include openid. */
  OIDC_SCOPES: z
    .string()
    .default('openid profile')
    .refine((scopes) => scopes.split(/\s+/).includes('openid'), { message: 'must include openid' }),
  /** RFC 8707 resource indicator for Heli's API, for providers that issue access tokens per resource. */
  OIDC_RESOURCE: z.string().min(1).optional(),
};

type OidcVariables = {
  OIDC_ISSUER?: unknown;
  OIDC_CLIENT_ID?: unknown;
  JWKS_URL?: unknown;
  JWT_ISSUER?: unknown;
};

type ConsoleSiteVariables = {
  DEV_SIGN_IN?: unknown;
  JWT_SECRET?: unknown;
  NODE_ENV?: unknown;
} & OidcVariables;

/** Development sign-in hands out tokens to anyone who asks: never with real keys, never in production. */
export const consoleSiteRule = z.superRefine<ConsoleSiteVariables>(
  (env, ctx) => {
    oidcRule(env, ctx);
    if (env.DEV_SIGN_IN !== true) return;
    if (env.OIDC_ISSUER !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['DEV_SIGN_IN'],
        message: 'set either DEV_SIGN_IN or OIDC_ISSUER: the console signs in one way',
      });
    }
    if (env.JWT_SECRET === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['DEV_SIGN_IN'],
        message: 'needs JWT_SECRET (the development issuer signs HS256 tokens)',
      });
    }
    if (env.NODE_ENV === 'production') {
      ctx.addIssue({
        code: 'custom',
        path: ['DEV_SIGN_IN'],
        message: 'development sign-in is refused with NODE_ENV=production',
      });
    }
  },
  { when: () => true },
);

/**
 * The provider's sign-in only works end to end when the gateway verifies what the provider
 * issues: its keys (JWKS_URL, RS256) and its issuer (JWT_ISSUER). A mismatch would otherwise show
 * only as every signed-in request being refused.
 */
function oidcRule(
  env: ConsoleSiteVariables,
  ctx: z.core.$RefinementCtx<ConsoleSiteVariables>,
): void {
  const issuer = typeof env.OIDC_ISSUER === 'string' ? env.OIDC_ISSUER : undefined;
  if (issuer === undefined) {
    if (env.OIDC_CLIENT_ID !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'required with OIDC_CLIENT_ID',
      });
    }
    return;
  }
  if (env.OIDC_CLIENT_ID === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['OIDC_CLIENT_ID'],
      message: 'required with OIDC_ISSUER',
    });
  }
  if (URL.canParse(issuer) && !isHttpsOrLoopback(new URL(issuer))) {
    ctx.addIssue({
      code: 'custom',
      path: ['OIDC_ISSUER'],
      message: 'must be https (plain http only for a provider on this machine)',
    });
  }
  if (env.JWKS_URL === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['JWKS_URL'],
      message:
        "required with OIDC_ISSUER: the provider's public keys (its discovery document's jwks_uri)",
    });
  }
  if (env.JWT_ISSUER !== undefined && env.JWT_ISSUER !== issuer) {
    ctx.addIssue({
      code: 'custom',
      path: ['JWT_ISSUER'],
      message: `must equal OIDC_ISSUER (${issuer}): the gateway verifies the provider's tokens`,
    });
  }
}

function isHttpsOrLoopback(url: URL): boolean {
  return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
