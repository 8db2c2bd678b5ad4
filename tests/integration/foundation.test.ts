import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { ROUTE_POLICIES } from '../../src/server/policies/index.js';
import { organizations } from '../../src/db/schema/index.js';
import { systemActor } from '../../src/services/actor.js';
import { runAudited, verifyAuditChain } from '../../src/services/audit/audit.service.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { ADMIN_PASSWORD, DATABASE_KINDS } from '../helpers/database.js';

async function auditCount(t: TestApp): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log`);
  return row.n;
}

describe.each(DATABASE_KINDS)('foundation on %s', (kind) => {
  let t: TestApp;
  let clock = new Date('2023-03-01T02:00:00Z');
  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => clock });
  });
  afterAll(async () => t.close());

  it('answers 401 with the error shape to anonymous callers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 'UNAUTHENTICATED', message: '未登录或会话已过期，请重新登录' });
    expect((await t.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });

  it('logs in, tells who is logged in, and logs out', async () => {
    const admin = await t.login('admin');
    const me = await admin.request('GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ username: 'admin', roles: ['system-admin'] });
    const again = await t.login('admin');
    expect(again.cookies.yz_session).not.toBe(admin.cookies.yz_session);
    expect((await admin.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await admin.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await again.request('GET', '/api/auth/me')).statusCode).toBe(200);
  });

  it('locks an account for 15 minutes after 5 wrong passwords, and audits the lock', async () => {
    await t.userWith('lockme', ['office-staff']);
    for (let i = 1; i <= 4; i += 1) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lockme', password: 'wrong-password' } });
      expect(res.statusCode).toBe(401);
      expect(res.json().message).toContain(`再错 ${5 - i} 次`);
    }
    const fifth = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lockme', password: 'wrong-password' } });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lockme', password: ADMIN_PASSWORD } });
    expect(locked.statusCode).toBe(423);
    const locks = await queryRows(t.database.db, sql`SELECT 1 FROM audit_log WHERE action = 'auth.lock' AND object = 'user:lockme'`);
    expect(locks).toHaveLength(1);
    clock = new Date(clock.getTime() + 16 * 60_000);
    const after = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lockme', password: ADMIN_PASSWORD } });
    expect(after.statusCode).toBe(200);
  });

  it('ends a session after 30 idle minutes', async () => {
    const admin = await t.login('admin');
    clock = new Date(clock.getTime() + 29 * 60_000);
    expect((await admin.request('GET', '/api/auth/me')).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect((await admin.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses state changes without the CSRF token', async () => {
    const admin = await t.login('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/organizations',
      cookies: admin.cookies,
      payload: { name: '州财政局', kind: 'unit' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('CSRF');
  });

  it('answers bad input with 400, never 500', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('BAD_JSON');
    const admin = await t.login('admin');
    const extra = await admin.request('POST', '/api/organizations', { name: '州财政局', kind: 'unit', owner: 'x' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().code).toBe('VALIDATION');
    const kindBad = await admin.request('POST', '/api/organizations', { name: '州财政局', kind: 'planet' });
    expect(kindBad.statusCode).toBe(400);
  });

  it('writes exactly one audit record per state-changing request, success or not', async () => {
    const admin = await t.login('admin');
    for (const [payload, status] of [
      [{ name: '州教育局', kind: 'unit' }, 201],
      [{ name: '州教育局', kind: 'unit' }, 409],
      [{ name: '州教育局', kind: 'unit', x: 1 }, 400],
    ] as const) {
      const before = await auditCount(t);
      const res = await admin.request('POST', '/api/organizations', payload);
      expect(res.statusCode).toBe(status);
      expect(await auditCount(t)).toBe(before + 1);
    }
    const before = await auditCount(t);
    await t.app.inject({ method: 'POST', url: '/api/users', payload: {} });
    expect(await auditCount(t)).toBe(before + 1);
  });

  it('keeps the three admin roles apart and the auditor to the audit log', async () => {
    const admin = await t.login('admin');
    const res = await admin.request('POST', '/api/users', {
      username: 'twohats',
      displayName: '兼任',
      roles: ['security-admin', 'auditor'],
      password: 'Ili-Gov-Office-9',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('三权分立');
    const auditor = await t.userWith('auditor1', ['auditor']);
    expect((await auditor.request('GET', '/api/audit')).statusCode).toBe(200);
    const denied = await auditor.request('GET', '/api/users');
    expect(denied.statusCode).toBe(403);
    const rows = await queryRows(t.database.db, sql`SELECT 1 FROM audit_log WHERE action = 'access.denied' AND username = 'auditor1'`);
    expect(rows).toHaveLength(1);
  });

  it('refuses weak passwords with the policy in Chinese', async () => {
    const admin = await t.login('admin');
    const res = await admin.request('POST', '/api/users', { username: 'weak', displayName: '弱', roles: ['leader'], password: 'abc12345' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('密码长度至少12位');
  });

  it('detects an edited audit record at its row', async () => {
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
    await t.database.db.execute(sql`UPDATE audit_log SET username = 'mallory' WHERE seq = 3`);
    const result = await verifyAuditChain(t.database.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.seq).toBe(3);
  });

  it('drops the change when its audit record cannot be written', async () => {
    const before = await auditCount(t);
    const write = runAudited(t.database, systemActor(), { action: 'organization.create', details: { bad: 1n } }, (tx) =>
      tx.insert(organizations).values({ name: '审计失败测试单位', kind: 'unit' }),
    );
    await expect(write).rejects.toThrow();
    const rows = await queryRows(t.database.db, sql`SELECT 1 FROM organizations WHERE name = '审计失败测试单位'`);
    expect(rows).toEqual([]);
    expect(await auditCount(t)).toBe(before);
  });

  it('serves the OpenAPI description', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().paths['/api/auth/login']).toBeDefined();
  });

  it('has a policy entry for every API route (deny by default)', () => {
    const missing = t.routes
      .filter((r) => r.url.startsWith('/api'))
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !ROUTE_POLICIES.has(key));
    expect(missing).toEqual([]);
  });
});
