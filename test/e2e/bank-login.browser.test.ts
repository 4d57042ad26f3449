/**
 * The walking skeleton in a real browser: bank A logs in and sees exactly its own loans.
 * Needs Chromium (see browser-harness.ts); without one the suite reports itself skipped.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { LoanEntity } from '../../apps/api/src/modules/loan/loan.entity';
import { OrganizationEntity } from '../../apps/api/src/modules/org/org.entity';
import { describeIfBrowser, goTo, logIn, ROOT, startPortal, type Portal } from './browser-harness';

describeIfBrowser('browser: bank A logs in and sees only its loans', () => {
  let portal: Portal;

  beforeAll(async () => {
    portal = await startPortal();
  }, 120_000);

  afterAll(async () => {
    await portal?.close();
  });

  it('logs in through the form and lists exactly bank A’s loans, paginated', async () => {
    const bankA = await portal.app.ds
      .getRepository(OrganizationEntity)
      .findOneByOrFail({ name: '重庆银行江北支行' });
    const own = await portal.app.ds.getRepository(LoanEntity).countBy({ bankId: bankA.id });
    const page = await portal.browser.newPage({ locale: 'zh-CN', reducedMotion: 'reduce' });
    await logIn(page, portal.url, 'bank-a');
    await goTo(page, portal.url, '/loans');

    await page.getByText(`共 ${own} 笔`).waitFor({ timeout: 20_000 });
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    const header = await page.locator('header, .ant-layout-header').first().innerText();
    expect(header).toContain('重庆银行江北支行');

    // Every row on the page names bank A, and none of the other banks appears anywhere.
    const rows = await page.locator('.ant-table-tbody tr.ant-table-row').allInnerTexts();
    expect(rows.length).toBe(Math.min(own, 20));
    for (const row of rows) expect(row).toContain('重庆银行江北支行');
    const body = await page.locator('body').innerText();
    expect(body).not.toContain('中国工商银行重庆江北支行');
    expect(body).not.toContain('重庆农村商业银行江北支行');
    // Money is shown in yuan with thousands separators.
    expect(body).toMatch(/¥\d{1,3}(,\d{3})+\.\d{2}/);

    mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results/bank-a-loans.png'), fullPage: true });
  }, 60_000);

  it('a wrong password shows one generic error and no data', async () => {
    const page = await portal.browser.newPage({ locale: 'zh-CN', reducedMotion: 'reduce' });
    await logIn(page, portal.url, 'bank-a', 'wrong-password');
    await page.getByText('用户名或密码错误').waitFor({ timeout: 10_000 });
    expect(await page.locator('.ant-table').count()).toBe(0);
  }, 30_000);
});
