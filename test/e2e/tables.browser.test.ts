/**
 * Tables that fit and find (issue 11), in Chromium at 1440 px: the money, date and status columns of
 * 贷款台账 and the filing date and co-signing of 补偿申请 are on screen without scrolling; a filter in
 * the URL is the server's filter (the count matches the API's for the same filter); sorting writes
 * the URL; 导出 Excel downloads exactly the filtered rows (header + one row per loan).
 * Needs Chromium (see browser-harness.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describeIfBrowser, goTo, logIn, openPage, ROOT, startPortal, type Portal } from './browser-harness';

const STEP = 45_000;
// exceljs is the API's dependency (it writes the exports); the test reads the file back with it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ExcelJS = require(
  require.resolve('exceljs', { paths: [path.join(ROOT, 'apps/api')] }),
) as typeof import('../../apps/api/node_modules/exceljs');

/** The header cells whose right edge is inside the 1440 px viewport. */
async function visibleHeaders(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.ant-table-thead th'))
      .filter((th) => {
        const r = th.getBoundingClientRect();
        return r.width > 0 && r.right <= window.innerWidth;
      })
      .map((th) => (th.textContent ?? '').trim()),
  );
}

describeIfBrowser('browser: tables fit and find at 1440 px', () => {
  let portal: Portal;

  beforeAll(async () => {
    portal = await startPortal();
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
  });

  it('bank-a: the loan figures and the claim workflow columns are on screen without scrolling', async () => {
    const { page, errors } = await openPage(portal);
    await logIn(page, portal.url, 'bank-a');
    await goTo(page, portal.url, '/loans');
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor({ timeout: STEP });
    const loanHeaders = await visibleHeaders(page);
    for (const title of ['合同编号', '贷款余额', '放款日', '逾期天数', '状态', '风险补偿', '操作'])
      expect(loanHeaders.some((h) => h.startsWith(title))).toBe(true);

    await goTo(page, portal.url, '/claims');
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor({ timeout: STEP });
    const claimHeaders = await visibleHeaders(page);
    for (const title of ['合同编号', '状态', '申请日', '会签进度', '补偿资金 F'])
      expect(claimHeaders.some((h) => h.startsWith(title))).toBe(true);
    expect(errors).toEqual([]);
  }, 180_000);

  it('manager: a status filter in the URL is the server’s; sorting writes the URL; the export holds the filtered rows', async () => {
    const token = await portal.app.login('manager');
    const api = await portal.app.gql<{ loans: { totalCount: number } }>(
      '{ loans(first: 1, filter: { status: [OVERDUE] }) { totalCount } }',
      {},
      token,
    );
    const overdue = api.data!.loans.totalCount;
    const [{ n: all }] = (await portal.app.ds.query(`SELECT count(*)::int n FROM loans`)) as { n: number }[];
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(all);

    const { page, errors } = await openPage(portal, { downloads: true });
    await logIn(page, portal.url, 'manager');
    await goTo(page, portal.url, '/loans?status=OVERDUE');
    await page.getByText(`共 ${overdue} 笔`).waitFor({ timeout: STEP });
    const statuses = await page.locator('.ant-table-tbody tr.ant-table-row').allInnerTexts();
    for (const row of statuses) expect(row).toContain('逾期');

    // Sorting by the balance goes to the URL next to the filter, and the filter stays.
    await page.locator('.ant-table-thead th', { hasText: '贷款余额' }).click();
    await page.waitForFunction(() => window.location.hash.includes('sort=OUTSTANDING_PRINCIPAL'), null, {
      timeout: STEP,
    });
    expect(new URL(page.url()).hash).toContain('status=OVERDUE');
    await page.getByText(`共 ${overdue} 笔`).waitFor({ timeout: STEP });

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: STEP }),
      page.locator('[data-testid="export-button"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    // One header row, then one row per filtered loan.
    expect(sheet.actualRowCount).toBe(overdue + 1);
    const contracts = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n > 1) contracts.add(String(row.getCell(1).value));
    });
    const expected = (await portal.app.ds.query(
      `SELECT contract_no FROM loans WHERE status = 'OVERDUE'`,
    )) as { contract_no: string }[];
    expect(contracts.size).toBe(overdue);
    if (expected.length === overdue)
      for (const e of expected) expect(contracts.has(e.contract_no)).toBe(true);
    expect(errors).toEqual([]);
  }, 180_000);
});
