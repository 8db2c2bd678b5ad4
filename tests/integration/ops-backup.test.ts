import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase, queryRows, type Database } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { DomainError } from '../../src/domain/errors.js';
import { systemActor } from '../../src/services/actor.js';
import { runAudited, verifyAuditChain } from '../../src/services/audit/audit.service.js';
import { createBackup } from '../../src/services/ops/backup.js';
import { listTables, setCanonicalOutput, tableChecksums } from '../../src/services/ops/catalog.js';
import { restoreBackup } from '../../src/services/ops/restore.js';
import { openRuntime } from '../../src/runtime.js';
import { createUser } from '../../src/services/auth/users.service.js';
import { ADMIN_PASSWORD, DATABASE_KINDS, openTestDatabase, testConfig, type TestDatabaseKind } from '../helpers/database.js';

const run = promisify(execFile);
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-ops-'));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));
const fileIn = (name: string) => path.join(workDir, `${name}-${randomBytes(4).toString('hex')}.yzb`);

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A database migrated and nothing else: what `restore` expects. */
async function openEmptyDatabase(kind: TestDatabaseKind): Promise<{ database: Database; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite-memory' }, async () => undefined);
    await migrate(database);
    return { database, drop: () => database.close() };
  }
  const name = `yz_ops_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(inject('postgresAdminUrl'));
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() }, async () => undefined);
  await migrate(database);
  return {
    database,
    async drop() {
      await database.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * Types and shapes no module has yet, created the same way on both sides of a restore: identity
 * and generated columns, bytea, JSON null vs SQL NULL, floats at the edges, arrays, a table with no
 * primary key and duplicate rows, a self-reference and a ring of two tables, a trigger.
 */
async function addExoticTables(database: Database): Promise<void> {
  await database.rawTransaction((q) =>
    q.exec(`
      CREATE TABLE ops_exotic (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        parent_id integer REFERENCES ops_exotic(id),
        label text NOT NULL,
        label_length integer GENERATED ALWAYS AS (length(label)) STORED,
        data bytea,
        doc jsonb,
        ratio double precision,
        amount numeric(14, 2),
        at timestamptz,
        day date,
        span interval,
        tags text[],
        stamped_at timestamptz
      );
      CREATE TABLE ops_no_key (v text, n integer);
      CREATE TABLE ops_ring_a (id integer PRIMARY KEY, b_id integer);
      CREATE TABLE ops_ring_b (id integer PRIMARY KEY, a_id integer REFERENCES ops_ring_a(id));
      ALTER TABLE ops_ring_a ADD FOREIGN KEY (b_id) REFERENCES ops_ring_b(id);
      CREATE SEQUENCE ops_counter START 40;
      CREATE FUNCTION ops_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN NEW.stamped_at := now(); RETURN NEW; END $$;
      CREATE TRIGGER ops_stamp BEFORE INSERT ON ops_exotic FOR EACH ROW EXECUTE FUNCTION ops_stamp();
    `),
  );
}

async function fillExoticTables(database: Database): Promise<void> {
  await database.rawTransaction(async (q) => {
    await q.exec(`
      INSERT INTO ops_exotic (label, data, doc, ratio, amount, at, day, span, tags) VALUES
        ('根', '\\x00ff10'::bytea, 'null'::jsonb, 0.1, 12345678.90, '2023-02-10T08:30:00.123456+08', '2023-02-10', '1 day 02:03:04', ARRAY['a', 'b,"c"', NULL]),
        ('带引号 "x" 和反斜杠 \\ 与换行
第二行', NULL, '{"k": [1, 2.5, "三"], "n": null}', 'NaN', -0.01, NULL, NULL, NULL, '{}'),
        ('极值', '', '"文本"', 1e-300, 0, '1970-01-01T00:00:00Z', '0001-01-01', '-3 mons', NULL);
      UPDATE ops_exotic SET parent_id = 1 WHERE id > 1;
      UPDATE ops_exotic SET parent_id = 3 WHERE id = 1;
      INSERT INTO ops_no_key VALUES ('重复', 1), ('重复', 1), (NULL, NULL);
      INSERT INTO ops_ring_a VALUES (1, NULL);
      INSERT INTO ops_ring_b VALUES (1, 1);
      UPDATE ops_ring_a SET b_id = 1;
    `);
    await q.query(`SELECT nextval('ops_counter'), nextval('ops_counter')`);
  });
}

async function checksumsOf(database: Database): Promise<Record<string, string>> {
  return database.db.transaction(async (tx) => {
    await setCanonicalOutput(tx);
    const names = (await listTables(tx)).map((t) => t.name);
    const sums = await tableChecksums(tx, names);
    return Object.fromEntries([...sums].map(([name, s]) => [name, `${s.rows}:${s.checksum}`]));
  });
}

async function rowCounts(database: Database): Promise<number> {
  const tables = await database.db.transaction((tx) => listTables(tx));
  let total = 0;
  for (const t of tables.filter((x) => x.name !== 'schema_migrations')) {
    const [{ n }] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM ${sql.raw(`"${t.name}"`)}`);
    total += n;
  }
  return total;
}

async function expectDomainError(promise: Promise<unknown>, code: string, message: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  expect((error as DomainError).message).toMatch(message);
}

// Each test opens several databases (a PGlite bootstrap seeds the calendar): minutes on a busy machine.
describe.each(DATABASE_KINDS)('backup and restore on %s', { timeout: 240_000 }, (kind) => {
  let source: Awaited<ReturnType<typeof openTestDatabase>>;
  let file: string;
  let before: Record<string, string>;
  beforeAll(async () => {
    source = await openTestDatabase(kind);
    await addExoticTables(source.database);
    await fillExoticTables(source.database);
    for (const name of ['州财政局', '州体育局', '伊宁市']) {
      await runAudited(source.database, systemActor(), { action: 'organization.create', object: `organization:${name}` }, (tx) =>
        tx.execute(sql`INSERT INTO organizations (name, kind) VALUES (${name}, 'unit')`),
      );
    }
    file = fileIn('source');
    before = await checksumsOf(source.database);
    const report = await createBackup(source.database, systemActor(), file);
    expect(report.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['schema_migrations', 'audit_log', 'ops_exotic', 'ops_no_key']));
    expect(report.tables.find((t) => t.name === 'ops_no_key')?.rows).toBe(3);
  });
  afterAll(async () => source.drop());

  it('audits the backup, after the snapshot it copies', async () => {
    const rows = await queryRows<{ details: { sha256: string; rows: number } }>(
      source.database.db,
      sql`SELECT details FROM audit_log WHERE action = 'ops.backup' AND result = 'success'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].details.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('restores into an empty database with equal checksums, sequences and a verifying audit chain', async () => {
    const target = await openEmptyDatabase(kind);
    try {
      await addExoticTables(target.database);
      const report = await restoreBackup(target.database, systemActor(), file);
      expect(report.tables.every((t) => t.equal)).toBe(true);
      expect(report.auditChain.ok).toBe(true);
      const after = await checksumsOf(target.database);
      const { audit_log: auditBefore, ...restBefore } = before;
      const { audit_log: auditAfter, ...restAfter } = after;
      expect(restAfter).toEqual(restBefore);
      // The restored chain plus one record: the restore itself. (The backup's own record comes
      // after the snapshot it took, so it is not in the file.)
      expect(Number(auditAfter.split(':')[0])).toBe(Number(auditBefore.split(':')[0]) + 1);
      const [last] = await queryRows<{ action: string }>(target.database.db, sql`SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1`);
      expect(last.action).toBe('ops.restore');
      expect((await verifyAuditChain(target.database.db)).ok).toBe(true);
      const [seq] = await queryRows<{ n: string }>(target.database.db, sql`SELECT nextval('ops_counter')::text AS n`);
      expect(seq.n).toBe('42');
      const [identity] = await queryRows<{ id: number }>(target.database.db, sql`INSERT INTO ops_exotic (label) VALUES ('新') RETURNING id`);
      expect(identity.id).toBe(4);
      const [stamped] = await queryRows<{ same: boolean }>(
        target.database.db,
        sql`SELECT (SELECT stamped_at FROM ops_exotic WHERE id = 1) = ${
          (await queryRows<{ t: string }>(source.database.db, sql`SELECT stamped_at::text AS t FROM ops_exotic WHERE id = 1`))[0].t
        }::timestamptz AS same`,
      );
      expect(stamped.same).toBe(true);
    } finally {
      await target.drop();
    }
  });

  it('refuses a database that is in use, or on other migrations, in Chinese, writing nothing', async () => {
    const used = await openTestDatabase(kind);
    try {
      await addExoticTables(used.database);
      const count = await rowCounts(used.database);
      await expectDomainError(restoreBackup(used.database, systemActor(), file), 'RESTORE_TARGET_NOT_EMPTY', /不是空库.*createdb/);
      expect(await rowCounts(used.database)).toBe(count);
    } finally {
      await used.drop();
    }
    const older = await openEmptyDatabase(kind);
    try {
      await addExoticTables(older.database);
      await older.database.db.execute(sql`DELETE FROM schema_migrations WHERE name = '0010_ops.sql'`);
      await expectDomainError(restoreBackup(older.database, systemActor(), file), 'RESTORE_MIGRATIONS_DIFFER', /迁移与备份不一致.*0010_ops\.sql/);
      const plain = await openEmptyDatabase(kind);
      try {
        await expectDomainError(restoreBackup(plain.database, systemActor(), file), 'RESTORE_SCHEMA_DIFFERS', /本库没有表 ops_exotic/);
      } finally {
        await plain.drop();
      }
    } finally {
      await older.drop();
    }
  });

  it('rejects a truncated, a damaged and an edited file, and writes nothing', async () => {
    const whole = fs.readFileSync(file);
    const truncated = fileIn('truncated');
    fs.writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const damaged = fileIn('damaged');
    const flipped = Buffer.from(whole);
    flipped[Math.floor(flipped.length / 2)] ^= 0xff;
    fs.writeFileSync(damaged, flipped);
    const edited = fileIn('edited');
    const text = zlib.gunzipSync(whole).toString('utf8').replaceAll('州体育局', '州体育馆');
    fs.writeFileSync(edited, zlib.gzipSync(text));
    const cut = fileIn('cut-lines');
    const lines = zlib.gunzipSync(whole).toString('utf8').split('\n');
    fs.writeFileSync(cut, zlib.gzipSync(lines.slice(0, lines.length - 3).join('\n') + '\n'));
    const notBackup = fileIn('not-a-backup');
    fs.writeFileSync(notBackup, 'hello');

    const target = await openEmptyDatabase(kind);
    try {
      await addExoticTables(target.database);
      const empty = await checksumsOf(target.database);
      await expectDomainError(restoreBackup(target.database, systemActor(), truncated), 'BACKUP_CORRUPT', /截断/);
      await expectDomainError(restoreBackup(target.database, systemActor(), damaged), 'BACKUP_CORRUPT', /无法使用/);
      await expectDomainError(restoreBackup(target.database, systemActor(), edited), 'BACKUP_CORRUPT', /校验和与备份不符：.*organizations/);
      await expectDomainError(restoreBackup(target.database, systemActor(), cut), 'BACKUP_CORRUPT', /截断|结尾/);
      await expectDomainError(restoreBackup(target.database, systemActor(), notBackup), 'BACKUP_CORRUPT', /无法使用/);
      expect(await checksumsOf(target.database)).toEqual(empty);
      expect(await rowCounts(target.database)).toBe(0);
      // And the same database still takes the good file afterwards.
      const report = await restoreBackup(target.database, systemActor(), file);
      expect(report.tables.every((t) => t.equal)).toBe(true);
    } finally {
      await target.drop();
    }
  });

  it('refuses to overwrite a file and leaves no partial file behind', async () => {
    await expectDomainError(createBackup(source.database, systemActor(), file), 'CONFLICT', /已存在/);
    expect(fs.readdirSync(workDir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });
});

describe('backup and restore across databases', { timeout: 240_000 }, () => {
  it('goes from PGlite to PostgreSQL and back with equal checksums', async () => {
    const first = await openTestDatabase('pglite');
    const pgTarget = await openEmptyDatabase('postgres');
    const back = await openEmptyDatabase('pglite');
    try {
      await addExoticTables(first.database);
      await fillExoticTables(first.database);
      const original = await checksumsOf(first.database);
      const one = fileIn('pglite');
      await createBackup(first.database, systemActor(), one);
      await addExoticTables(pgTarget.database);
      const toPg = await restoreBackup(pgTarget.database, systemActor(), one);
      expect(toPg.tables.every((t) => t.equal)).toBe(true);
      const two = fileIn('postgres');
      await createBackup(pgTarget.database, systemActor(), two);
      await addExoticTables(back.database);
      const toPglite = await restoreBackup(back.database, systemActor(), two);
      expect(toPglite.tables.every((t) => t.equal)).toBe(true);
      const { audit_log: _a, ...rest } = await checksumsOf(back.database);
      const { audit_log: _b, ...originalRest } = original;
      expect(rest).toEqual(originalRest);
      // The chain carries both restores (each backup's record comes after its snapshot).
      const actions = await queryRows<{ action: string }>(back.database.db, sql`SELECT action FROM audit_log ORDER BY seq DESC LIMIT 2`);
      expect(actions.map((a) => a.action)).toEqual(['ops.restore', 'ops.restore']);
      expect((await verifyAuditChain(back.database.db)).ok).toBe(true);
    } finally {
      await first.drop();
      await pgTarget.drop();
      await back.drop();
    }
  });
});

describe('backup and restore from the command line', () => {
  const cli = (dataDir: string, args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: { ...process.env, YIZHENG_DATA_DIR: dataDir, YIZHENG_ADMIN_PASSWORD: ADMIN_PASSWORD, YIZHENG_IMPORT_BUNDLED: 'false', LOG_LEVEL: 'silent' },
    });

  it('backs up an embedded data dir and restores it into a new one, atomically', async () => {
    const from = path.join(workDir, 'data-from');
    const to = path.join(workDir, 'data-to');
    const config = testConfig({ YIZHENG_DATA_DIR: from });
    const source = await openRuntime(config, { info: () => undefined });
    await createUser(source, systemActor(), { username: 'clerk1', displayName: '办公室文员', roles: ['office-staff'], organizationId: null, password: ADMIN_PASSWORD });
    await source.close();

    const file = fileIn('cli');
    const backup = JSON.parse((await cli(from, ['backup', file, '--json'])).stdout) as { tables: { name: string; rows: number }[] };
    expect(backup.tables.find((t) => t.name === 'users')?.rows).toBe(2);

    const broken = fileIn('cli-broken');
    fs.writeFileSync(broken, fs.readFileSync(file).subarray(0, 200));
    const failed = await cli(to, ['restore', broken]).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('未写入任何数据');
    expect(fs.readdirSync(to).filter((f) => f.startsWith('pgdata'))).toEqual([]);

    const restored = await cli(to, ['restore', file]);
    expect(restored.stdout).toContain('校验和全部一致');
    const verify = await cli(to, ['audit', 'verify']);
    expect(verify.stdout).toMatch(/审计日志完整/);
    const copy = await openDatabase({ kind: 'pglite', dataDir: to }, async () => undefined);
    try {
      const users = await queryRows<{ username: string }>(copy.db, sql`SELECT username FROM users ORDER BY username`);
      expect(users.map((u) => u.username)).toEqual(['admin', 'clerk1']);
    } finally {
      await copy.close();
    }
  }, 480_000);
});
