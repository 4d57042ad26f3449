/// <reference lib="dom" />
/**
 * Two languages (issue 11): a user switches the portal to English and back in a real browser. Every
 * text of the frame follows at once (menu, header, page title, Ant Design's own texts), the choice
 * survives a reload, and the API is asked for server text in the chosen language (Accept-Language).
 * Needs Chromium (see browser-harness.ts).
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

/** The Accept-Language of the portal's next GraphQL request. */
async function nextGraphqlLanguage(page: Page, trigger: () => Promise<unknown>): Promise<string | undefined> {
  const request = page.waitForRequest((r) => r.url().endsWith('/graphql') && r.method() === 'POST', {
    timeout: STEP,
  });
  await trigger();
  return (await request).headers()['accept-language'];
}

describeIfBrowser('browser: switching to English and back', () => {
  let portal: Portal;

  beforeAll(async () => {
    portal = await startPortal();
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
  });

  it('bank-a reads the portal in English, keeps it after a reload, and returns to Chinese', async () => {
    const { page, errors } = await openPage(portal);
    await page.goto(portal.url);
    const switcher = page.locator('[data-testid="language-switch"]');

    // On the login page already: the form follows the switch, and a refused login says so in English.
    await page.getByText('用户登录').waitFor({ timeout: STEP });
    await switcher.getByText('English').click();
    await page.getByText('Sign in', { exact: true }).first().waitFor({ timeout: STEP });
    await page.locator('input[autocomplete="username"]').fill('bank-a');
    await page.locator('input[autocomplete="current-password"]').fill('wrong-password');
    await page.locator('button[type="submit"]').click();
    await page.getByText('Wrong username or password').waitFor({ timeout: STEP });

    await logInToHome(page, portal.url, 'bank-a');
    const header = page.locator('.ant-layout-header');
    await header.getByText('Log out').waitFor({ timeout: STEP });
    const sider = page.locator('.ant-layout-sider');
    await sider.getByText('Loans', { exact: true }).waitFor({ timeout: STEP });
    expect(await sider.getByText('贷款台账').count()).toBe(0);
    expect(await page.title()).toMatch(/IP Pledge Financing Risk Compensation Fund Portal$/);
    // The API is asked for English server text.
    expect(await nextGraphqlLanguage(page, () => sider.getByText('Loans', { exact: true }).click())).toBe(
      'en',
    );
    await page.screenshot({ path: resultPath('language-en.png') });

    // Remembered: a reload keeps English.
    await page.reload();
    await page.locator('.ant-layout-header').getByText('Log out').waitFor({ timeout: STEP });

    // And back: Chinese everywhere again, Ant Design's texts too, and the next request asks for zh-CN.
    await page.locator('.ant-layout-header [data-testid="language-switch"]').getByText('中文').click();
    await header.getByText('退出登录').waitFor({ timeout: STEP });
    await sider.getByText('贷款台账').waitFor({ timeout: STEP });
    expect(await sider.getByText('Loans', { exact: true }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await nextGraphqlLanguage(page, () => sider.getByText('补偿申请').click())).toBe('zh-CN');
    await page.reload();
    await page.locator('.ant-layout-header').getByText('退出登录').waitFor({ timeout: STEP });

    expect(errors.filter((e) => !/Failed to load resource.*401/.test(e))).toEqual([]);
    await page.close();
  }, 240_000);
});
