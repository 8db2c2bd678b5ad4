import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2e, type E2e } from '../helpers/e2e.js';

describe('login in Chromium', () => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e();
  });
  afterAll(async () => e.close());

  it('shows the server error for a wrong password', async () => {
    await e.page.goto(`${e.baseUrl}/login`);
    await e.page.getByLabel('用户名').fill('admin');
    await e.page.getByLabel('密码', { exact: true }).fill('not-the-password');
    await e.page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => e.page.getByText('用户名或密码错误').count()).toBeGreaterThan(0);
  });

  it('logs in, shows the home page, and logs out', async () => {
    await e.loginAs('admin');
    await expect.poll(() => e.page.getByText('系统管理员').first().isVisible()).toBe(true);
    await expect.poll(() => e.page.getByRole('menuitem', { name: /用户与机构/ }).count()).toBe(1);
    await e.screenshot('home-after-login');
    await e.page.getByText('退出').click();
    await e.page.waitForURL(/\/login/);
    const me = await e.page.evaluate(() => fetch('/api/auth/me').then((r) => r.status));
    expect(me).toBe(401);
  });
});
