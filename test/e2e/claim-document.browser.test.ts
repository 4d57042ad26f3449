/**
 * A claim document downloaded in a real browser (issue 9): the web fetches the document's
 * downloadUrl with the login and saves it; the file arrives byte for byte under its Chinese name.
 * Who may download what is tested per organisation over HTTP in the API's document-download.test.ts.
 * Needs Chromium (see browser-harness.ts); without one the suite reports itself skipped.
 */
import { readFile } from 'node:fs/promises';
import { describeIfBrowser, logIn, startPortal, type Portal } from './browser-harness';

describeIfBrowser('browser: a claim document is downloaded', () => {
  let portal: Portal;

  beforeAll(async () => {
    portal = await startPortal();
  }, 120_000);

  afterAll(async () => {
    await portal?.close();
  });

  it('the bank opens its claim (its own computation, no programme totals), downloads the contract and gets the stored bytes under their name', async () => {
    // The claim on top of the bank's list (newest first), through the API as the web reads it.
    const token = await portal.app.login('bank-a');
    const list = await portal.app.gql<{
      claims: { edges: { node: { id: string; loan: { contractNo: string } } }[] };
    }>('{ claims(first: 1) { edges { node { id loan { contractNo } } } } }', {}, token);
    const claim = {
      id: list.data!.claims.edges[0].node.id,
      contract_no: list.data!.claims.edges[0].node.loan.contractNo,
    };
    // Fixture: a document on it, written as the owner (not under test); named so that it is told
    // apart from the documents the demo already holds on its claims.
    const fileName = '借款合同-浏览器下载测试.pdf';
    const content = Buffer.from('借款合同 第1页\n'.repeat(2000));
    await portal.app.ds.query(
      `INSERT INTO claim_documents (claim_id, kind, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_org_id)
       SELECT $1, 'LOAN_CONTRACT', $4, 'application/pdf', $2, encode(sha256($3), 'hex'), $3, u.id, u.organization_id
       FROM users u JOIN claims c ON c.id = $1 JOIN loans l ON l.id = c.loan_id
       WHERE u.organization_id = l.bank_id LIMIT 1`,
      [claim.id, content.length, content, fileName],
    );

    const page = await portal.browser.newPage({
      locale: 'zh-CN',
      reducedMotion: 'reduce',
      acceptDownloads: true,
    });
    await logIn(page, portal.url, 'bank-a');
    await page.locator('.ant-layout-header, header').first().waitFor({ timeout: 20_000 });
    await page.goto(`${portal.url}#/claims`);
    await page.locator('.ant-table-row', { hasText: claim.contract_no }).first().click({ timeout: 20_000 });
    const drawer = page.locator('.ant-drawer');
    // The computation renders for a bank: its own cap reduction, not the enterprise-year total.
    await drawer.getByText('年度上限扣减').first().waitFor({ timeout: 20_000 });
    expect(await drawer.getByText('企业年度已补偿').count()).toBe(0);
    await page.getByRole('tab', { name: /申请材料/ }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      drawer.locator('.ant-table-row', { hasText: fileName }).getByRole('button', { name: /下载/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(fileName);
    const saved = await readFile((await download.path())!);
    expect(saved.equals(content)).toBe(true);
  }, 90_000);
});
