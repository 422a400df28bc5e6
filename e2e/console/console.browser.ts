import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, screenshot } from '../harness/browser.js';
import { responsibilityPart, sharingPart } from '../harness/service-parts.js';
import { startStack, type Stack } from '../harness/stack.js';

// The console in a real Chromium against the real services and gateway, started in-process on
// free ports as `pnpm start` would run them, with the console served by the gateway.

let stack: Stack;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startStack([responsibilityPart(), sharingPart()], {
      gatewayEnv: { CONSOLE_DIR: inject('consoleDir'), DEV_SIGN_IN: 'true' },
    }),
    launchChromium(),
  ]);
  origin = new URL(stack.gatewayUrl).origin;
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** A new browser context (its own storage: another person at another desk) signed in as a demo user. */
async function signedIn(
  user: string,
  name: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.waitForURL(/\/sign-in/);
  await page.getByRole('button', { name: `以${name}身份登录` }).click();
  await expect
    .poll(() => page.getByTestId('signed-in-as').textContent(), { timeout: 30_000 })
    .toBe(name);
  return { context, page };
}

describe('the console', () => {
  it('the director signs in with a demo user and sees the 工作台', async () => {
    const { context, page } = await signedIn('director', '王建国');
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await page.getByText('近期到期与逾期事项').waitFor();
    await screenshot(page, 'workbench-director');
    await context.close();
  });
});
