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
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectChromium, screenshot } from '../harness/browser.js';

// Production sign-in in a real Chromium: the console served as the gateway serves it (its site,
// /console-config.json and content security policy), a real OpenID provider on a loopback port,
// and the whole redirect dance — the console's sign-in page, the provider's login and consent
// pages, /auth/callback, back to the page asked for — then signing out at the provider too, and
// a session's expiry going back to the provider by itself, once.
// No subgraphs: the token the console keeps is judged by the gateway's verifier directly.

interface SignInSite {
  origin: string;
  idp: TestIdentityProvider;
  close(): Promise<void>;
}

/** The console site configured for the provider's sign-in, and its provider. */
async function startSignInSite(accessTokenSeconds?: number): Promise<SignInSite> {
  // The site's routes need the provider's address and the provider needs the site's: the server
  // listens first and dispatches to the console site once both are known.
  let routes: Record<string, RouteHandler> = {};
  const site: Server = createHttpServer({
    logger: createLogger({ service: 'test', level: 'silent' }),
    bodyLimitBytes: 10_000,
    fallback: (req, res, scope) => {
      const path = new URL(req.url ?? '/', 'http://site').pathname;
      return (routes[path] ?? routes['/']!)(req, res, scope);
    },
  });
  await new Promise<void>((done) => site.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  const idp = await startIdentityProvider({
    redirectUris: [`${origin}/auth/callback`],
    postLogoutRedirectUris: [`${origin}/sign-in`],
    ...(accessTokenSeconds !== undefined && { accessTokenSeconds }),
  });
  routes = consoleSite(
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
  ).routes;
  return {
    origin,
    idp,
    close: async () => {
      await closeHttpServer(site);
      await idp.close();
    },
  };
}

/** At the provider's own pages: sign in as `staffId` (any password), then consent. */
async function signInAtProvider(page: Page, idp: TestIdentityProvider, staffId: string) {
  await page.waitForURL((url) => url.href.startsWith(`${idp.issuer}/interaction/`));
  await page.locator('input[name=login]').fill(staffId);
  await page.locator('input[name=password]').fill('any');
  await page.locator('button[type=submit]').click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

let browser: Browser;
let site: SignInSite;
let origin: string;
let idp: TestIdentityProvider;

beforeAll(async () => {
  [site, browser] = await Promise.all([
    startSignInSite(),
    connectChromium(inject('chromiumEndpoint')),
  ]);
  ({ origin, idp } = site);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('signing in through the identity provider', () => {
  it('the director asks for a board link, signs in at the provider, lands on that link with a token the gateway accepts, and signs out at the provider', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.goto(`${origin}/board?division=division-general-1`);
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByRole('button', { name: '通过统一身份认证登录' }).click();
    await signInAtProvider(page, idp, demoUsers.director);

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

  it('given a session that expires, the sign-in page goes back to the provider by itself and the person is on the same page again; a second expiry soon after waits for the person', async () => {
    // Tokens good for 63 s: the console ends a session a minute before its expiry, so ~3 s here.
    const shortLived = await startSignInSite(63);
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    try {
      const page = await context.newPage();
      // Each return from the provider, by its URL (a fresh code and state each time).
      const callbacks = new Set<string>();
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame() && frame.url().includes('/auth/callback')) {
          callbacks.add(frame.url());
        }
      });
      await page.goto(`${shortLived.origin}/board`);
      await page.getByRole('button', { name: '通过统一身份认证登录' }).click();
      await signInAtProvider(page, shortLived.idp, demoUsers.director);

      // First expiry: straight back through the provider (its session is open: no login, no
      // consent) to /board. Second expiry: the page waits with the reason and the button.
      await expect.poll(() => callbacks.size, { timeout: 60_000 }).toBe(2);
      await page.waitForURL(`${shortLived.origin}/sign-in?next=%2Fboard`, { timeout: 60_000 });
      await page.getByText('登录已过期，请重新登录').waitFor();
      await screenshot(page, 'oidc-session-expired');

      await page.getByRole('button', { name: '通过统一身份认证登录' }).click();
      await page.waitForURL(`${shortLived.origin}/board`);
      expect(callbacks.size).toBe(3);
    } finally {
      await context.close();
      await shortLived.close();
    }
  });
});
