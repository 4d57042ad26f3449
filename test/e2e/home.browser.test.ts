/**
 * 首页 per role in a real browser (issue 11): every login lands on its home dashboard, which shows the
 * figures of what that role may read — a bank its own portfolio and ratio history, a guarantor its
 * guaranteed exposure, the programme the fund against the breaker and every bank, an enterprise its
 * loans — with no console errors. A screenshot of each role's home goes to test-results/.
 * Needs Chromium (see browser-harness.ts); without one the suite reports itself skipped.
 */
import type { Page } from 'playwright-core';
import {
  describeIfBrowser,
  logInToHome,
  openPage,
  resultPath,
  startPortal,
  type Portal,
} from './browser-harness';

const STEP = 45_000;

/**
 * 待办 on the home page: the list's count equals the API's myTasks total for that user, and each of
 * the first items is listed. Returns the count.
 */
async function expectTaskList(portal: Portal, page: Page, user: string): Promise<number> {
  const token = await portal.app.login(user);
  const res = await portal.app.gql<{ myTasks: { totalCount: number; nodes: { title: string }[] } }>(
    '{ myTasks(first: 3) { totalCount nodes { title } } }',
    {},
    token,
  );
  const { totalCount, nodes } = res.data!.myTasks;
  const list = page.locator('[data-testid="task-list"]');
  await list.waitFor({ timeout: STEP });
  for (const task of nodes) await list.getByText(task.title).first().waitFor({ timeout: STEP });
  if (totalCount === 0) await list.getByText('暂无待办事项').waitFor({ timeout: STEP });
  else expect(await list.locator('.plain-list-header .ant-badge').innerText()).toContain(String(totalCount));
  return totalCount;
}

describeIfBrowser('browser: every role lands on its home dashboard', () => {
  let portal: Portal;
  const count = async (sql: string, params: unknown[] = []) =>
    ((await portal.app.ds.query(sql, params)) as { n: number }[])[0].n;
  const orgId = async (name: string) =>
    (
      (await portal.app.ds.query(`SELECT id FROM organizations WHERE name = $1`, [name])) as { id: string }[]
    )[0].id;

  beforeAll(async () => {
    portal = await startPortal();
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
  });

  it('bank-a: its own loans, its risk ratio over time with the 5 %/8 % lines, claims and remittances', async () => {
    const { page, errors } = await openPage(portal);
    await logInToHome(page, portal.url, 'bank-a');
    expect(new URL(page.url()).hash).toBe('#/home');
    const bank = await orgId('重庆银行江北支行');
    const own = await count(`SELECT count(*)::int n FROM loans WHERE bank_id = $1`, [bank]);
    const home = page.locator('[data-testid="home"]');
    await home.getByText('风险比例走势（月末）').waitFor({ timeout: STEP });
    await home.locator('canvas').first().waitFor({ timeout: STEP });
    const text = await home.innerText();
    expect(await home.locator('.ant-statistic', { hasText: '贷款笔数' }).innerText()).toContain(String(own));
    expect(text).toMatch(/贷款余额\s*¥\d{1,3}(,\d{3})*\.\d{2}/);
    expect(text).toContain('预警');
    expect(text).toContain('补偿申请进度');
    expect(text).toContain('待返还追偿款');
    // A bank sees no programme figures and no other bank.
    expect(text).not.toContain('风险补偿资金');
    expect(text).not.toContain('中国工商银行重庆江北支行');
    expect(await page.title()).toContain('首页');
    // Every role has work waiting in the demo (issue 11).
    expect(await expectTaskList(portal, page, 'bank-a')).toBeGreaterThan(0);
    await page.screenshot({ path: resultPath('home-bank-a.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 120_000);

  it('guarantor-a: its guaranteed exposure and the claims that wait for its share', async () => {
    const { page, errors } = await openPage(portal);
    await logInToHome(page, portal.url, 'guarantor-a');
    const guarantor = await orgId(
      (
        await portal.app.ds.query(
          `SELECT o.name FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.username = 'guarantor-a'`,
        )
      )[0].name,
    );
    const own = await count(`SELECT count(*)::int n FROM loans WHERE guarantor_id = $1`, [guarantor]);
    const home = page.locator('[data-testid="home"]');
    await home.getByText('担保敞口（贷款余额）').waitFor({ timeout: STEP });
    expect(await home.locator('.ant-statistic', { hasText: '担保贷款' }).innerText()).toContain(String(own));
    await home.getByText('待确认分担').waitFor({ timeout: STEP });
    const text = await home.innerText();
    expect(text).not.toContain('风险比例走势');
    expect(text).not.toContain('专户本金余额');
    expect(await expectTaskList(portal, page, 'guarantor-a')).toBeGreaterThan(0);
    await page.screenshot({ path: resultPath('home-guarantor-a.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 120_000);

  for (const user of ['manager', 'ipb', 'finance', 'fo', 'auditor']) {
    it(`${user}: the fund against its breaker, the claims pipeline, every bank's ratio, the quarterly trend`, async () => {
      const { page, errors } = await openPage(portal);
      await logInToHome(page, portal.url, user);
      const banks = await count(`SELECT count(*)::int n FROM organizations WHERE kind = 'LENDING_BANK'`);
      const loans = await count(`SELECT count(*)::int n FROM loans`);
      const home = page.locator('[data-testid="home"]');
      await home.getByText('熔断线').waitFor({ timeout: STEP });
      await home.getByText('专户本金余额').waitFor({ timeout: STEP });
      const ratios = home.locator('.ant-card', { hasText: '各银行风险比例' }).locator('.plain-list-item');
      await ratios.first().waitFor({ timeout: STEP });
      expect(await ratios.count()).toBe(banks);
      expect(await home.locator('.ant-statistic', { hasText: '贷款笔数' }).innerText()).toContain(
        String(loans),
      );
      await home.getByText('季度趋势').waitFor({ timeout: STEP });
      await home.getByText('会签中').waitFor({ timeout: STEP });
      expect(await expectTaskList(portal, page, user)).toBeGreaterThan(user === 'auditor' ? -1 : 0);
      await page.screenshot({ path: resultPath(`home-${user}.png`), fullPage: true });
      expect(errors).toEqual([]);
    }, 120_000);
  }

  it('ent-1: its own loans, and nothing of the programme or the banks', async () => {
    const { page, errors } = await openPage(portal);
    await logInToHome(page, portal.url, 'ent-1');
    const home = page.locator('[data-testid="home"]');
    await home.getByText(/最近贷款（共 \d+ 笔）/).waitFor({ timeout: STEP });
    const token = await portal.app.login('ent-1');
    const mine = await portal.app.gql<{ loans: { totalCount: number } }>(
      '{ loans(first: 1) { totalCount } }',
      {},
      token,
    );
    await home.getByText(`最近贷款（共 ${mine.data!.loans.totalCount} 笔）`).waitFor({ timeout: STEP });
    const text = await home.innerText();
    expect(text).not.toContain('风险比例走势');
    expect(text).not.toContain('熔断线');
    await expectTaskList(portal, page, 'ent-1');
    await page.screenshot({ path: resultPath('home-ent-1.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 120_000);
});
