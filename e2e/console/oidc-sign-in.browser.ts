import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTokenVerifier } from '@heli/auth';
import {
  startIdentityProvider,
  TEST_AUDIENCE,
  TEST_CLIENT_ID,
  TEST_RESOURCE,
  type TestIdentityProvider,
} from '@heli/console/test/identity-provider';
import { claimsForStaff, demoUsers } from '@heli/demo-data';
import { consoleSite } from '@heli/gateway/console-site';
import {
  closeHttpServer,
  createHttpServer,
  createLogger,
  type RouteHandler,
} from '@heli/service-kit';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, screenshot } from '../harness/browser.js';

// Production sign-in in a real Chromium: the console served as the gateway serves it (its site,
// /console-config.json and content security policy), a real OpenID provider on a loopback port,
// and the whole redirect dance — the console's sign-in page, the provider's login and consent
// pages, /auth/callback, back to the page asked for — then signing out at the provider too.
// No subgraphs: the token the console keeps is judged by the gateway's verifier directly.

let browser: Browser;
let site: Server;
let origin: string;
let idp: TestIdentityProvider;

beforeAll(async () => {
  // The site's routes need the provider's address and the provider needs the site's: the server
  // listens first and dispatches to the console site once both are known.
  let routes: Record<string, RouteHandler> = {};
  site = createHttpServer({
    logger: createLogger({ service: 'test', level: 'silent' }),
    bodyLimitBytes: 10_000,
    fallback: (req, res, scope) => {
      const path = new URL(req.url ?? '/', 'http://site').pathname;
      return (routes[path] ?? routes['/']!)(req, res, scope);
    },
  });
  await new Promise<void>((done) => site.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  [idp, browser] = await Promise.all([
    startIdentityProvider({
      redirectUris: [`${origin}/auth/callback`],
      postLogoutRedirectUris: [`${origin}/sign-in`],
    }),
    launchChromium(),
  ]);
  const served = consoleSite(
    {
      CONSOLE_DIR: inject('consoleDir'),
      DEV_SIGN_IN: false,
      JWT_ISSUER: idp.issuer,
      JWT_AUDIENCE: TEST_AUDIENCE,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: TEST_CLIENT_ID,
      OIDC_SCOPES: 'openid profile heli',
      OIDC_RESOURCE: TEST_RESOURCE,
    },
    '/graphql',
  );
  routes = served.routes;
});

afterAll(async () => {
  await browser?.close();
  if (site) await closeHttpServer(site);
  await idp?.close();
});

describe('signing in through the identity provider', () => {
  it('the director asks for a board link, signs in at the provider, lands on that link with a token the gateway accepts, and signs out at the provider', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.goto(`${origin}/board?division=division-general-1`);
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByRole('button', { name: '通过统一身份认证登录' }).click();

    await page.waitForURL((url) => url.href.startsWith(`${idp.issuer}/interaction/`));
    await page.locator('input[name=login]').fill(demoUsers.director);
    await page.locator('input[name=password]').fill('any');
    await page.locator('button[type=submit]').click();
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.waitForURL(`${origin}/board?division=division-general-1`);
    await expect
      .poll(() => page.getByTestId('signed-in-as').textContent(), { timeout: 30_000 })
      .toBe(claimsForStaff(demoUsers.director).name);
    await screenshot(page, 'oidc-signed-in');
    const token = await page.evaluate(() => localStorage.getItem('heli.session'));
    const verify = createTokenVerifier({
      jwksUrl: idp.jwksUrl,
      issuer: idp.issuer,
      audience: TEST_AUDIENCE,
    });
    expect(await verify(token!)).toEqual(claimsForStaff(demoUsers.director));

    await page.getByRole('button', { name: /退\s?出/ }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${origin}/sign-in`);
    await page.getByRole('button', { name: '通过统一身份认证登录' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('heli.session'))).toBeNull();
    await context.close();
  });
});
