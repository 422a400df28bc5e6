import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectChromium, screenshot } from '../harness/browser.js';
import type { HeliClaims } from '@heli/auth';
import { claimsForStaff, demoUsers } from '@heli/demo-data';
import { graphql, tokenFor } from '@heli/testkit';

// The console in a real Chromium against the real services and gateway, started in-process on
// free ports as `pnpm start` would run them, with the console served by the gateway — once for
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

/** A GraphQL operation through the gateway as `viewer`, which must succeed: its `data`. */
async function gatewayData<T>(
  viewer: Partial<HeliClaims>,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const res = await graphql(`${origin}/graphql`, query, variables, {
    token: await tokenFor(viewer),
  });
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data as T;
}

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
    await page.getByLabel('我的事项').or(page.getByText('没有在办的事项')).first().waitFor();
    await screenshot(page, 'workbench-director');
    await context.close();
  });

  it('the director assigns a matter on the board; the division head is notified without reloading, accepts it and reports progress; the director reads it on the timeline', async () => {
    // The division head is at their desk first, on the 工作台, with the console open.
    const head = await signedIn('division-head', '高振宇');
    const bell = head.page.getByTestId('notification-bell');
    await bell.waitFor();
    const unreadBefore = Number(await bell.getAttribute('data-unread'));
    console.log(`[console] head's unread notifications before: ${unreadBefore}`);

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
    const created = director.page.waitForResponse(
      (response) =>
        response.url().endsWith('/graphql') &&
        (response.request().postData() ?? '').includes('createAssignment'),
    );
    await dialog
      .getByRole('button', { name: '交 办' })
      .or(dialog.getByRole('button', { name: '交办' }))
      .click();
    await created;
    const assignedAt = Date.now();
    await director.page.waitForURL(/\/board\/matters\//);
    const matterUrl = director.page.url();
    await director.page.getByRole('heading', { name: title }).waitFor();

    // The head's bell counts it without a reload (generous wait; the delay is printed, not asserted).
    await expect
      .poll(async () => Number(await bell.getAttribute('data-unread')), {
        timeout: 30_000,
        interval: 25,
      })
      .toBeGreaterThan(unreadBefore);
    const delayMs = Date.now() - assignedAt;
    console.log(`[console] notification delay (matter assigned → head's bell): ${delayMs} ms`);
    await bell.click();
    // The 工作台 behind the bell lists the same notification (最新通知); click the bell's.
    const notification = head.page.getByLabel('未读通知').getByRole('link', {
      name: `新交办事项：“${title}”，请及时签收办理`,
    });
    await screenshot(head.page, 'notifications-division-head');
    await notification.click();
    // The 工作台 and the bell list the matter too (h4): wait for the matter page's own title (h3).
    await head.page.waitForURL(/\/board\/matters\//);
    await head.page.getByRole('heading', { name: title, level: 3 }).waitFor();
    await head.page
      .getByRole('button', { name: '签 收' })
      .or(head.page.getByRole('button', { name: '签收' }))
      .click();
    await head.page.getByLabel('进展情况').fill('已召集专题会研究，正在起草方案');
    await head.page.getByLabel('完成比例（%）').fill('30');
    // The session ends with the report half-sent: the gateway refuses the token (here one it
    // cannot verify). Sign-in comes; signing in again returns to the matter with the form as it was.
    const matterPath = new URL(head.page.url()).pathname;
    await head.page.route('**/graphql', (route) =>
      route.continue({
        headers: { ...route.request().headers(), authorization: 'Bearer not-a-valid-token' },
      }),
    );
    await head.page.getByRole('button', { name: '汇报进展' }).click();
    await head.page.waitForURL(/\/sign-in\?next=/);
    await head.page.getByText('登录已过期，请重新登录').first().waitFor();
    await head.page.unroute('**/graphql');
    await head.page.getByRole('button', { name: '以高振宇身份登录' }).click();
    await head.page.waitForURL((url) => url.pathname === matterPath);
    await expect
      .poll(() => head.page.getByLabel('进展情况').inputValue(), { timeout: 30_000 })
      .toBe('已召集专题会研究，正在起草方案');
    expect(await head.page.getByLabel('完成比例（%）').inputValue()).toBe('30');
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

  it('the secretariat registers and distributes a document and sees who has not read it; the division reads it with a comment', async () => {
    const secretariat = await signedIn('secretariat-head', '马俊峰');
    await secretariat.page.getByRole('menuitem', { name: '公文与阅知' }).click();
    await secretariat.page.getByRole('tab', { name: '文件' }).click();
    await secretariat.page.getByRole('button', { name: '登记文件' }).click();
    const title = `浏览器测试分送文件 ${Date.now()}`;
    const register = secretariat.page.locator('.ant-modal');
    await register.getByLabel('文件标题').fill(title);
    await register.getByLabel('正文').fill('请各处室认真学习，抓好落实。');
    await register
      .getByRole('button', { name: '登 记' })
      .or(register.getByRole('button', { name: '登记' }))
      .click();
    await secretariat.page.getByRole('heading', { name: title }).waitFor();
    const documentUrl = secretariat.page.url();

    await secretariat.page
      .getByRole('button', { name: '分 送' })
      .or(secretariat.page.getByRole('button', { name: '分送' }))
      .click();
    const distribute = secretariat.page.locator('.ant-modal');
    await distribute.getByLabel('分送处室').click();
    await secretariat.page.locator('.ant-select-item-option', { hasText: '综合一处' }).click();
    await distribute.locator('.ant-modal-title').click();
    await secretariat.page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .waitFor({ state: 'hidden' });
    await distribute
      .getByRole('button', { name: '分 送' })
      .or(distribute.getByRole('button', { name: '分送' }))
      .click();
    const receipts = secretariat.page.getByLabel('阅知情况');
    await receipts.getByRole('row', { name: /综合一处.*未阅/ }).waitFor();
    await screenshot(secretariat.page, 'document-read-receipts-secretariat');

    const head = await signedIn('division-head', '高振宇');
    await head.page.getByRole('menuitem', { name: '公文与阅知' }).click();
    await head.page
      .getByLabel('我的阅知')
      .getByRole('row', { name: new RegExp(title) })
      .getByRole('button', { name: /^已\s?阅$/ })
      .click();
    await head.page.getByLabel('阅知意见').fill('已组织处内学习');
    await head.page.getByRole('button', { name: '确认已阅' }).click();
    await head.page
      .getByLabel('我的阅知')
      .getByRole('row', { name: new RegExp(title) })
      .getByText('已组织处内学习')
      .waitFor();
    await screenshot(head.page, 'reading-inbox-division-head');

    await secretariat.page.goto(documentUrl);
    await receipts.getByRole('row', { name: /综合一处.*已阅.*已组织处内学习/ }).waitFor();
    await Promise.all([secretariat.context.close(), head.context.close()]);
  });

  it('a staff member without clearance opening a SECRET document by its URL sees 未找到, and its title reaches neither page nor network', async () => {
    const title = `机密文件标题不得泄露 ${Date.now()}`;
    const { registerDocument } = await gatewayData<{ registerDocument: { id: string } }>(
      claimsForStaff(demoUsers['secretariat-head']),
      `mutation ($input: RegisterDocumentInput!) { registerDocument(input: $input) { id } }`,
      {
        input: {
          kind: 'DIVISION_PUBLICATION',
          title,
          body: '机密正文',
          classification: 'SECRET',
        },
      },
    );

    const staff = await signedIn('staff', '林佳怡');
    const bodies: Promise<string>[] = [];
    staff.page.on('response', (response) => {
      // The notification stream never ends; it carries ids and counts only (services/notifications).
      if (response.headers()['content-type']?.includes('text/event-stream')) return;
      bodies.push(response.text().catch(() => ''));
    });
    await staff.page.goto(`${origin}/documents/${registerDocument.id}`);
    await staff.page.getByText('未找到').waitFor();
    await screenshot(staff.page, 'secret-document-staff');

    expect(await staff.page.content()).not.toContain(title);
    for (const body of await Promise.all(bodies)) {
      expect(body).not.toContain(title);
      expect(body).not.toContain('机密正文');
    }
    await staff.context.close();
  });

  it('a matter that does not exist (or may not be seen) shows the 未找到 page', async () => {
    const staff = await signedIn('staff', '林佳怡');
    await staff.page.goto(`${origin}/board/matters/no-such-matter`);
    await staff.page.getByText('未找到').waitFor();
    await staff.context.close();
  });
});
