import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../../db/client.js';
import { DomainError } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupWriter, type BackupHeader, type BackupTable, type EndMarker, type TableMarker } from './backup-file.js';
import {
  foreignKeyOrder,
  ident,
  listForeignKeys,
  listTables,
  readSequences,
  setCanonicalOutput,
  tableChecksum,
  type TableInfo,
} from './catalog.js';

const FETCH_ROWS = 500;

export interface BackupReport {
  file: string;
  bytes: number;
  sha256: string;
  migrations: number;
  tables: { name: string; rows: number; checksum: string }[];
  totalRows: number;
  durationMs: number;
}

/**
 * A logical backup of the whole database in one consistent snapshot (a REPEATABLE READ, READ ONLY
 * transaction): schema_migrations and every table of the public schema, with row counts and
 * checksums in the header. The file appears only when complete. The backup is audited (ops.backup).
 */
export async function createBackup(
  database: Database,
  actor: Actor,
  file: string,
  options: { overwrite?: boolean; now?: () => Date } = {},
): Promise<BackupReport> {
  const started = Date.now();
  const target = path.resolve(file);
  if (fs.existsSync(target) && !options.overwrite) {
    throw new DomainError('CONFLICT', `文件 ${target} 已存在：请换一个文件名，或加 --force 覆盖`, 409);
  }
  const audit = { action: 'ops.backup', object: `backup:${path.basename(target)}` };
  let writer: BackupWriter | null = null;
  try {
    writer = new BackupWriter(target);
    const out = writer;
    const header = await database.db.transaction(
      (tx) => writeSnapshot(tx, database, out, (options.now ?? (() => new Date()))()),
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const { bytes, sha256 } = await out.finish();
    writer = null;
    const tables = header.tables.map(({ name, rows, checksum }) => ({ name, rows, checksum }));
    const totalRows = tables.reduce((n, t) => n + t.rows, 0);
    await recordAudit(database, actor, {
      ...audit,
      details: { file: target, bytes, sha256, tables: tables.length, rows: totalRows, migrations: header.migrations.length },
    });
    return { file: target, bytes, sha256, migrations: header.migrations.length, tables, totalRows, durationMs: Date.now() - started };
  } catch (error) {
    writer?.abort();
    const code = error instanceof DomainError ? error.code : 'INTERNAL';
    await recordAudit(database, actor, { ...audit, result: 'failure', details: { file: target, error: code } }).catch(() => undefined);
    throw error;
  }
}

async function writeSnapshot(tx: Db, database: Database, out: BackupWriter, now: Date): Promise<BackupHeader> {
  await setCanonicalOutput(tx);
  const [{ version }] = await queryRows<{ version: string }>(tx, sql`SELECT version()`);
  const migrations = (await queryRows<{ name: string }>(tx, sql`SELECT name FROM schema_migrations ORDER BY name`)).map((r) => r.name);
  const tables = await listTables(tx);
  const { order } = foreignKeyOrder(
    tables.map((t) => t.name),
    await listForeignKeys(tx),
  );
  const byName = new Map(tables.map((t) => [t.name, t]));
  const entries: BackupTable[] = [];
  for (const name of order) {
    const info = byName.get(name) as TableInfo;
    entries.push({ ...info, ...(await tableChecksum(tx, name)) });
  }
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: now.toISOString(),
    source: { kind: database.kind, location: database.location, serverVersion: version },
    migrations,
    tables: entries,
    sequences: await readSequences(tx),
  };
  await out.line(JSON.stringify(header));
  let total = 0;
  for (const table of entries) {
    await out.line(JSON.stringify({ table: table.name, rows: table.rows } satisfies TableMarker));
    const written = await writeRows(tx, table, out);
    if (written !== table.rows) {
      throw new DomainError('BACKUP_INCONSISTENT', `表 ${table.name} 读到 ${written} 行，与快照计数 ${table.rows} 不符`, 500);
    }
    total += written;
  }
  await out.line(JSON.stringify({ end: BACKUP_FORMAT, tables: entries.length, rows: total } satisfies EndMarker));
  return header;
}

/** Streams a table through a cursor, FETCH_ROWS at a time, in primary-key order. */
async function writeRows(tx: Db, table: TableInfo, out: BackupWriter): Promise<number> {
  const columns = table.columns.filter((c) => !c.generated);
  const values = sql.join(
    columns.map((c) => sql`${ident(c.name)}::text`),
    sql`, `,
  );
  const orderBy = table.primaryKey.length
    ? sql` ORDER BY ${sql.join(
        table.primaryKey.map((k) => ident(k)),
        sql`, `,
      )}`
    : sql``;
  await tx.execute(sql`DECLARE yz_backup NO SCROLL CURSOR FOR
    SELECT to_json(ARRAY[${values}]::text[])::text AS line FROM ${ident(table.name)}${orderBy}`);
  let written = 0;
  for (;;) {
    const rows = await queryRows<{ line: string }>(tx, sql`FETCH FORWARD ${sql.raw(String(FETCH_ROWS))} FROM yz_backup`);
    for (const row of rows) await out.line(row.line);
    written += rows.length;
    if (rows.length < FETCH_ROWS) break;
  }
  await tx.execute(sql`CLOSE yz_backup`);
  return written;
}
