/**
 * 运营报告 and 企业财务报表 in a real browser (issue 12; Art 6.6, 22): the financial office sees the
 * demo's issued quarterly report awaiting its acknowledgement and acknowledges it; the annual report
 * is a draft; the report's PDF downloads; the manager sees who is missing a statement and reminds
 * one; an enterprise sees its own statements; a bank has no 运营报告 menu entry.
 * Needs Chromium (see browser-harness.ts); without one the suite reports itself skipped.
 */
import {
  describeIfBrowser,
  goTo,
  logInToHome,
  openPage,
  resultPath,
  startPortal,
  type Portal,
} from './browser-harness';

const STEP = 45_000;

describeIfBrowser('browser: 运营报告 and 企业财务报表 (issue 12)', () => {
  let portal: Portal;

  beforeAll(async () => {
    portal = await startPortal();
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
  });

  it('the financial office acknowledges the issued quarterly report; the year is a draft; the PDF downloads', async () => {
    const { page, errors } = await openPage(portal, { downloads: true });
    await logInToHome(page, portal.url, 'fo');
    await page.locator('.ant-menu-item', { hasText: '运营报告' }).first().waitFor({ timeout: STEP });
    await goTo(page, portal.url, '/reports');
    const table = page.locator('[data-testid="reports-page"]');
    const q3 = table.locator('tr.ant-table-row', { hasText: '2026年第三季度' });
    await q3.getByText('已印发 第1版').waitFor({ timeout: STEP });
    await q3.getByText('区金融办 待确认').waitFor({ timeout: STEP });
    await table
      .locator('tr.ant-table-row', { hasText: '2026年度' })
      .getByText('草稿')
      .waitFor({ timeout: STEP });

    await q3.getByRole('button', { name: '确认收阅' }).click();
    await q3.getByText('区金融办 已确认').waitFor({ timeout: STEP });
    await q3.getByRole('button', { name: '确认收阅' }).waitFor({ state: 'detached', timeout: STEP });

    const download = page.waitForEvent('download', { timeout: STEP });
    await q3.getByRole('button', { name: 'PDF' }).click();
    expect((await download).suggestedFilename()).toBe('资金运营情况报告_2026-Q3_第1版.pdf');

    await q3.getByRole('button', { name: '查看' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('期末本金余额').waitFor({ timeout: STEP });
    await drawer.getByText('校验一致').waitFor({ timeout: STEP });
    await page.screenshot({ path: resultPath('reports-fo.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('the manager sees who is missing a statement for the last quarter and reminds one', async () => {
    const { page, errors } = await openPage(portal);
    await logInToHome(page, portal.url, 'manager');
    await goTo(page, portal.url, '/financials');
    const card = page.locator('[data-testid="financials-page"]');
    const missing = card.locator('tr.ant-table-row', { hasText: '未报送' });
    await missing.first().waitFor({ timeout: STEP });
    await card.locator('tr.ant-table-row', { hasText: '已报送' }).first().waitFor({ timeout: STEP });
    const target = missing.filter({ has: page.getByRole('button', { name: /^催\s*报$/ }) }).first();
    const name = (await target.locator('td').first().innerText()).trim();
    const before = (await target.locator('td').nth(5).innerText()).trim();
    await target.getByRole('button', { name: /^催\s*报$/ }).click();
    const row = card.locator('tr.ant-table-row', { hasText: name });
    // The row may already carry the demo's reminder ("1 次，最近 …"): wait for the count to change.
    const cell = row.locator('td').nth(5);
    await cell.filter({ hasText: /次，最近/ }).waitFor({ timeout: STEP });
    const deadline = Date.now() + STEP;
    while ((await cell.innerText()).trim() === before && Date.now() < deadline)
      await page.waitForTimeout(200);
    expect((await cell.innerText()).trim()).not.toBe(before);
    await page.screenshot({ path: resultPath('financials-manager.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('an enterprise sees its own statements; a bank has no 运营报告 entry', async () => {
    const { page, errors } = await openPage(portal);
    await logInToHome(page, portal.url, 'ent-1');
    await page.locator('.ant-menu-item', { hasText: '企业财务报表' }).first().waitFor({ timeout: STEP });
    await goTo(page, portal.url, '/financials');
    const card = page.locator('[data-testid="financials-page"]');
    await card
      .getByRole('button', { name: /报送本季度报表|更正本季度报表/ })
      .first()
      .waitFor({ timeout: STEP });
    expect(errors).toEqual([]);

    const bank = await openPage(portal);
    await logInToHome(bank.page, portal.url, 'bank-a');
    await bank.page.locator('.ant-menu-item', { hasText: '企业财务报表' }).first().waitFor({ timeout: STEP });
    expect(await bank.page.locator('.ant-menu-item', { hasText: '运营报告' }).count()).toBe(0);
    expect(bank.errors).toEqual([]);
  });
});
