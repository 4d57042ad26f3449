/**
 * The walking skeleton in a real browser: bank A logs in and sees exactly its own loans.
 * Needs Chromium (Debian's /usr/bin/chromium; .ci/run installs it). Without one the suite
 * reports itself skipped, loudly, rather than passing.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '../../apps/api/src/testing/test-app';
import { startHttpServer } from '../../apps/api/src/server';
import { LoanEntity } from '../../apps/api/src/modules/loan/loan.entity';
import { OrganizationEntity } from '../../apps/api/src/modules/org/org.entity';

const ROOT = path.resolve(__dirname, '../..');
const WEB_DIST = path.join(ROOT, 'apps/web/dist');
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const describeIfBrowser = CHROMIUM ? describe : describe.skip;
if (!CHROMIUM)
  console.warn('SKIPPED browser tests: no Chromium at /usr/bin/chromium (apt-get install chromium)');

describeIfBrowser('browser: bank A logs in and sees only its loans', () => {
  let app: TestApp;
  let http: Awaited<ReturnType<typeof startHttpServer>>;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
      const built = spawnSync(
        process.execPath,
        [path.join(ROOT, 'apps/web/node_modules/vite/bin/vite.js'), 'build'],
        {
          cwd: path.join(ROOT, 'apps/web'),
          stdio: 'inherit',
        },
      );
      if (built.status !== 0) throw new Error('web build failed');
    }
    app = await createTestApp();
    http = await startHttpServer({
      ...app.services,
      config: { ...app.services.config, port: 0, host: '127.0.0.1', webDist: WEB_DIST },
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await http?.stop();
    http?.server.close();
    await app?.close();
  });

  it('logs in through the form and lists exactly bank A’s loans, paginated', async () => {
    const bankA = await app.ds
      .getRepository(OrganizationEntity)
      .findOneByOrFail({ name: '重庆银行江北支行' });
    const own = await app.ds.getRepository(LoanEntity).countBy({ bankId: bankA.id });
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(http.url);
    await page.locator('input[autocomplete="username"]').fill('bank-a');
    await page.locator('input[autocomplete="current-password"]').fill('demo1234');
    await page.locator('button[type="submit"]').click();

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
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(http.url);
    await page.locator('input[autocomplete="username"]').fill('bank-a');
    await page.locator('input[autocomplete="current-password"]').fill('wrong-password');
    await page.locator('button[type="submit"]').click();
    await page.getByText('用户名或密码错误').waitFor({ timeout: 10_000 });
    expect(await page.locator('.ant-table').count()).toBe(0);
  }, 30_000);
});
