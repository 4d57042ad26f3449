/**
 * Phones (issue 11): at 390×844 no page of the portal scrolls sideways, for every menu page of
 * several roles, and the menu, the user and logout are reachable through the drawer. Tables scroll
 * inside themselves; card headers wrap. Needs Chromium (see browser-harness.ts).
 */
import type { Page } from 'playwright-core';
import {
  describeIfBrowser,
  logInToHome,
  openPage,
  resultPath,
  settled,
  startPortal,
  type Portal,
} from './browser-harness';

const WIDTH = 390;
const STEP = 45_000;

/** How wide the document is (what would scroll sideways), after the page has settled. */
async function documentWidth(page: Page): Promise<number> {
  await settled(page, { timeout: STEP });
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: STEP })
    .catch(() => undefined);
  // Charts and late data settle the layout after the last request: give the page a while to fit.
  await page
    .waitForFunction((w) => document.documentElement.scrollWidth <= w, WIDTH, { timeout: 20_000 })
    .catch(() => undefined);
  return page.evaluate(() => document.documentElement.scrollWidth);
}

async function openDrawer(page: Page) {
  await page.locator('[data-testid="menu-button"]').click({ timeout: STEP });
  const drawer = page.locator('.ant-drawer-section');
  await drawer.waitFor({ timeout: STEP });
  return drawer;
}

describeIfBrowser('browser: phones — no page scrolls sideways at 390 px', () => {
  let portal: Portal;

  beforeAll(async () => {
    portal = await startPortal();
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
  });

  // The system's reduced-motion setting (an accessibility setting) is honoured: the drawer opens
  // without its slide when the user asked for less motion, and with it otherwise.
  it('the drawer slides in unless the system asks for reduced motion', async () => {
    const animated: Record<string, boolean> = {};
    for (const motion of ['reduce', 'no-preference'] as const) {
      const { page, errors } = await openPage(portal, { width: WIDTH, height: 844, motion });
      await logInToHome(page, portal.url, 'ent-1');
      // Records every class an element takes while the drawer opens: rc-motion's enter/appear
      // classes are there only while something animates.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { motionClasses: string[] }).motionClasses = seen;
        new MutationObserver((records) => {
          for (const r of records) {
            const el = r.target as Element;
            if (typeof el.className === 'string' && /-(enter|appear)(-active)?\b/.test(el.className))
              seen.push(el.className);
          }
        }).observe(document.body, {
          attributes: true,
          attributeFilter: ['class'],
          subtree: true,
          childList: true,
        });
      });
      await openDrawer(page);
      await page.locator('.ant-drawer-section').getByText('退出登录').waitFor({ timeout: STEP });
      animated[motion] = await page.evaluate(
        () => (window as unknown as { motionClasses: string[] }).motionClasses.length > 0,
      );
      expect(errors).toEqual([]);
      await page.close();
    }
    expect(animated).toEqual({ reduce: false, 'no-preference': true });
  }, 120_000);

  for (const user of ['bank-a', 'guarantor-a', 'manager', 'ipb', 'auditor', 'ent-1']) {
    it(`${user}: every menu page fits in 390 px, and logout is in the drawer`, async () => {
      const { page, errors } = await openPage(portal, { width: WIDTH, height: 844 });
      await logInToHome(page, portal.url, user);
      // The header shows no desktop actions: they are in the drawer.
      expect(await page.locator('.ant-layout-header').getByText('退出登录').count()).toBe(0);

      let drawer = await openDrawer(page);
      await drawer.getByText('退出登录').waitFor({ timeout: STEP });
      await drawer.locator('[data-testid="user-badge"]').waitFor({ timeout: STEP });
      const labels = (await drawer.locator('.ant-menu-item .ant-menu-title-content').allInnerTexts()).map(
        (l) => l.replace(/\d+$/, '').trim(),
      );
      expect(labels[0]).toBe('首页');
      expect(labels.length).toBeGreaterThan(1);
      await page.keyboard.press('Escape');

      const widths: Record<string, number> = {};
      for (const label of labels) {
        drawer = await openDrawer(page);
        await drawer.locator('.ant-menu-item', { hasText: label }).first().click({ timeout: STEP });
        await drawer.waitFor({ state: 'hidden', timeout: STEP });
        if (label !== '首页')
          await page.locator('.ant-breadcrumb', { hasText: label }).waitFor({ timeout: STEP });
        widths[label] = await documentWidth(page);
        if (widths[label] > WIDTH) {
          await page.screenshot({ path: resultPath(`phone-overflow-${user}-${label}.png`), fullPage: true });
        }
      }
      expect(Object.entries(widths).filter(([, w]) => w > WIDTH)).toEqual([]);
      await page.goto(`${portal.url}#/home`);
      await page.locator('[data-testid="home"]').waitFor({ timeout: STEP });
      await page.screenshot({ path: resultPath(`phone-home-${user}.png`), fullPage: true });

      // Logout from the drawer ends the session: the login form is back.
      drawer = await openDrawer(page);
      await drawer.getByRole('button', { name: /退出登录/ }).click();
      await page.locator('input[autocomplete="username"]').waitFor({ timeout: STEP });
      expect(errors).toEqual([]);
    }, 300_000);
  }
});
