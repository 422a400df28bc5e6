import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectChromium, screenshot } from '../harness/browser.js';

// 查询 and 管理 in a real Chromium against the real services and gateway: an analyst saves,
// shares, runs and exports a query; a colleague sees it shared; an assessor dry-runs the
// scoring rules; an administrator sees the organisation; someone else is refused 管理 by URL.
// The screenshots are the ones in docs/console/README.md. The stack and Chromium are the browser
// tier's (e2e/console/browser-tier.ts).

let browser: Browser;
// The browser tier's one stack and Chromium (e2e/console/browser-tier.ts).
const origin = inject('consoleOrigin');

beforeAll(async () => {
  browser = await connectChromium(inject('chromiumEndpoint'));
});

afterAll(async () => {
  await browser?.close();
});

/** A new browser context (another person at another desk) signed in as a demo user, at `path`. */
async function signedIn(
  name: string,
  path: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(`${origin}${path}`);
  await page.waitForURL(/\/sign-in/);
  await page.getByRole('button', { name: `以${name}身份登录` }).click();
  await expect
    .poll(() => page.getByTestId('signed-in-as').textContent(), { timeout: 30_000 })
    .toBe(name);
  return { context, page };
}

const queryName = `处室名单 ${Date.now()}`;

/** A download's file, copied here: the browser is the tier's, another process, so its own path is not ours. */
async function saved(download: Download): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'heli-download-')), download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** The menu's entries once it knows which of 管理, 考核 and 查询 the person may use. */
async function menuEntries(page: Page): Promise<string[]> {
  const menu = page.locator('nav[aria-label="主菜单"][aria-busy="false"]');
  await menu.waitFor();
  return (await menu.getByRole('menuitem').allTextContents()).map((text) => text.trim());
}

describe('查询', () => {
  it('the analyst saves a shared query, runs it, and exports the table as CSV and XLSX', async () => {
    const { context, page } = await signedIn('彭宇航', '/queries');
    await page.getByRole('heading', { name: '查询' }).waitFor();
    const editor = page.getByLabel('查询编辑');
    await editor.getByLabel('查询名称').fill(queryName);
    await editor.getByLabel('说明').fill('各处室的编号、名称和类别');
    await editor
      .getByLabel('查询语句（GraphQL）')
      .fill('query { divisions(first: 5) { edges { node { id name kind } } } }');
    await editor.getByRole('checkbox', { name: '在本单位内共享' }).check();
    await editor.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByLabel('保存的查询').getByRole('button', { name: queryName }).waitFor();
    await editor.getByText('查询详情').or(page.getByText('查询详情')).first().waitFor();

    await page.getByRole('button', { name: /运\s?行/ }).click();
    const result = page.getByRole('table', { name: '查询结果' });
    await page.getByText('结果 5 行（divisions.edges.node）').waitFor();
    await result.waitFor();
    await screenshot(page, 'queries-analyst');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe(`${queryName}.csv`);
    const text = await readFile(await saved(csv), 'utf8');
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('\uFEFFid,name,kind');
    expect(lines).toHaveLength(6);
    // The file holds what the table shows: the first row's name is on the page.
    const [, firstName] = lines[1]!.split(',');
    await result.getByText(firstName!, { exact: true }).first().waitFor();

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe(`${queryName}.xlsx`);
    // An XLSX workbook is a zip archive.
    expect((await readFile(await saved(xlsx))).subarray(0, 2).toString()).toBe('PK');
    await context.close();
  });

  it('a colleague in the office sees the shared query and may run it, not change it', async () => {
    const { context, page } = await signedIn('林佳怡', '/queries');
    // Not an analyst, but with a query shared to run: 查询 is in the menu; 管理 is not.
    const entries = await menuEntries(page);
    expect(entries).toContain('查询');
    expect(entries).toContain('考核');
    expect(entries).not.toContain('管理');
    await page.getByLabel('保存的查询').getByRole('button', { name: queryName }).click();
    await page.getByText('他人共享的查询，只能运行').waitFor();
    await page.getByRole('button', { name: /运\s?行/ }).click();
    await page.getByText('结果 5 行（divisions.edges.node）').waitFor();
    await screenshot(page, 'queries-shared-colleague');
    await context.close();
  });
});

describe('管理', () => {
  it('the assessor dry-runs the scoring rules and sees the change per division before applying', async () => {
    const { context, page } = await signedIn('许光明', '/admin');
    await page.getByRole('tab', { name: '评分标准' }).waitFor();
    expect(await page.getByRole('tab', { name: '组织机构' }).count()).toBe(0);
    await page.getByRole('table', { name: '评分规则' }).waitFor();
    await page.getByLabel('修改理由').fill('浏览器测试：试算而不应用');
    await page.getByRole('button', { name: /试算/ }).click();
    await page.getByText('试算结果（尚未保存）').waitFor();
    await page.getByRole('table', { name: '各处室分数变化' }).waitFor();
    expect(await page.getByRole('button', { name: /应用并重算/ }).isEnabled()).toBe(true);
    await screenshot(page, 'admin-scoring-rules-assessor');
    await context.close();
  });

  it('the administrator sees offices, divisions and staff with their clearance', async () => {
    const { context, page } = await signedIn('程立伟', '/admin');
    await page.getByRole('tab', { name: '组织机构' }).waitFor();
    await page.getByPlaceholder('姓名或职务').fill('程立伟');
    await page.getByPlaceholder('姓名或职务').press('Enter');
    await page.waitForURL(/search=/);
    await page.getByRole('table', { name: '人员' }).getByText('一级主任科员').first().waitFor();
    await page.getByRole('table', { name: '单位' }).getByText('本级').first().waitFor();
    await screenshot(page, 'admin-organisation-admin');
    await context.close();
  });

  it('the administrator adds an office, corrects its short name, and adds a person to it with the forms', async () => {
    const stamp = String(Date.now()).slice(-6);
    const officeName = `浏览器测试区委办公室${stamp}`;
    const { context, page } = await signedIn('程立伟', '/admin');
    expect(await menuEntries(page)).toContain('管理');
    const offices = page.getByRole('table', { name: '单位' });
    await offices.getByText('本级').first().waitFor();

    await page.getByRole('button', { name: '新建单位' }).click();
    let dialog = page.locator('.ant-modal').filter({ hasText: '新建单位' });
    // Sent empty, each field says what it needs.
    await dialog.getByRole('button', { name: /新\s?建/ }).click();
    await dialog.getByText('单位名称不能为空').waitFor();
    await dialog.getByLabel('单位名称').fill(officeName);
    await dialog.getByLabel('单位简称').fill(`测试区委办${stamp}`);
    await dialog.getByRole('button', { name: /新\s?建/ }).click();
    await offices.getByText(officeName).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    await offices.getByRole('button', { name: `编辑测试区委办${stamp}` }).click();
    dialog = page.locator('.ant-modal').filter({ hasText: `编辑单位：${officeName}` });
    await dialog.getByLabel('单位简称').fill(`测试办${stamp}`);
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await offices.getByText(`测试办${stamp}`, { exact: true }).waitFor();
    await screenshot(page, 'admin-office-forms');

    await page.getByRole('button', { name: '新建人员' }).click();
    dialog = page.locator('.ant-modal').filter({ hasText: '新建人员' });
    await dialog.getByLabel('姓名').fill(`测试${stamp}`);
    await dialog.getByLabel('职务').fill('联络员');
    // Placed nowhere, the form says so before anything is sent.
    await dialog.getByRole('button', { name: /新\s?建/ }).click();
    await dialog.getByText('请指定所属单位或处室').waitFor();
    // Offices are many: the list is searched by name.
    await dialog.getByLabel('所属单位').fill(officeName);
    await page.locator(`.ant-select-item-option[title="${officeName}"]`).click();
    await dialog.getByRole('button', { name: /新\s?建/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByPlaceholder('姓名或职务').fill(`测试${stamp}`);
    await page.getByPlaceholder('姓名或职务').press('Enter');
    await page.getByRole('table', { name: '人员' }).getByText('联络员').waitFor();
    await context.close();
  });

  it('someone from another office with no division sees none of 管理, 考核 and 查询, and 考核 by URL is refused', async () => {
    const { context, page } = await signedIn('刘晓光', '/');
    const entries = await menuEntries(page);
    expect(entries).toContain('督办');
    for (const hidden of ['管理', '考核', '查询']) expect(entries).not.toContain(hidden);
    await page.goto(`${origin}/assessment`);
    await page.getByText('无权访问').waitFor();
    await context.close();
  });

  it('someone who may not use 管理 gets the FORBIDDEN page on its URL', async () => {
    const { context, page } = await signedIn('林佳怡', '/admin');
    await page.getByText('无权访问').waitFor();
    await screenshot(page, 'admin-forbidden-staff');
    await context.close();
  });
});
