import { resolve } from 'node:path';
import { signDevToken, type HeliClaims } from '@heli/auth';
import { claimsForStaff, demoStaff, demoUsers, type DemoUser } from '@heli/demo-data';
import { sendJson, type RouteHandler } from '@heli/service-kit';
import sirv from 'sirv';
import { z } from 'zod';
import { serveIdePage } from './graphiql-page.js';

/**
 * The web console (packages/console) served by the gateway in the all-in-one mode: same origin as
 * /graphql, so no CORS. With it, `/` is the console and the IDE moves to `/ide` (it also stays at
 * `/graphql` for a browser). DEV_SIGN_IN adds the development issuer the console's sign-in page
 * uses: pick a demo user, get a token signed with JWT_SECRET.
 */
export interface ConsoleSiteConfig {
  CONSOLE_DIR?: string | undefined;
  DEV_SIGN_IN: boolean;
  DEV_SIGN_IN_OFFICE_ID?: string | undefined;
  JWT_SECRET?: string | undefined;
  JWT_ISSUER: string;
  JWT_AUDIENCE: string;
  OIDC_ISSUER?: string | undefined;
  OIDC_CLIENT_ID?: string | undefined;
  OIDC_SCOPES?: string | undefined;
  OIDC_RESOURCE?: string | undefined;
}

/** What the console reads at start to know how to sign people in (packages/console/src/auth/console-config.ts). */
export const CONSOLE_CONFIG_PATH = '/console-config.json';

/** The console's runtime configuration, from the gateway's environment. */
export function consoleConfig(config: ConsoleSiteConfig) {
  if (config.OIDC_ISSUER === undefined || config.OIDC_CLIENT_ID === undefined) {
    return { signIn: { mode: 'dev' as const } };
  }
  return {
    signIn: {
      mode: 'oidc' as const,
      issuer: config.OIDC_ISSUER,
      clientId: config.OIDC_CLIENT_ID,
      scope: config.OIDC_SCOPES ?? 'openid profile',
      ...(config.OIDC_RESOURCE !== undefined && { resource: config.OIDC_RESOURCE }),
    },
  };
}

export const DEV_USERS_PATH = '/auth/dev/users';
export const DEV_TOKEN_PATH = '/auth/dev/token';
export const IDE_PAGE_PATH = '/ide';

/** How long a development sign-in lasts; the console returns to sign-in when it runs out. */
const DEV_SESSION = '8h';

/** Routes to merge over the gateway's own, and the fallback that serves the console's files. */
export function consoleSite(
  config: ConsoleSiteConfig,
  graphqlPath: string,
): {
  routes: Record<string, RouteHandler>;
  fallback?: RouteHandler;
  /** The IDE page, signed in as the office director when development sign-in is on. */
  serveIde: RouteHandler;
} {
  const devSignIn =
    config.DEV_SIGN_IN && config.JWT_SECRET !== undefined
      ? devSignInRoutes({ ...config, JWT_SECRET: config.JWT_SECRET })
      : undefined;
  const serveIde: RouteHandler = async (_req, res) =>
    serveIdePage(res, graphqlPath, await devSignIn?.tokenFor('director'));
  const runtimeConfig = consoleConfig(config);
  const routes: Record<string, RouteHandler> = {
    [IDE_PAGE_PATH]: serveIde,
    [CONSOLE_CONFIG_PATH]: (_req, res) => {
      res.setHeader('cache-control', 'no-cache');
      sendJson(res, 200, runtimeConfig);
    },
  };
  // The console talks to the provider itself (discovery, token exchange): its origin is allowed.
  const connectSrc =
    runtimeConfig.signIn.mode === 'oidc'
      ? `connect-src 'self' ${new URL(runtimeConfig.signIn.issuer).origin}; `
      : '';
  if (devSignIn) Object.assign(routes, devSignIn.routes);
  if (config.CONSOLE_DIR === undefined) return { routes, serveIde };

  const serveFiles = sirv(resolve(config.CONSOLE_DIR), {
    // Any unknown path is a console route (/board/…): the single-page app decides.
    single: true,
    etag: true,
    gzip: true,
    setHeaders: (res, pathname) => {
      res.setHeader('x-content-type-options', 'nosniff');
      // Vite names every asset by its content hash; the page must be revalidated to find new ones.
      if (pathname.startsWith('/assets/')) {
        res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        return;
      }
      res.setHeader('cache-control', 'no-cache');
      // The page (any console route is index.html). Ant Design injects its styles at run time,
      // hence 'unsafe-inline' for styles only.
      res.setHeader(
        'content-security-policy',
        `default-src 'self'; ${connectSrc}style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'`,
      );
    },
  });
  const fallback: RouteHandler = (req, res) =>
    new Promise<void>((done) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendJson(res, 404, { error: `no route for ${req.method} ${req.url ?? ''}` });
        return done();
      }
      res.once('close', () => done());
      serveFiles(req, res, () => {
        sendJson(res, 404, { error: 'not found' });
        done();
      });
    });
  return { routes: { ...routes, '/': fallback }, fallback, serveIde };
}

/** The people the development sign-in offers: the demo organisation's named users. */
export function devSignInUsers(): { key: string; name: string; title: string }[] {
  return Object.entries(demoUsers).map(([key, staffId]) => {
    const staff = demoStaff.find((candidate) => candidate.id === staffId);
    return { key, name: staff?.name ?? key, title: staff?.title ?? '' };
  });
}

function devSignInRoutes(config: ConsoleSiteConfig & { JWT_SECRET: string }) {
  const signingConfig = {
    secret: config.JWT_SECRET,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    expiresIn: DEV_SESSION,
  };
  const tokenRequest = z.object({ user: z.string().max(100) });
  const claimsOf = (staffId: string): HeliClaims =>
    claimsForStaff(staffId, config.DEV_SIGN_IN_OFFICE_ID);
  const tokenFor = (user: DemoUser) => signDevToken(claimsOf(demoUsers[user]), signingConfig);
  const routes = {
    [DEV_USERS_PATH]: (_req, res) => sendJson(res, 200, { users: devSignInUsers() }),
    [DEV_TOKEN_PATH]: async (req, res, scope) => {
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST {"user": "<key>"}' });
      let parsed: z.ZodSafeParseResult<{ user: string }>;
      try {
        parsed = tokenRequest.safeParse(JSON.parse(scope.body.toString('utf8')));
      } catch {
        return sendJson(res, 400, { error: '请求体不是有效的 JSON' });
      }
      const staffId = parsed.success
        ? (demoUsers as Record<string, string>)[parsed.data.user]
        : undefined;
      if (staffId === undefined) return sendJson(res, 400, { error: '没有这个演示用户' });
      sendJson(res, 200, { token: await signDevToken(claimsOf(staffId), signingConfig) });
    },
  } satisfies Record<string, RouteHandler>;
  return { routes, tokenFor };
}
