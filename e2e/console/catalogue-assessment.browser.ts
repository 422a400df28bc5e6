import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectChromium, screenshot } from '../harness/browser.js';

// 查阅 and 考核 in a real Chromium against the real services with their demo data (the catalogue
// entries, a year of scored events), started in-process as `pnpm start` would run them, once for
// the browser tier (e2e/console/browser-tier.ts).

let browser: Browser;
// The browser tier's one stack and Chromium (e2e/console/browser-tier.ts).
const origin = inject('consoleOrigin');

beforeAll(async () => {
  browser = await connectChromium(inject('chromiumEndpoint'));
});

afterAll(async () => {
  await browser?.close();
});

/** A new browser context signed in as a demo user. */
async function signedIn(name: string): Promise<{ context: BrowserContext; page: Page }> {
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

describe('查阅 and 考核', () => {
  it('a division head (the secretariat’s) searches the catalogue, sees the words marked, narrows it in the URL, opens an entry and cites it', async () => {
    const { context, page } = await signedIn('马俊峰');
    await page.getByRole('menuitem', { name: '查阅' }).click();
    await page.getByRole('heading', { name: '查阅' }).waitFor();
    // Without search text: the newest entries, from the demo catalogue.
    await page.getByText('督查督办工作经验总结').waitFor({ timeout: 30_000 });

    await page.getByLabel('检索查阅条目').fill('资源共享');
    await page.getByLabel('检索查阅条目').press('Enter');
    await page.waitForURL(/q=/);
    const title = '关于推进政务资源共享的调研报告';
    const row = page.getByRole('row').filter({ hasText: title });
    await row.waitFor();
    await expect.poll(() => row.locator('mark').first().textContent()).toMatch(/资源|共享/);
    await screenshot(page, 'catalogue-search');

    // The filter lives in the URL: a shared link narrows the same way.
    await page.goto(`${origin}/catalogue?q=${encodeURIComponent('资源共享')}&kind=EXTERNAL`);
    await page.getByText('没有找到相关条目').waitFor();
    await page.goto(`${origin}/catalogue?q=${encodeURIComponent('资源共享')}&kind=DOCUMENT`);
    await page.getByRole('row').filter({ hasText: title }).getByText(title).click();
    const drawer = page.locator('.ant-drawer-body');
    await drawer.getByText('调研室').first().waitFor();
    await drawer.getByRole('button', { name: '借鉴引用' }).click();
    await page.getByLabel('引用说明').fill('用于本处室资源共享工作方案');
    await page
      .getByRole('button', { name: '引 用' })
      .or(page.getByRole('button', { name: '引用', exact: true }))
      .click();
    await drawer.getByText('已记录引用').waitFor();
    await screenshot(page, 'catalogue-entry');
    await context.close();
  });

  it('an analyst reads the leaderboard and the trend charts, and a division’s score entries with their sources', async () => {
    const { context, page } = await signedIn('彭宇航');
    await page.getByRole('menuitem', { name: '考核' }).click();
    await page.getByRole('heading', { name: '考核' }).waitFor();
    await page.goto(`${origin}/assessment?period=2026&division=div-supervision`);
    const board = page.getByRole('table', { name: '排行榜' });
    await board.getByText('调研室').waitFor({ timeout: 30_000 });
    await board.getByText('督查室').waitFor();
    // Both charts were drawn (canvas, by echarts) from the figures.
    await expect.poll(() => page.locator('[role="img"] canvas').count()).toBe(2);
    const entries = page.getByRole('table', { name: '得分明细' });
    await entries.locator('tbody tr.ant-table-row').first().waitFor({ timeout: 30_000 });
    await page.getByRole('table', { name: '检查与抽查' }).waitFor();
    await screenshot(page, 'assessment');
    await context.close();
  });
});
