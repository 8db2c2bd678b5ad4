import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from './app.js';
import type { TestDatabaseKind } from './database.js';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
export const RESULTS_DIR = path.resolve('test-results');

export interface E2e {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  page: Page;
  /** Logs in through the login page. */
  loginAs(username: string, password?: string): Promise<void>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

function chromiumPath(): string {
  const found = CHROMIUM_CANDIDATES.find((p) => fs.existsSync(p));
  if (!found) throw new Error('未找到 Chromium：端到端测试需要 Debian 的 chromium 软件包（apt-get install -y chromium）');
  return found;
}

/** The real app on a loopback port, serving web/dist, and a headless Chromium page on it. */
export async function startE2e(kind: TestDatabaseKind = 'pglite', options: { now?: () => Date } = {}): Promise<E2e> {
  const t = await createTestApp(kind, options);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 860 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  return {
    t,
    baseUrl,
    browser,
    page,
    async loginAs(username, password = 'Ili-Gov-Office-7') {
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码', { exact: true }).fill(password);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    },
    async screenshot(name) {
      const file = path.join(RESULTS_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await browser.close();
      await t.close();
      if (pageErrors.length) throw new Error(`页面脚本错误：${pageErrors.join('; ')}`);
    },
  };
}
