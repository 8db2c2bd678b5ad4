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

  it('takes a user whose password an administrator set to the password page first, then to the home page', async () => {
    const admin = await e.t.login('admin');
    const created = await admin.request('POST', '/api/users', { username: 'clerk-e2e', displayName: '新来的文员', roles: ['office-staff'], password: 'Set-By-Admin-2023' });
    expect(created.statusCode).toBe(201);
    await e.loginAs('clerk-e2e', 'Set-By-Admin-2023');
    await e.page.waitForURL(/\/account\/password$/);
    await expect.poll(() => e.page.getByText('请先修改密码再使用系统').count()).toBeGreaterThan(0);
    expect(await e.page.getByRole('menuitem').count()).toBe(0);
    const refused = await e.page.evaluate(() => fetch('/api/documents').then(async (r) => ({ status: r.status, body: await r.json() })));
    expect(refused).toEqual({ status: 403, body: { code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改密码' } });
    await e.screenshot('password-change-first');
    await e.page.goto(`${e.baseUrl}/documents`);
    await e.page.waitForURL(/\/account\/password$/);

    await e.page.getByLabel('当前密码').fill('Set-By-Admin-2023');
    await e.page.getByLabel('新密码', { exact: true }).fill('Clerk-Own-Choice-1');
    await e.page.getByLabel('确认新密码').fill('Clerk-Own-Choice-1');
    await e.page.getByRole('button', { name: /确认修改/ }).click();
    await e.page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => e.page.getByRole('menuitem', { name: /公文/ }).count()).toBeGreaterThan(0);
    const allowed = await e.page.evaluate(() => fetch('/api/documents').then((r) => r.status));
    expect(allowed).toBe(200);
  });
});
