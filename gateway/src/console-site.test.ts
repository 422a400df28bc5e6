import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createTokenVerifier } from '@heli/auth';
import {
  closeHttpServer,
  createHttpServer,
  createLogger,
  EnvError,
  loadEnv,
} from '@heli/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONSOLE_CONFIG_PATH,
  consoleSite,
  DEV_TOKEN_PATH,
  DEV_USERS_PATH,
} from './console-site.js';
import { gatewayEnvSchema } from './env.js';

const SECRET = 'a-development-secret-of-32-characters!';
const site = mkdtempSync(join(tmpdir(), 'heli-console-'));
mkdirSync(join(site, 'assets'));
writeFileSync(join(site, 'index.html'), '<!doctype html><title>合力</title>');
writeFileSync(join(site, 'assets', 'app-1a2b.js'), 'console.log("合力")');
writeFileSync(join(site, 'assets', 'app-1a2b.js.gz'), gzipSync('console.log("合力")'));

async function serve(
  config: Parameters<typeof consoleSite>[0],
): Promise<{ server: Server; url: string }> {
  const { routes, fallback } = consoleSite(config, '/graphql');
  const server = createHttpServer({
    logger: createLogger({ service: 'test', level: 'silent' }),
    bodyLimitBytes: 10_000,
    routes,
    ...(fallback && { fallback }),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const config = {
  CONSOLE_DIR: site,
  DEV_SIGN_IN: true,
  JWT_SECRET: SECRET,
  JWT_ISSUER: 'heli',
  JWT_AUDIENCE: 'heli',
};

describe('the console site', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => ({ server, url } = await serve(config)));
  afterAll(() => closeHttpServer(server));

  it('serves the console at / with a content security policy', async () => {
    const response = await fetch(`${url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>合力</title>');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a console route (a shared link) with the app, which then routes itself', async () => {
    const response = await fetch(`${url}/board/matters/a-1?status=OVERDUE`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>合力</title>');
  });

  it('serves hashed assets gzipped and cached for good', async () => {
    const response = await fetch(`${url}/assets/app-1a2b.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(await response.text()).toBe('console.log("合力")');
  });

  it('given development sign-in, when the IDE opens, then its headers carry the director’s token, which verifies', async () => {
    const page = await (await fetch(`${url}/ide`, { headers: { accept: 'text/html' } })).text();
    const token = /data-dev-token="([^"]+)"/.exec(page)?.[1];
    expect(token).toBeDefined();
    const verify = createTokenVerifier({ hs256Secret: SECRET, issuer: 'heli', audience: 'heli' });
    expect((await verify(token!)).sub).toBe('staff-director');
  });

  it('moves the GraphQL IDE to /ide', async () => {
    const response = await fetch(`${url}/ide`);
    expect(await response.text()).toContain('graphiql.min.js');
  });

  it('lists the demo users and signs a token the gateway accepts for the one picked', async () => {
    const users = (await (await fetch(`${url}${DEV_USERS_PATH}`)).json()) as {
      users: { key: string; name: string }[];
    };
    expect(users.users).toContainEqual(
      expect.objectContaining({ key: 'director', name: '王建国' }),
    );

    const response = await fetch(`${url}${DEV_TOKEN_PATH}`, {
      method: 'POST',
      body: JSON.stringify({ user: 'division-head' }),
    });
    const { token } = (await response.json()) as { token: string };
    const verify = createTokenVerifier({ hs256Secret: SECRET, issuer: 'heli', audience: 'heli' });
    expect(await verify(token)).toMatchObject({ sub: 'staff-general-1-head' });
  });

  it('refuses an unknown demo user and a body that is not JSON, in Chinese', async () => {
    for (const body of [JSON.stringify({ user: 'nobody' }), '{']) {
      const response = await fetch(`${url}${DEV_TOKEN_PATH}`, { method: 'POST', body });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('the console site of one office among several (pnpm start:offices)', () => {
  it('signs the demo organisation’s people in as people of that office', async () => {
    const { server, url } = await serve({ ...config, DEV_SIGN_IN_OFFICE_ID: 'office-daoli' });
    try {
      const response = await fetch(`${url}${DEV_TOKEN_PATH}`, {
        method: 'POST',
        body: JSON.stringify({ user: 'secretariat-head' }),
      });
      const { token } = (await response.json()) as { token: string };
      const verify = createTokenVerifier({ hs256Secret: SECRET, issuer: 'heli', audience: 'heli' });
      expect(await verify(token)).toMatchObject({
        sub: 'staff-secretariat-head',
        officeId: 'office-daoli',
      });
    } finally {
      await closeHttpServer(server);
    }
  });
});

describe('the console site, configured off', () => {
  it('offers no development sign-in without DEV_SIGN_IN, and keeps / for the gateway', async () => {
    const { routes, fallback } = consoleSite(
      { ...config, CONSOLE_DIR: undefined, DEV_SIGN_IN: false },
      '/graphql',
    );
    expect(Object.keys(routes)).toEqual(['/ide', CONSOLE_CONFIG_PATH]);
    expect(fallback).toBeUndefined();
  });

  it('given no development sign-in, when the IDE opens, then it carries no token', async () => {
    const { server, url } = await serve({ ...config, CONSOLE_DIR: undefined, DEV_SIGN_IN: false });
    try {
      const page = await (await fetch(`${url}/ide`)).text();
      expect(page).toContain('graphiql.min.js');
      expect(page).not.toContain('data-dev-token');
    } finally {
      await closeHttpServer(server);
    }
  });

  it('refuses DEV_SIGN_IN in production, without JWT_SECRET, and a CONSOLE_DIR without a build', () => {
    const problems = (source: Record<string, string>) => {
      try {
        loadEnv(gatewayEnvSchema, source);
        return [];
      } catch (error) {
        if (!(error instanceof EnvError)) throw error;
        return error.problems.map((p) => `${p.variable ?? '*'}: ${p.reason}`);
      }
    };
    expect(problems({ JWT_SECRET: SECRET, DEV_SIGN_IN: 'true', NODE_ENV: 'production' })).toEqual([
      expect.stringMatching(/^DEV_SIGN_IN: .*production/),
    ]);
    expect(problems({ JWKS_URL: 'https://idp.example/jwks', DEV_SIGN_IN: 'true' })).toEqual([
      expect.stringMatching(/^DEV_SIGN_IN: .*JWT_SECRET/),
    ]);
    expect(problems({ JWT_SECRET: SECRET, CONSOLE_DIR: tmpdir() })).toEqual([
      expect.stringMatching(/^CONSOLE_DIR: .*index\.html/),
    ]);
  });
});

const ISSUER = 'https://idp.example.gov.cn/realms/heli';
const oidcEnv = {
  JWKS_URL: `${ISSUER}/protocol/openid-connect/certs`,
  JWT_ISSUER: ISSUER,
  OIDC_ISSUER: ISSUER,
  OIDC_CLIENT_ID: 'heli-console',
};

function envProblems(source: Record<string, string>): string[] {
  try {
    loadEnv(gatewayEnvSchema, source);
    return [];
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    return error.problems.map((p) => `${p.variable ?? '*'}: ${p.reason}`);
  }
}

describe('the console site, signing in with the identity provider', () => {
  it('given the OIDC variables, when the console asks how to sign in, then it is told the provider, client, scopes and resource, and may talk to the provider', async () => {
    const env = loadEnv(gatewayEnvSchema, {
      ...oidcEnv,
      CONSOLE_DIR: site,
      OIDC_SCOPES: 'openid profile heli',
      OIDC_RESOURCE: 'urn:heli:graph',
    });
    const { server, url } = await serve(env);
    try {
      const response = await fetch(`${url}${CONSOLE_CONFIG_PATH}`);
      expect(await response.json()).toEqual({
        signIn: {
          mode: 'oidc',
          issuer: ISSUER,
          clientId: 'heli-console',
          scope: 'openid profile heli',
          resource: 'urn:heli:graph',
        },
      });
      const page = await fetch(`${url}/auth/callback?code=c&state=s`);
      expect(await page.text()).toContain('<title>合力</title>');
      expect(page.headers.get('content-security-policy')).toContain(
        "connect-src 'self' https://idp.example.gov.cn;",
      );
      const devToken = await fetch(`${url}${DEV_TOKEN_PATH}`, {
        method: 'POST',
        body: JSON.stringify({ user: 'director' }),
      });
      expect(devToken.status).toBe(404);
    } finally {
      await closeHttpServer(server);
    }
  });

  it('given development sign-in, when the console asks, then it is told dev, and the page talks to its own origin only', async () => {
    const { server, url } = await serve(config);
    try {
      expect(await (await fetch(`${url}${CONSOLE_CONFIG_PATH}`)).json()).toEqual({
        signIn: { mode: 'dev' },
      });
      const csp = (await fetch(`${url}/`)).headers.get('content-security-policy');
      expect(csp).not.toContain('connect-src');
    } finally {
      await closeHttpServer(server);
    }
  });

  it('given the OIDC variables, when loaded, then scopes default to openid profile', () => {
    expect(loadEnv(gatewayEnvSchema, oidcEnv).OIDC_SCOPES).toBe('openid profile');
    expect(envProblems(oidcEnv)).toEqual([]);
  });

  it.each([
    ['no client id', { OIDC_CLIENT_ID: undefined }, /^OIDC_CLIENT_ID: required with OIDC_ISSUER/],
    [
      'a client id without an issuer',
      { OIDC_ISSUER: undefined, JWT_ISSUER: undefined },
      /^OIDC_ISSUER: required with OIDC_CLIENT_ID/,
    ],
    [
      'JWT_ISSUER left at its default',
      { JWT_ISSUER: undefined },
      /^JWT_ISSUER: must equal OIDC_ISSUER/,
    ],
    [
      'JWT_ISSUER another issuer',
      { JWT_ISSUER: 'https://other.example' },
      /^JWT_ISSUER: must equal OIDC_ISSUER/,
    ],
    ['scopes without openid', { OIDC_SCOPES: 'profile heli' }, /^OIDC_SCOPES: must include openid/],
    [
      'a plain http issuer elsewhere',
      { OIDC_ISSUER: 'http://idp.example.gov.cn', JWT_ISSUER: 'http://idp.example.gov.cn' },
      /^OIDC_ISSUER: must be https/,
    ],
    [
      'an issuer that is not a URL',
      { OIDC_ISSUER: 'idp', JWT_ISSUER: 'idp' },
      /^OIDC_ISSUER: expected an http\(s\) URL/,
    ],
  ])('given %s, when loaded, then the wrong variable is named', (_case, change, problem) => {
    const source = Object.fromEntries(
      Object.entries({ ...oidcEnv, ...change }).filter(([, value]) => value !== undefined),
    ) as Record<string, string>;
    expect(envProblems(source)).toEqual([expect.stringMatching(problem)]);
  });

  it('given OIDC without JWKS_URL, when loaded, then JWKS_URL is named', () => {
    expect(
      envProblems({
        JWT_SECRET: SECRET,
        JWT_ISSUER: ISSUER,
        OIDC_ISSUER: ISSUER,
        OIDC_CLIENT_ID: 'c',
      }),
    ).toEqual([expect.stringMatching(/^JWKS_URL: required with OIDC_ISSUER/)]);
  });

  it('given OIDC and development sign-in together, when loaded, then DEV_SIGN_IN is refused', () => {
    expect(envProblems({ ...oidcEnv, DEV_SIGN_IN: 'true' })).toContainEqual(
      expect.stringMatching(/^DEV_SIGN_IN: set either DEV_SIGN_IN or OIDC_ISSUER/),
    );
  });

  it('given a plain http provider on this machine, when loaded, then it is accepted', () => {
    const local = 'http://127.0.0.1:8080/realms/heli';
    expect(envProblems({ ...oidcEnv, OIDC_ISSUER: local, JWT_ISSUER: local })).toEqual([]);
  });
});
