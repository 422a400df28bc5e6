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

  it('the director assigns a matter on the board; the division head accepts it and reports progress; the director reads it on the timeline', async () => {
    const director = await signedIn('director', '王建国');
    await director.page.getByRole('menuitem', { name: '督办' }).click();
    await director.page.getByLabel('各处室督办情况').getByText('综合一处').first().waitFor();
    await screenshot(director.page, 'board-director');

    const title = `浏览器测试交办事项 ${Date.now()}`;
    await director.page.getByRole('button', { name: '交办事项' }).click();
    const dialog = director.page.locator('.ant-modal');
    await dialog.getByLabel('事项名称').fill(title);
    await dialog.getByLabel('主办处室').click();
    await director.page.locator('.ant-select-item-option', { hasText: '综合一处' }).click();
    // On a loaded machine the option list can still be open after the pick and cover the
    // dialog's buttons: close it by clicking the dialog's title, then wait until it is gone.
    await dialog.locator('.ant-modal-title').click();
    await director.page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .waitFor({ state: 'hidden' });
    await dialog
      .getByRole('button', { name: '交 办' })
      .or(dialog.getByRole('button', { name: '交办' }))
      .click();
    await director.page.waitForURL(/\/board\/matters\//);
    const matterUrl = director.page.url();
    await director.page.getByRole('heading', { name: title }).waitFor();

    const head = await signedIn('division-head', '高振宇');
    await head.page.getByRole('link', { name: title }).click();
    await head.page
      .getByRole('button', { name: '签 收' })
      .or(head.page.getByRole('button', { name: '签收' }))
      .click();
    await head.page.getByLabel('进展情况').fill('已召集专题会研究，正在起草方案');
    await head.page.getByLabel('完成比例（%）').fill('30');
    await head.page.getByRole('button', { name: '汇报进展' }).click();
    await head.page.getByText('汇报进展 30% · 高振宇').waitFor();
    await screenshot(head.page, 'matter-division-head');

    await director.page.goto(matterUrl);
    const timeline = director.page.getByLabel('办理过程');
    await timeline.getByText('已召集专题会研究，正在起草方案').waitFor();
    await timeline.getByText('签收 · 高振宇').waitFor();
    await screenshot(director.page, 'matter-timeline-director');
    await Promise.all([director.context.close(), head.context.close()]);
  });

  it('a matter that does not exist (or may not be seen) shows the 未找到 page', async () => {
    const staff = await signedIn('staff', '林佳怡');
    await staff.page.goto(`${origin}/board/matters/no-such-matter`);
    await staff.page.getByText('未找到').waitFor();
    await staff.context.close();
  });
});
