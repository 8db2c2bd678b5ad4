import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openDatabase, queryRows, type Database } from '../../src/db/client.js';
import { buildApp } from '../../src/server/app.js';
import { systemActor } from '../../src/services/actor.js';
import { verifyAuditChain } from '../../src/services/audit/audit.service.js';
import { createUser } from '../../src/services/auth/users.service.js';
import { bootstrapDatabase } from '../../src/services/bootstrap.js';
import { archiveAuditRecords } from '../../src/services/ops/audit-retention.js';
import { ADMIN_PASSWORD, openTestDatabase, testConfig } from '../helpers/database.js';

/**
 * PostgreSQL mode, production layout: the owner of the database ran the migrations; the app
 * connects as another role. Even with every table privilege granted (the careless `GRANT ALL`),
 * that role cannot UPDATE, DELETE or TRUNCATE audit rows (migration 0600), while the app still
 * writes its records, `audit verify` passes, and the owner can still archive.
 */
describe('audit_log is append-only for the app role (PostgreSQL)', () => {
  const role = `yz_app_${randomBytes(5).toString('hex')}`;
  let owner: Awaited<ReturnType<typeof openTestDatabase>>;
  let appDatabase: Database;
  let app: FastifyInstance;

  async function asAdmin(text: string) {
    const client = new pg.Client({ connectionString: inject('postgresAdminUrl') });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  }

  async function ownerQuery(text: string) {
    const client = new pg.Client({ connectionString: owner.url as string });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    const config = testConfig();
    owner = await openTestDatabase('postgres', config);
    await asAdmin(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`);
    await ownerQuery(`GRANT ALL PRIVILEGES ON ALL TABLES IN SCHEMA public TO ${role};
                      GRANT ALL PRIVILEGES ON ALL SEQUENCES IN SCHEMA public TO ${role};
                      GRANT USAGE ON SCHEMA public TO ${role}`);
    const url = new URL(owner.url as string);
    url.username = role;
    appDatabase = await openDatabase({ kind: 'postgres', url: url.toString() }, async () => undefined);
    // The app's own start as the app role: migrations are found applied, the admin exists.
    await bootstrapDatabase(appDatabase, config, { info: () => undefined });
    app = await buildApp({ database: appDatabase, config, logger: false });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await appDatabase?.close();
    await owner?.drop();
    await asAdmin(`DROP ROLE IF EXISTS ${role}`);
  });

  const lastRecord = async (db: Database) =>
    (await queryRows<{ seq: string; action: string; result: string }>(db.db, sql`SELECT seq::text, action, result FROM audit_log ORDER BY seq DESC LIMIT 1`))[0];

  it('connects as a role that neither owns audit_log nor is a superuser', async () => {
    const [who] = await queryRows<{ user: string; superuser: boolean; owner: string }>(
      appDatabase.db,
      sql`SELECT current_user AS user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
                 (SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log' AND schemaname = 'public') AS owner`,
    );
    expect(who).toEqual({ user: role, superuser: false, owner: expect.not.stringMatching(role) });
  });

  it('writes audit records through the app', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } });
    expect(login.statusCode).toBe(200);
    const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
    const before = await lastRecord(appDatabase);
    const res = await app.inject({
      method: 'POST',
      url: '/api/organizations',
      cookies,
      headers: { 'x-csrf-token': cookies.yz_csrf },
      payload: { name: '审计权限测试单位', kind: 'unit' },
    });
    expect(res.statusCode).toBe(201);
    const after = await lastRecord(appDatabase);
    expect(Number(after.seq)).toBe(Number(before.seq) + 1);
    expect(after).toMatchObject({ action: 'organization.create', result: 'success' });
  });

  it.each([
    ['UPDATE', sql`UPDATE audit_log SET username = 'mallory' WHERE seq = (SELECT max(seq) FROM audit_log)`],
    ['UPDATE of every row', sql`UPDATE audit_log SET details = '{}'`],
    ['DELETE', sql`DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)`],
    ['DELETE of every row', sql`DELETE FROM audit_log`],
    ['TRUNCATE', sql`TRUNCATE audit_log`],
    ['turning the trigger off', sql`ALTER TABLE audit_log DISABLE TRIGGER USER`],
    ['dropping the trigger', sql`DROP TRIGGER audit_log_append_only_rows ON audit_log`],
  ])('refuses %s as the app role', async (_name, statement) => {
    const count = async () => Number((await queryRows<{ n: string }>(appDatabase.db, sql`SELECT count(*)::text AS n FROM audit_log`))[0].n);
    const before = await count();
    const refusal = await appDatabase.db.execute(statement).then(
      () => 'executed',
      (error: unknown) => {
        const cause = (error as { cause?: { message?: string; code?: string } }).cause;
        return `${cause?.code ?? ''} ${cause?.message ?? String(error)}`;
      },
    );
    // 42501 insufficient_privilege: the trigger's refusal, or "must be owner of table audit_log".
    expect(refusal).toMatch(/^42501 .*(append-only|must be owner)/);
    expect(await count()).toBe(before);
    expect((await verifyAuditChain(appDatabase.db)).ok).toBe(true);
  });

  it('still verifies: `audit verify` as the app role and through the API', async () => {
    const result = await verifyAuditChain(appDatabase.db);
    expect(result).toMatchObject({ ok: true });
    expect(result.checked).toBeGreaterThan(1);
    await createUser(appDatabase, systemActor(), { username: 'auditor-role', displayName: '审计员', roles: ['auditor'], organizationId: null, password: ADMIN_PASSWORD });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'auditor-role', password: ADMIN_PASSWORD } });
    expect(login.statusCode).toBe(200);
    const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
    const res = await app.inject({ method: 'GET', url: '/api/audit/verify', cookies });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, firstBroken: null });
  });

  it('lets the owner archive (audit archive) and the chain still verifies for the app role', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-audit-role-'));
    try {
      const now = new Date(Date.now() + 400 * 86_400_000);
      const report = await archiveAuditRecords(owner.database, systemActor(), {
        before: new Date(Date.now() + 86_400_000),
        file: path.join(dir, 'archive.jsonl.gz'),
        now,
        retentionDays: 180,
      });
      expect(report.archived).toBeGreaterThan(0);
      expect((await lastRecord(appDatabase)).action).toBe('audit.archive');
      expect((await verifyAuditChain(appDatabase.db)).ok).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
