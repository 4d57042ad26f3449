/**
 * 资金管理 in a real browser (issue 12; Art 3, 5, 6.5, 24): the finance bureau records a capital
 * contribution and sees it listed and counted; the manager sees the demo year's work plan approved by
 * the three offices, with no office's buttons; a bank has no 资金管理 menu entry and cannot open it.
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

describeIfBrowser('browser: 资金管理 (fund governance)', () => {
  let portal: Portal;

  beforeAll(async () => {
    portal = await startPortal();
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
  });

  /** Σ contributions as the ledger-backed table holds them, formatted as the page shows money. */
  async function totalContributions(): Promise<string> {
    const [row]: { total: string }[] = await portal.app.ds.query(
      `SELECT COALESCE(sum(amount), 0)::numeric(18,2)::text AS total FROM capital_contributions`,
    );
    const [int, frac] = row.total.split('.');
    return `¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
  }

  it('the finance bureau records a contribution; it is listed and counted in the overview', async () => {
    const { page, errors } = await openPage(portal);
    await logInToHome(page, portal.url, 'finance');
    // The menu entry is there for the finance bureau.
    await page.locator('.ant-menu-item', { hasText: '资金管理' }).first().waitFor({ timeout: STEP });
    await goTo(page, portal.url, '/fund');
    const contributions = page.locator('[data-testid="contributions-table"]');
    // The demo's contribution is listed first.
    await contributions.getByText('¥2,000,000.00').first().waitFor({ timeout: STEP });

    const documentRef = `江北财预〔E2E〕${Date.now() % 100000}号`;
    await page.getByRole('button', { name: '登记注资' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '登记财政注资' });
    await dialog.locator('[data-testid="contribution-amount"]').fill('1,234,567.89');
    await dialog.locator('[data-testid="contribution-document"]').fill(documentRef);
    await dialog
      .getByRole('button', { name: '登 记' })
      .or(dialog.getByRole('button', { name: '登记' }))
      .click();

    // The new row appears with its amount to the 分, and the overview counts it.
    const row = contributions.locator('tr.ant-table-row', { hasText: documentRef });
    await row.waitFor({ timeout: STEP });
    expect(await row.innerText()).toContain('¥1,234,567.89');
    expect(await row.innerText()).toContain('区财政局');
    await dialog.waitFor({ state: 'hidden', timeout: STEP });

    const [stored]: { amount: string; document_ref: string }[] = await portal.app.ds.query(
      `SELECT amount::text, document_ref FROM capital_contributions WHERE document_ref = $1`,
      [documentRef],
    );
    expect(stored).toEqual({ amount: '1234567.89', document_ref: documentRef });
    const total = await totalContributions();
    await page
      .locator('[data-testid="fund-overview"] .ant-card', { hasText: '财政追加出资合计' })
      .getByText(total)
      .waitFor({ timeout: STEP });

    // The finance bureau approves plans and may propose a termination, but never revises the plan.
    expect(await page.getByRole('button', { name: '修改后重新报送' }).count()).toBe(0);
    await page.screenshot({ path: resultPath('fund-finance.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 120_000);

  it('the manager sees the demo year’s plan approved by the three offices, and no office’s buttons', async () => {
    const { page, errors } = await openPage(portal);
    await logInToHome(page, portal.url, 'manager');
    await goTo(page, portal.url, '/fund');
    const [{ year }]: { year: number }[] = await portal.app.ds.query(
      `SELECT year FROM annual_work_plans WHERE status = 'APPROVED' ORDER BY year DESC LIMIT 1`,
    );
    const plan = page.locator('[data-testid="annual-plan"]');
    await plan.getByText(`${year}年度知识产权质押融资风险补偿资金工作计划`).waitFor({ timeout: STEP });
    expect(await plan.locator('.ant-tag', { hasText: '已批准' }).count()).toBe(1);
    const approvals = await plan.locator('[data-testid="plan-approvals"]').innerText();
    for (const office of ['区知识产权局', '区财政局', '区金融办']) expect(approvals).toContain(office);
    expect(approvals.match(/同意/g)?.length).toBe(6); // each office's tag and its comment 「同意」
    expect(approvals).not.toContain('待审核');
    expect(await plan.innerText()).toContain('¥200,000,000.00');

    // Buttons come from viewerCan / viewerPermissions: none of the offices' or the finance bureau's.
    for (const name of ['审核同意', '退回修改', '登记注资', '提议终止', '同意终止']) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    await page.getByText('暂无终止提议，资金正常运行').waitFor({ timeout: STEP });
    expect(errors).toEqual([]);
  }, 120_000);

  it('a bank has no 资金管理 menu entry, and #/fund leads home', async () => {
    const { page, errors } = await openPage(portal);
    await logInToHome(page, portal.url, 'bank-a');
    const menu = await page.locator('.ant-menu-item').allInnerTexts();
    expect(menu.length).toBeGreaterThan(0);
    expect(menu.join('|')).not.toContain('资金管理');
    await page.goto(`${portal.url}#/fund`);
    await page.locator('[data-testid="home"]').waitFor({ timeout: STEP });
    expect(await page.locator('[data-testid="fund-page"]').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);
});
