/**
 * Art 6.3 in a real browser: the enterprise library is shared. Bank A adds a borrower of its own with a
 * patent; bank B, which cannot see that enterprise, finds it by its unified social credit code in the
 * loan registration dialog, pledges the patent by its number, registers a loan and sees it in its
 * 贷款台账. Needs Chromium (see browser-harness.ts); without one the suite reports itself skipped.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { creditCodeCheckChar } from '../../apps/api/src/modules/enterprise/credit-code';
import { LoanEntity } from '../../apps/api/src/modules/loan/loan.entity';
import { OrganizationEntity } from '../../apps/api/src/modules/org/org.entity';
import {
  describeIfBrowser,
  goTo,
  logIn,
  ROOT,
  settled,
  startPortal,
  trackNetwork,
  type Portal,
} from './browser-harness';

const FIRST_17 = '91500105MA5UB9K8W';
const CREDIT_CODE = FIRST_17 + creditCodeCheckChar(FIRST_17)!;
const NAME = '银行自建借款企业';
const PATENT_NO = 'ZL202410999001.7';
const PATENT_TITLE = '一种柔性电路板的激光切割方法';
const CONTRACT_NO = 'E2E-LIB-0001';

const CREATE = `mutation ($input: CreateEnterpriseInput!) {
  createEnterprise(input: $input) { id name alreadyInLibrary }
}`;
const OPTIONS = `{ borrowerOptions { id } }`;
const ENTERPRISE = `query ($id: ID!) { enterprise(id: $id) { id ipAssets { id registrationNo } } }`;

describeIfBrowser('browser: bank B lends to an enterprise only bank A could see (Art 6.3)', () => {
  let portal: Portal;
  let enterpriseId: string;
  let patentId: string;

  beforeAll(async () => {
    portal = await startPortal();
    const { app } = portal;
    const bankA = await app.login('bank-a');
    const created = await app.gql<{ createEnterprise: { id: string; alreadyInLibrary: boolean } }>(
      CREATE,
      {
        input: {
          name: NAME,
          creditCode: CREDIT_CODE,
          district: '江北区',
          industry: '电子信息',
          ipAssets: [{ kind: 'PATENT', registrationNo: PATENT_NO, title: PATENT_TITLE }],
        },
      },
      bankA,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createEnterprise.alreadyInLibrary).toBe(false);
    enterpriseId = created.data!.createEnterprise.id;
    const seen = await app.gql<{ enterprise: { ipAssets: { id: string; registrationNo: string }[] } }>(
      ENTERPRISE,
      { id: enterpriseId },
      bankA,
    );
    patentId = seen.data!.enterprise.ipAssets.find((a) => a.registrationNo === PATENT_NO)!.id;
  }, 120_000);

  afterAll(async () => {
    await portal?.close();
  });

  it('bank B cannot see the enterprise before: not among its borrowers, enterprise(id) is null', async () => {
    const bankB = await portal.app.login('bank-b');
    const options = await portal.app.gql<{ borrowerOptions: { id: string }[] }>(OPTIONS, {}, bankB);
    expect(options.data!.borrowerOptions.map((e) => e.id)).not.toContain(enterpriseId);
    const one = await portal.app.gql(ENTERPRISE, { id: enterpriseId }, bankB);
    expect(one).toEqual({ data: { enterprise: null } });
  });

  it('finds it by credit code, pledges its patent by number, registers the loan and lists it', async () => {
    const { app } = portal;
    const bankB = await bankBOrg();
    const before = await app.ds.getRepository(LoanEntity).countBy({ bankId: bankB.id });
    const page = await portal.browser.newPage({ locale: 'zh-CN', reducedMotion: 'reduce' });
    await logIn(page, portal.url, 'bank-b');
    await goTo(page, portal.url, '/loans');
    await page.getByText(`共 ${before} 笔`).waitFor({ timeout: 20_000 });

    const dialog = await openRegistration(page);
    // Not in the bank's own list: it is found in the library by its code.
    await dialog.getByText('按统一社会信用代码查找').click();
    const codeInput = dialog.getByLabel('统一社会信用代码', { exact: true });
    // A mistyped check character is caught before asking the API.
    const wrong = CREDIT_CODE.slice(0, 17) + (CREDIT_CODE[17] === '0' ? '1' : '0');
    await codeInput.fill(wrong);
    await codeInput.press('Enter');
    await dialog.getByText(`校验位应为 ${CREDIT_CODE[17]}`).waitFor();
    await codeInput.fill(CREDIT_CODE.toLowerCase());
    await dialog.getByRole('button', { name: /查\s*找/ }).click();
    await dialog.getByText(`企业库：${NAME}`).waitFor({ timeout: 30_000 });

    // The patent by its number (typed in lower case): the library's record is used.
    await pledge(dialog, PATENT_NO.toLowerCase(), PATENT_TITLE);
    const pledged = dialog.getByRole('checkbox', { name: `专利 ${PATENT_NO} ${PATENT_TITLE}` });
    await pledged.waitFor({ timeout: 30_000 });
    expect(await pledged.isChecked()).toBe(true);

    await fillTerms(dialog, CONTRACT_NO, '2,000,000');
    // The purpose is prefilled with the first one the measures allow, its article from the policy.
    await dialog.getByText('贷款用途（第十三条）').waitFor();
    mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await dialog.screenshot({ path: path.join(ROOT, 'test-results/bank-b-register-dialog.png') });

    const text = await registerAndFind(page, dialog, CONTRACT_NO, before + 1);
    expect(text).toContain(NAME);
    expect(text).toContain('纳入补偿');
    expect(text).toContain('¥2,000,000.00');

    // Stored as bank B's loan on bank A's entry, pledging the record bank A made (not a copy).
    const loan = await app.ds
      .getRepository(LoanEntity)
      .findOneOrFail({ where: { contractNo: CONTRACT_NO }, relations: { collateral: true } });
    expect(loan.bankId).toBe(bankB.id);
    expect(loan.enterpriseId).toBe(enterpriseId);
    expect(loan.collateral!.map((a) => a.id)).toEqual([patentId]);

    await page.screenshot({ path: path.join(ROOT, 'test-results/bank-b-library-loan.png'), fullPage: true });
  }, 150_000);

  it('a code not in the library: adds the enterprise from the dialog, pledges a trademark, registers', async () => {
    const { app } = portal;
    const first17 = '91500105MA5UC3D4E';
    const code = first17 + creditCodeCheckChar(first17)!;
    const bankB = await bankBOrg();
    const before = await app.ds.getRepository(LoanEntity).countBy({ bankId: bankB.id });
    const page = await portal.browser.newPage({ locale: 'zh-CN', reducedMotion: 'reduce' });
    trackNetwork(page);
    await logIn(page, portal.url, 'bank-b');
    await goTo(page, portal.url, '/loans');
    await page.getByText(`共 ${before} 笔`).waitFor({ timeout: 20_000 });

    const dialog = await openRegistration(page);
    await dialog.getByText('按统一社会信用代码查找').click();
    const codeInput = dialog.getByLabel('统一社会信用代码', { exact: true });
    await codeInput.fill(code);
    await codeInput.press('Enter');
    await dialog.getByText(`企业库中没有统一社会信用代码为 ${code} 的企业`).waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: '加入企业库' }).click();

    // The library's form, with the code already filled in.
    const create = page.locator('.ant-modal').filter({ hasText: '新增企业' });
    await create.waitFor();
    expect(await create.getByLabel('统一社会信用代码').inputValue()).toBe(code);
    await create.getByLabel('企业名称').fill('重庆两江新材料有限公司');
    await create.locator('.ant-modal-footer .ant-btn-primary').click();
    await create.waitFor({ state: 'hidden' });
    await dialog.getByText('企业库：重庆两江新材料有限公司').waitFor({ timeout: 30_000 });

    // Choose 商标; under load the dropdown can still be opening when clicked, so the choice is
    // confirmed on the select itself (and made again) before pledging.
    const kind = dialog.locator('.ant-select', { has: page.getByRole('combobox', { name: '质押物类型' }) });
    // Adding the enterprise refetches the open queries; a re-render then can close a freshly opened
    // dropdown, so wait for the network to settle and try again if the choice did not take.
    await settled(page);
    for (let attempt = 0; attempt < 5; attempt++) {
      await dialog.getByRole('combobox', { name: '质押物类型' }).click();
      await page
        .locator('.ant-select-dropdown:visible')
        .getByText('商标', { exact: true })
        .click({ timeout: 5_000 })
        .catch(() => undefined);
      if ((await kind.textContent())?.includes('商标')) break;
      // Close a dropdown left open (never the dialog itself, which Escape would also close).
      if (await page.locator('.ant-select-dropdown:visible').count()) await page.keyboard.press('Escape');
    }
    expect(await kind.textContent()).toContain('商标');
    await pledge(dialog, '6012345', '“两江”注册商标');
    await dialog.getByRole('checkbox', { name: '商标 6012345 “两江”注册商标' }).waitFor({ timeout: 30_000 });

    await fillTerms(dialog, 'E2E-LIB-0002', '1500000');
    const text = await registerAndFind(page, dialog, 'E2E-LIB-0002', before + 1);
    expect(text).toContain('重庆两江新材料有限公司');
    expect(text).toContain('纳入补偿');
  }, 150_000);

  async function bankBOrg() {
    return portal.app.ds
      .getRepository(OrganizationEntity)
      .findOneByOrFail({ name: '中国工商银行重庆江北支行' });
  }

  async function openRegistration(page: Page): Promise<Locator> {
    await page.getByRole('button', { name: '登记贷款' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '登记贷款' });
    await dialog.waitFor();
    return dialog;
  }

  async function pledge(dialog: Locator, registrationNo: string, title: string): Promise<void> {
    await dialog.getByRole('textbox', { name: '专利号或商标注册号' }).fill(registrationNo);
    await dialog.getByRole('textbox', { name: '专利或商标名称' }).fill(title);
    await dialog.getByRole('button', { name: '添加质押' }).click();
  }

  /** Contract number, principal, issued on the business date, maturing a year later. */
  async function fillTerms(dialog: Locator, contractNo: string, principal: string): Promise<void> {
    await dialog.getByPlaceholder('本行贷款合同编号（本行内唯一）').fill(contractNo);
    await dialog.getByPlaceholder('例如 3000000.00').fill(principal);
    const businessDate = portal.app.services.config.businessDate;
    if (!businessDate) throw new Error('the test app runs on a fixed business date');
    const [year, month, day] = businessDate.split('-');
    const issued = dialog.locator('.ant-form-item').filter({ hasText: '放款日' }).locator('input');
    await issued.click();
    await issued.fill(businessDate);
    await issued.press('Enter');
    const matures = dialog.locator('.ant-form-item').filter({ hasText: '到期日' }).locator('input');
    await matures.click();
    await matures.fill(`${Number(year) + 1}-${month}-${day}`);
    await matures.press('Enter');
  }

  /**
   * 登记, the covered-loan notice, then the 贷款台账 with one more loan: the new one first (newest issue
   * date). Its row's text.
   */
  async function registerAndFind(page: Page, dialog: Locator, contractNo: string, count: number) {
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByText(`贷款 ${contractNo} 已登记，纳入风险补偿范围`).waitFor({ timeout: 20_000 });
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`共 ${count} 笔`).waitFor({ timeout: 20_000 });
    const first = page.locator('.ant-table-tbody tr.ant-table-row').first();
    await first.filter({ hasText: contractNo }).waitFor();
    return first.innerText();
  }
});
