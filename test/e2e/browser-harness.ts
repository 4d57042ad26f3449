/**
 * The browser suites' harness: the real API on a fresh database with the demo data, serving the built
 * web client, and Chromium driven by playwright-core. Needs Chromium (.ci/run installs Debian's
 * chromium-headless-shell); without one the suites report themselves skipped, loudly, rather than passing.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { createTestApp, type TestApp } from '../../apps/api/src/testing/test-app';
import { startHttpServer } from '../../apps/api/src/server';

export const ROOT = path.resolve(__dirname, '../..');
// E2E_WEB_DIST: a web build made elsewhere (e.g. of one commit, while the shared tree is mid-change).
const WEB_DIST = process.env.E2E_WEB_DIST ?? path.join(ROOT, 'apps/web/dist');
// Chromium's headless shell first: the same engine as the browser without its UI layers, and what
// Playwright itself runs headless. The suites cost a third less CPU in it (home: 10.5–12.5 s of CPU against
// 16.5–19 s in the full browser; docs/PERFORMANCE.md § The test suite's time). E2E_CHROMIUM picks another.
const CHROMIUM = [
  process.env.E2E_CHROMIUM,
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].find((p) => p && existsSync(p));
export const describeIfBrowser = CHROMIUM ? describe : describe.skip;
if (!CHROMIUM)
  console.warn('SKIPPED browser tests: no Chromium (apt-get install chromium-headless-shell, or chromium)');

export interface Portal {
  app: TestApp;
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Builds the web client once when it has not been built. Two suites may start together on a fresh
 * clone: one takes the lock and builds into a directory of its own, renamed into place when complete,
 * so no suite ever serves a half-written or emptied dist; the other waits for it. The build is the
 * production one users get, whatever NODE_ENV the test runner set (Vite would otherwise take "test"
 * as a development build: React and antd in their slower, warning mode).
 */
export async function ensureWebBuild(dist = WEB_DIST): Promise<void> {
  const lock = `${dist}.building`;
  const deadline = Date.now() + 300_000;
  while (!existsSync(path.join(dist, 'index.html'))) {
    if (Date.now() > deadline) throw new Error(`web build: gave up waiting for ${lock}`);
    try {
      mkdirSync(lock);
    } catch {
      // Someone else builds; a lock older than any build is a killed run's, and is taken over.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > 180_000) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      if (existsSync(path.join(dist, 'index.html'))) return;
      const out = path.join(lock, 'dist');
      const built = spawnSync(
        process.execPath,
        [
          path.join(ROOT, 'apps/web/node_modules/vite/bin/vite.js'),
          'build',
          '--outDir',
          out,
          '--emptyOutDir',
        ],
        {
          cwd: path.join(ROOT, 'apps/web'),
          stdio: 'inherit',
          env: { ...process.env, NODE_ENV: 'production' },
        },
      );
      if (built.status !== 0) throw new Error('web build failed');
      rmSync(dist, { recursive: true, force: true });
      renameSync(out, dist);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** Builds the web client when it has not been built, then starts the API and the browser. */
export async function startPortal(): Promise<Portal> {
  await ensureWebBuild();
  const app = await createTestApp();
  const http = await startHttpServer({
    ...app.services,
    config: { ...app.services.config, port: 0, host: '127.0.0.1', webDist: WEB_DIST },
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  return {
    app,
    url: http.url,
    browser,
    async close() {
      await browser.close();
      await http.stop();
      http.server.close();
      await app.close();
    },
  };
}

/** Fills the login form and submits it. */
export async function logIn(page: Page, url: string, username: string, password = 'demo1234'): Promise<void> {
  await page.goto(url);
  await page.locator('input[autocomplete="username"]').fill(username);
  await page.locator('input[autocomplete="current-password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

/** A page of the given viewport whose console errors and uncaught exceptions are collected in `errors`. */
export async function openPage(
  portal: Portal,
  options: { width?: number; height?: number; downloads?: boolean; motion?: 'reduce' | 'no-preference' } = {},
): Promise<{ page: Page; errors: string[] }> {
  const page = await portal.browser.newPage({
    locale: 'zh-CN',
    // The suites wait on content, not on slides (the client honours the setting; phone.browser.test.ts).
    reducedMotion: options.motion ?? 'reduce',
    viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
    acceptDownloads: options.downloads ?? false,
  });
  trackNetwork(page);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/** The page's HTTP requests still in flight, and when that set last changed (see `settled`). */
const networks = new WeakMap<Page, { inflight: Set<Request>; changedAt: number }>();

/** Follows the page's requests for `settled` (openPage does it; call it on a page made elsewhere). */
export function trackNetwork(page: Page): void {
  const net = { inflight: new Set<Request>(), changedAt: Date.now() };
  networks.set(page, net);
  page.on('request', (request) => {
    // data: and blob: URLs are answered in the page; only what goes to the server is waited for.
    if (!/^https?:/.test(request.url())) return;
    net.inflight.add(request);
    net.changedAt = Date.now();
  });
  const done = (request: Request) => {
    if (net.inflight.delete(request)) net.changedAt = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
}

/**
 * Waits until the page has had no request in flight for `quietMs`: its queries are answered and the
 * ones their answers started are too. Not Playwright's 'networkidle': that is a page-load state, and
 * after a hash navigation (how the client changes pages) it is already reached, so the wait returns
 * at once with the new page's queries still in flight. Gives up silently at `timeout`, as a caught
 * wait on 'networkidle' does; what the test checks next decides.
 */
export async function settled(page: Page, { quietMs = 100, timeout = 45_000 } = {}): Promise<void> {
  const net = networks.get(page);
  if (!net) throw new Error('settled: open the page with openPage, or call trackNetwork on it first');
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const quietFor = Date.now() - net.changedAt;
    if (net.inflight.size === 0 && quietFor >= quietMs) return;
    await sleep(net.inflight.size === 0 ? quietMs - quietFor : 25);
  }
}

/** Logs in and waits for the home dashboard (everyone lands on 首页). */
export async function logInToHome(
  page: Page,
  url: string,
  username: string,
  timeout = 45_000,
): Promise<void> {
  await logIn(page, url, username);
  await page.locator('[data-testid="home"]').waitFor({ timeout });
}

/** Where the suites write screenshots (created on demand). */
export function resultPath(file: string): string {
  const dir = path.join(ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, file);
}

/**
 * Opens a page of the signed-in portal by its hash path ("/loans"), as a menu click would. Everyone
 * lands on 首页 after login (issue 11); suites that start elsewhere go there with this.
 */
export async function goTo(page: Page, url: string, hashPath: string, timeout = 45_000): Promise<void> {
  await page.locator('.ant-layout-header').first().waitFor({ timeout });
  await page.goto(`${url}#${hashPath}`);
}
