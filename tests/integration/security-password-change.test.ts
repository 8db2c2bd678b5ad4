/**
 * A password its owner did not choose — the first admin's generated one, one an administrator set
 * when creating or resetting the account — and an expired one must be changed before anything
 * else: the API (not only the web app) answers 403 PASSWORD_CHANGE_REQUIRED to every route but
 * GET /api/auth/me, logout and POST /api/auth/password, and audits each refusal.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { queryRows, type Database } from '../../src/db/client.js';
import { buildApp } from '../../src/server/app.js';
import { systemActor } from '../../src/services/actor.js';
import { createUser } from '../../src/services/auth/users.service.js';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/database.js';
import { auditRecordsAfter, lastAuditSeq } from '../helpers/db-snapshot.js';

const REQUIRED = { code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改密码' };

interface Client {
  request(method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  loginBody: { user: { mustChangePassword: boolean } };
}

describe.each(DATABASE_KINDS)('password change before anything else on %s', (kind) => {
  let app: FastifyInstance;
  let database: Database;
  let drop: () => Promise<void>;
  const bootstrapLog: string[] = [];

  const login = async (username: string, password: string): Promise<Client> => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
    return {
      loginBody: res.json(),
      request: (method, url, body) =>
        app.inject({ method: method as 'GET', url, cookies, headers: { 'x-csrf-token': cookies.yz_csrf }, ...(body === undefined ? {} : { payload: body as object }) }),
    };
  };
  const flagOf = async (username: string) =>
    (await queryRows<{ flag: boolean }>(database.db, sql`SELECT must_change_password AS flag FROM users WHERE username = ${username}`))[0]?.flag;

  /** The account is held at the password page: business routes refused (and audited), its own routes open. */
  const expectHeld = async (client: Client, username: string) => {
    expect(client.loginBody.user.mustChangePassword).toBe(true);
    for (const [method, url, body] of [
      ['GET', '/api/documents'],
      ['GET', '/api/calendar/years'],
      ['POST', '/api/calendar/years', { year: 2031 }],
    ] as const) {
      const seq = await lastAuditSeq(database);
      const res = await client.request(method, url, body);
      expect([url, res.statusCode, res.json()]).toEqual([url, 403, REQUIRED]);
      const records = await auditRecordsAfter(database, seq);
      expect(records.map((r) => [r.action, r.result, r.details.reason])).toEqual([['access.denied', 'denied', 'password-change-required']]);
    }
    const me = await client.request('GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ username, mustChangePassword: true });
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  };

  beforeAll(async () => {
    // No YIZHENG_ADMIN_PASSWORD: the first start generates the admin's password and prints it once.
    const config = loadConfig({ YIZHENG_IMPORT_BUNDLED: 'false', LOG_LEVEL: 'silent' });
    ({ database, drop } = await openTestDatabase(kind, config, { info: (message) => bootstrapLog.push(message) }));
    app = await buildApp({ database, config, logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  let adminPassword = '';
  it('makes the first admin change the generated password printed at first start', async () => {
    const printed = bootstrapLog.map((line) => /初始密码（仅显示这一次，首次登录须修改）：(\S+)$/.exec(line)?.[1]).find(Boolean);
    expect(printed).toBeTruthy();
    expect(await flagOf('admin')).toBe(true);
    const admin = await login('admin', printed!);
    await expectHeld(admin, 'admin');
    expect((await admin.request('GET', '/api/users')).json()).toEqual(REQUIRED);

    adminPassword = 'Yili-Office-Own-2023';
    const changed = await admin.request('POST', '/api/auth/password', { currentPassword: printed, newPassword: adminPassword });
    expect(changed.statusCode).toBe(200);
    expect(await flagOf('admin')).toBe(false);
    expect((await admin.request('GET', '/api/auth/me')).json().user.mustChangePassword).toBe(false);
    expect((await admin.request('GET', '/api/users')).statusCode).toBe(200);
    expect((await login('admin', adminPassword)).loginBody.user.mustChangePassword).toBe(false);
  });

  it('makes a user change a password an administrator set, at creation and at a reset; logging out stays open', async () => {
    const admin = await login('admin', adminPassword);
    const created = await admin.request('POST', '/api/users', { username: 'clerk1', displayName: '文员', roles: ['office-staff'], password: 'Set-By-Admin-2023' });
    expect(created.statusCode).toBe(201);
    const security = await admin.request('POST', '/api/users', { username: 'guard1', displayName: '安全员', roles: ['security-admin'], password: 'Set-By-Admin-2024' });
    expect(security.statusCode).toBe(201);
    expect(await flagOf('clerk1')).toBe(true);

    const clerk = await login('clerk1', 'Set-By-Admin-2023');
    await expectHeld(clerk, 'clerk1');
    expect((await clerk.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    const again = await login('clerk1', 'Set-By-Admin-2023');
    const wrong = await again.request('POST', '/api/auth/password', { currentPassword: 'not-the-password', newPassword: 'Clerk-Own-Choice-1' });
    expect(wrong.statusCode).toBe(400);
    expect((await again.request('GET', '/api/documents')).statusCode).toBe(403);
    expect((await again.request('POST', '/api/auth/password', { currentPassword: 'Set-By-Admin-2023', newPassword: 'Clerk-Own-Choice-1' })).statusCode).toBe(200);
    expect((await again.request('GET', '/api/documents')).statusCode).toBe(200);

    // The security admin is held too until it changes its own; then it resets the clerk's.
    const guard = await login('guard1', 'Set-By-Admin-2024');
    expect((await guard.request('POST', `/api/users/${created.json().id}/reset-password`, { password: 'Reset-By-Guard-1' })).json()).toEqual(REQUIRED);
    expect((await guard.request('POST', '/api/auth/password', { currentPassword: 'Set-By-Admin-2024', newPassword: 'Guard-Own-Choice-1' })).statusCode).toBe(200);
    expect((await guard.request('POST', `/api/users/${created.json().id}/reset-password`, { password: 'Reset-By-Guard-1' })).statusCode).toBe(200);
    expect((await again.request('GET', '/api/auth/me')).statusCode).toBe(401); // the reset ended the clerk's sessions
    const reset = await login('clerk1', 'Reset-By-Guard-1');
    await expectHeld(reset, 'clerk1');
    expect((await reset.request('POST', '/api/auth/password', { currentPassword: 'Reset-By-Guard-1', newPassword: 'Clerk-Own-Choice-2' })).statusCode).toBe(200);
    expect((await reset.request('GET', '/api/documents')).statusCode).toBe(200);
  });

  it('holds an expired password at the API too, not only in the web app', async () => {
    await createUser(database, systemActor(), { username: 'old1', displayName: '老用户', roles: ['leader'], password: 'Chosen-Long-Ago-1' });
    const fresh = await login('old1', 'Chosen-Long-Ago-1');
    expect(fresh.loginBody.user.mustChangePassword).toBe(false);
    expect((await fresh.request('GET', '/api/documents')).statusCode).toBe(200);
    await database.db.execute(sql`UPDATE users SET password_changed_at = now() - interval '91 days' WHERE username = 'old1'`);
    const expired = await login('old1', 'Chosen-Long-Ago-1');
    expect(await flagOf('old1')).toBe(false);
    await expectHeld(expired, 'old1');
    expect((await expired.request('POST', '/api/auth/password', { currentPassword: 'Chosen-Long-Ago-1', newPassword: 'Chosen-Again-Now-2' })).statusCode).toBe(200);
    expect((await expired.request('GET', '/api/documents')).statusCode).toBe(200);
  });
});
