import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../../db/client.js';
import { DomainError } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import { appendAudit, verifyAuditChain } from '../audit/audit.service.js';
import {
  BACKUP_FORMAT,
  backupLines,
  corrupt,
  parseHeader,
  parseMarker,
  type BackupHeader,
  type BackupTable,
  type EndMarker,
  type TableMarker,
} from './backup-file.js';
import {
  applySequences,
  foreignKeyOrder,
  ident,
  listForeignKeys,
  listTables,
  quoteIdent,
  setCanonicalOutput,
  tableChecksums,
  type ForeignKey,
  type TableInfo,
} from './catalog.js';

const BATCH_ROWS = 1000;
const BATCH_CHARS = 4_000_000;

export interface RestoreReport {
  file: string;
  source: BackupHeader['source'] & { createdAt: string };
  tables: { name: string; rows: number; checksum: string; restoredChecksum: string; equal: boolean }[];
  totalRows: number;
  auditChain: { ok: boolean; checked: number };
  durationMs: number;
}

/** Tables whose rows mean the database has been used: the first start creates admin and audits it. */
const USED_MARKERS = ['audit_log', 'users'];

/**
 * Restores a backup into an empty database migrated to the same migrations, in one transaction:
 * nothing is kept unless every table's row count and checksum equal the backup's and the audit
 * chain verifies. The restore is audited (ops.restore) in the same transaction, chained after the
 * restored records. A failed restore writes nothing, not even an audit record, so it can be retried.
 */
export async function restoreBackup(database: Database, actor: Actor, file: string): Promise<RestoreReport> {
  const started = Date.now();
  const source = path.resolve(file);
  const lines = backupLines(source);
  const first = await lines.next();
  const header = parseHeader(source, first.done ? undefined : first.value);
  try {
    return await database.db.transaction(async (tx) => {
      await setCanonicalOutput(tx);
      const plan = await prepareTarget(tx, header);
      await loadRows(tx, source, header, plan, lines);
      await finishConstraints(tx, plan);
      await applySequences(tx, header.sequences);
      const tables = await compareChecksums(tx, source, header);
      const chain = await verifyAuditChain(tx);
      if (!chain.ok) {
        throw new DomainError(
          'BACKUP_AUDIT_BROKEN',
          `恢复后审计日志哈希链校验失败（第 ${chain.firstBroken?.seq} 条：${chain.firstBroken?.reason}）：备份时的审计日志已被破坏。未写入任何数据。`,
          409,
        );
      }
      const totalRows = tables.reduce((n, t) => n + t.rows, 0);
      await appendAudit(tx, actor, {
        action: 'ops.restore',
        object: `backup:${path.basename(source)}`,
        details: { file: source, createdAt: header.createdAt, source: header.source.kind, tables: tables.length, rows: totalRows },
      });
      return {
        file: source,
        source: { ...header.source, createdAt: header.createdAt },
        tables,
        totalRows,
        auditChain: { ok: chain.ok, checked: chain.checked },
        durationMs: Date.now() - started,
      };
    });
  } finally {
    await lines.return(undefined);
  }
}

interface LoadPlan {
  tables: Map<string, TableInfo>;
  /** Foreign keys checked at commit instead of row by row; `altered` ones are made NOT DEFERRABLE again. */
  deferred: ForeignKey[];
  /** Per table: foreign keys that must find their referenced table already loaded. */
  orderedKeys: ForeignKey[];
  withTriggers: string[];
}

async function prepareTarget(tx: Db, header: BackupHeader): Promise<LoadPlan> {
  const migrations = (await queryRows<{ name: string }>(tx, sql`SELECT name FROM schema_migrations ORDER BY name`)).map((r) => r.name);
  if (migrations.join('\n') !== [...header.migrations].sort().join('\n')) {
    const missing = header.migrations.filter((m) => !migrations.includes(m));
    const extra = migrations.filter((m) => !header.migrations.includes(m));
    throw new DomainError(
      'RESTORE_MIGRATIONS_DIFFER',
      `目标数据库的迁移与备份不一致（备份有而本库没有：${missing.join('、') || '无'}；本库有而备份没有：${extra.join('、') || '无'}）。` +
        '请用生成该备份的同一版本程序恢复，恢复后再升级。',
      409,
    );
  }
  const tables = await listTables(tx);
  checkSameTables(tables, header.tables);
  for (const marker of USED_MARKERS) {
    const [{ n }] = await queryRows<{ n: string }>(tx, sql`SELECT count(*)::text AS n FROM ${ident(marker)}`);
    if (Number(n) > 0) {
      throw new DomainError(
        'RESTORE_TARGET_NOT_EMPTY',
        `目标数据库不是空库（表 ${marker} 已有 ${n} 行）。恢复只写入从未启动过的空库：` +
          'PostgreSQL 请新建数据库（createdb）后直接恢复，嵌入式数据库请把 YIZHENG_DATA_DIR 指向一个新目录。',
        409,
      );
    }
  }
  // What is left can only come from migrations (reference data); the backup carries it too.
  const names = tables.map((t) => t.name);
  await tx.execute(sql`TRUNCATE ${sql.join(names.map(ident), sql`, `)}`);
  const { deferred } = foreignKeyOrder(names, await listForeignKeys(tx));
  const all = await listForeignKeys(tx);
  for (const fk of deferred) {
    if (!fk.deferrable) {
      await tx.execute(sql`ALTER TABLE ${ident(fk.table)} ALTER CONSTRAINT ${ident(fk.name)} DEFERRABLE INITIALLY DEFERRED`);
    }
    await tx.execute(sql`SET CONSTRAINTS ${ident(fk.name)} DEFERRED`);
  }
  const withTriggers = (
    await queryRows<{ name: string }>(
      tx,
      sql`SELECT DISTINCT c.relname AS name FROM pg_trigger g
            JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND NOT g.tgisinternal ORDER BY 1`,
    )
  ).map((r) => r.name);
  // A restore writes rows as they were: user triggers (timestamps, derived columns) stay off.
  for (const table of withTriggers) await tx.execute(sql`ALTER TABLE ${ident(table)} DISABLE TRIGGER USER`);
  const deferredNames = new Set(deferred.map((fk) => fk.name + '\u0000' + fk.table));
  return {
    tables: new Map(tables.map((t) => [t.name, t])),
    deferred,
    orderedKeys: all.filter((fk) => !deferredNames.has(fk.name + '\u0000' + fk.table)),
    withTriggers,
  };
}

function describeColumns(t: { columns: { name: string; type: string; generated: boolean }[] }): string {
  return t.columns.map((c) => `${c.name}:${c.type}${c.generated ? ':generated' : ''}`).join(',');
}

function checkSameTables(target: TableInfo[], backup: BackupTable[]): void {
  const byName = new Map(target.map((t) => [t.name, t]));
  const problems: string[] = [];
  for (const t of backup) {
    const mine = byName.get(t.name);
    if (!mine) problems.push(`本库没有表 ${t.name}`);
    else if (describeColumns(mine) !== describeColumns(t)) problems.push(`表 ${t.name} 的列与备份不同`);
  }
  const inBackup = new Set(backup.map((t) => t.name));
  for (const t of target) if (!inBackup.has(t.name)) problems.push(`备份中没有表 ${t.name}`);
  if (problems.length) {
    throw new DomainError('RESTORE_SCHEMA_DIFFERS', `目标数据库的表结构与备份不一致：${problems.join('；')}。`, 409);
  }
}

async function loadRows(
  tx: Db,
  file: string,
  header: BackupHeader,
  plan: LoadPlan,
  lines: AsyncGenerator<string>,
): Promise<void> {
  let lineNo = 1;
  const next = async (): Promise<string> => {
    const r = await lines.next();
    lineNo += 1;
    if (r.done) throw corrupt(file, `第 ${lineNo} 行之前文件就结束了（文件被截断）`);
    return r.value;
  };
  const loaded = new Set<string>();
  let total = 0;
  for (const expected of header.tables) {
    const marker = parseMarker<TableMarker>(file, await next(), lineNo);
    if (marker.table !== expected.name || marker.rows !== expected.rows) {
      throw corrupt(file, `第 ${lineNo} 行应是表 ${expected.name}（${expected.rows} 行）的开头`);
    }
    const waiting = plan.orderedKeys.filter((fk) => fk.table === expected.name && !loaded.has(fk.references));
    if (waiting.length) {
      throw corrupt(file, `表 ${expected.name} 排在它引用的表 ${waiting.map((fk) => fk.references).join('、')} 之前`);
    }
    const insert = insertStatement(file, plan.tables.get(expected.name) as TableInfo);
    let batch: string[] = [];
    let chars = 0;
    for (let i = 0; i < expected.rows; i += 1) {
      const line = await next();
      if (!line.startsWith('[')) throw corrupt(file, `第 ${lineNo} 行应是表 ${expected.name} 的一行数据`);
      batch.push(line);
      chars += line.length;
      if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) {
        await insert(tx, batch);
        batch = [];
        chars = 0;
      }
    }
    if (batch.length) await insert(tx, batch);
    loaded.add(expected.name);
    total += expected.rows;
  }
  const end = parseMarker<EndMarker>(file, await next(), lineNo);
  if (end.end !== BACKUP_FORMAT || end.tables !== header.tables.length || end.rows !== total) {
    throw corrupt(file, '结尾标记与文件头不符');
  }
  const after = await lines.next();
  if (!after.done) throw corrupt(file, '结尾标记之后还有内容');
}

/** INSERT … SELECT over a JSON array of rows; each column cast from its text form. */
function insertStatement(file: string, table: TableInfo): (tx: Db, rows: string[]) => Promise<void> {
  const columns = table.columns.filter((c) => !c.generated);
  const names = sql.join(
    columns.map((c) => ident(c.name)),
    sql`, `,
  );
  const values = sql.join(
    columns.map((c, i) => sql.raw(`(r->>${i})::${c.type}`)),
    sql`, `,
  );
  const overriding = columns.some((c) => c.identity) ? sql` OVERRIDING SYSTEM VALUE` : sql``;
  return async (tx, rows) => {
    try {
      await tx.execute(
        sql`INSERT INTO ${ident(table.name)} (${names})${overriding} SELECT ${values} FROM json_array_elements(${`[${rows.join(',')}]`}::json) AS r`,
      );
    } catch (error) {
      // Damaged rows (or a file edited by hand) that the database refuses.
      throw corrupt(file, `表 ${table.name} 的数据无法写入（${reasonOf(error)}）`);
    }
  };
}

/** The database's own words for a failed statement (drizzle wraps them with the whole query). */
function reasonOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message.slice(0, 300) : String(cause);
}

async function finishConstraints(tx: Db, plan: LoadPlan): Promise<void> {
  await tx.execute(sql`SET CONSTRAINTS ALL IMMEDIATE`);
  for (const fk of plan.deferred) {
    if (!fk.deferrable) await tx.execute(sql`ALTER TABLE ${ident(fk.table)} ALTER CONSTRAINT ${ident(fk.name)} NOT DEFERRABLE`);
  }
  for (const table of plan.withTriggers) await tx.execute(sql`ALTER TABLE ${ident(table)} ENABLE TRIGGER USER`);
}

async function compareChecksums(tx: Db, file: string, header: BackupHeader): Promise<RestoreReport['tables']> {
  const restored = await tableChecksums(
    tx,
    header.tables.map((t) => t.name),
  );
  const tables = header.tables.map((t) => {
    const now = restored.get(t.name) ?? { rows: -1, checksum: '' };
    return { name: t.name, rows: t.rows, checksum: t.checksum, restoredChecksum: now.checksum, equal: now.rows === t.rows && now.checksum === t.checksum };
  });
  const different = tables.filter((t) => !t.equal);
  if (different.length) {
    throw corrupt(file, `恢复后校验和与备份不符：${different.map((t) => quoteIdent(t.name)).join('、')}`);
  }
  return tables;
}
