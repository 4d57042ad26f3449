/**
 * 操作日志, 审计委托 and 绩效评价 in a real browser (issue 12; Art 20, 23): the auditor, engaged at the
 * demo's business date, opens the activity log, sees the hash chain verified and filters it through
 * the URL; the IP bureau sees the engagement; the manager sees the demo's submitted evaluation round
 * with ranks; a bank sees its own entry only and has no 操作日志 menu entry.
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

describeIfBrowser('browser: 操作日志, 审计委托, 绩效评价 (issue 12)', () => {
  let portal: Portal;

  beforeAll(async () => {
    portal = await startPortal();
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
  });

  it('the auditor reads the activity log with the chain verified and filters it in the URL', async () => {
    const { page, errors } = await openPage(portal);
    await logInToHome(page, portal.url, 'auditor');
    await page.locator('.ant-menu-item', { hasText: '操作日志' }).first().waitFor({ timeout: STEP });
    await goTo(page, portal.url, '/activity?operation=claim.&outcome=OK');
    await page
      .locator('[data-testid="chain-status"]')
      .getByText(/哈希链完整/)
      .waitFor({ timeout: STEP });
    const rows = page.locator('tr.ant-table-row');
    await rows.first().waitFor({ timeout: STEP });
    const ops = await rows.locator('code').allTextContents();
    expect(ops.length).toBeGreaterThan(0);
    expect(ops.every((op) => op.startsWith('claim.'))).toBe(true);
    await page.screenshot({ path: resultPath('activity-auditor.png'), fullPage: true });
    await goTo(page, portal.url, '/audit');
    await page.getByText('生效中').first().waitFor({ timeout: STEP });
    expect(errors).toEqual([]);
  });

  it('the manager sees the submitted evaluation round with ranks; a bank its own entry and no log', async () => {
    const manager = await openPage(portal);
    await logInToHome(manager.page, portal.url, 'manager');
    await goTo(manager.page, portal.url, '/evaluations?half=2026-H1');
    await manager.page.getByText(/已于 .* 报送/).waitFor({ timeout: STEP });
    await manager.page.locator('th', { hasText: '排名' }).first().waitFor({ timeout: STEP });
    const managerRows = await manager.page.locator('tr.ant-table-row').count();
    expect(managerRows).toBeGreaterThan(1);
    await manager.page.screenshot({ path: resultPath('evaluation-manager.png'), fullPage: true });
    expect(manager.errors).toEqual([]);

    const bank = await openPage(portal);
    await logInToHome(bank.page, portal.url, 'bank-a');
    await bank.page.locator('.ant-menu-item', { hasText: '绩效评价' }).first().waitFor({ timeout: STEP });
    expect(await bank.page.locator('.ant-menu-item', { hasText: '操作日志' }).count()).toBe(0);
    await goTo(bank.page, portal.url, '/evaluations?half=2026-H1');
    await bank.page.locator('tr.ant-table-row').first().waitFor({ timeout: STEP });
    expect(await bank.page.locator('tr.ant-table-row').count()).toBe(1);
    expect(await bank.page.locator('th', { hasText: '排名' }).count()).toBe(0);
    expect(bank.errors).toEqual([]);
  });
});
