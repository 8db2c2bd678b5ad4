import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';

/**
 * What a backup holds, read from the database catalog rather than from a list in code: every
 * ordinary table of the `public` schema (the modules add theirs through migrations), its columns,
 * primary key and foreign keys, and every sequence.
 */
export interface TableColumn {
  name: string;
  /** `format_type` spelling, e.g. `timestamp with time zone`, `text[]`, `character varying(100)`. */
  type: string;
  /** Stored generated column: recomputed on insert, so never written. */
  generated: boolean;
  /** Identity column: inserted with OVERRIDING SYSTEM VALUE. */
  identity: boolean;
}

export interface TableInfo {
  name: string;
  columns: TableColumn[];
  primaryKey: string[];
}

export interface ForeignKey {
  name: string;
  table: string;
  references: string;
  deferrable: boolean;
}

export interface SequenceValue {
  name: string;
  value: string;
  isCalled: boolean;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function ident(name: string) {
  return sql.raw(quoteIdent(name));
}

/**
 * Text output must not depend on the session: both ends of a backup (PGlite or PostgreSQL, any
 * server time zone) set these before reading rows or checksums.
 */
export async function setCanonicalOutput(tx: Db): Promise<void> {
  await tx.execute(sql`SET LOCAL TimeZone = 'UTC'`);
  await tx.execute(sql`SET LOCAL DateStyle = 'ISO, YMD'`);
  await tx.execute(sql`SET LOCAL IntervalStyle = 'postgres'`);
  await tx.execute(sql`SET LOCAL extra_float_digits = 1`);
  await tx.execute(sql`SET LOCAL bytea_output = 'hex'`);
}

export async function listTables(tx: Db): Promise<TableInfo[]> {
  const tables = await queryRows<{ oid: number; name: string }>(
    tx,
    sql`SELECT c.oid::int AS oid, c.relname AS name
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind = 'r'
           AND NOT EXISTS (SELECT 1 FROM pg_depend d
                            WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
         ORDER BY c.relname`,
  );
  const columns = await queryRows<{ table: string; name: string; type: string; generated: boolean; identity: boolean }>(
    tx,
    sql`SELECT c.relname AS "table", a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
               a.attgenerated <> '' AS generated, a.attidentity <> '' AS identity
          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
         ORDER BY c.relname, a.attnum`,
  );
  const keys = await queryRows<{ table: string; name: string }>(
    tx,
    sql`SELECT c.relname AS "table", a.attname AS name
          FROM pg_index i
          JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
         WHERE n.nspname = 'public' AND i.indisprimary
         ORDER BY c.relname, k.position`,
  );
  return tables.map((t) => ({
    name: t.name,
    columns: columns.filter((c) => c.table === t.name).map(({ table: _table, ...c }) => c),
    primaryKey: keys.filter((k) => k.table === t.name).map((k) => k.name),
  }));
}

export async function listForeignKeys(tx: Db): Promise<ForeignKey[]> {
  return queryRows<ForeignKey>(
    tx,
    sql`SELECT con.conname AS name, src.relname AS "table", dst.relname AS "references", con.condeferrable AS deferrable
          FROM pg_constraint con
          JOIN pg_class src ON src.oid = con.conrelid JOIN pg_namespace n ON n.oid = src.relnamespace
          JOIN pg_class dst ON dst.oid = con.confrelid
         WHERE con.contype = 'f' AND n.nspname = 'public'
         ORDER BY src.relname, con.conname`,
  );
}

export async function readSequences(tx: Db): Promise<SequenceValue[]> {
  const names = await queryRows<{ name: string }>(
    tx,
    sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`,
  );
  const values: SequenceValue[] = [];
  for (const { name } of names) {
    const [row] = await queryRows<{ value: string; isCalled: boolean }>(
      tx,
      sql`SELECT last_value::text AS value, is_called AS "isCalled" FROM ${ident(name)}`,
    );
    values.push({ name, ...row });
  }
  return values;
}

export async function applySequences(tx: Db, sequences: readonly SequenceValue[]): Promise<void> {
  for (const s of sequences) {
    await tx.execute(sql`SELECT setval(${quoteIdent(s.name)}::regclass, ${s.value}::bigint, ${s.isCalled})`);
  }
}

export interface TableChecksum {
  rows: number;
  checksum: string;
}

/**
 * Row count and an order-independent checksum of a table: every row's text form (the same output
 * functions COPY uses, under setCanonicalOutput) is hashed with md5, and the 128-bit hashes are
 * summed exactly (numeric) in SQL. Equal on PGlite and PostgreSQL for equal contents, whatever
 * the collation or physical order; no sort, no string of the whole table.
 */
export async function tableChecksum(tx: Db, table: string): Promise<TableChecksum> {
  const [row] = await queryRows<{ rows: string; high: string | null; low: string | null }>(
    tx,
    sql`SELECT count(*)::text AS rows,
               sum(('x' || substr(h, 1, 16))::bit(64)::bigint)::text AS high,
               sum(('x' || substr(h, 17, 16))::bit(64)::bigint)::text AS low
          FROM (SELECT md5(t::text) AS h FROM ${ident(table)} t) s`,
  );
  const digest = createHash('sha256').update(`${row.rows}:${row.high ?? 0}:${row.low ?? 0}`).digest('hex');
  return { rows: Number(row.rows), checksum: digest.slice(0, 32) };
}

export async function tableChecksums(tx: Db, tables: readonly string[]): Promise<Map<string, TableChecksum>> {
  const result = new Map<string, TableChecksum>();
  for (const table of tables) result.set(table, await tableChecksum(tx, table));
  return result;
}

/**
 * Tables in an order where every table comes after the tables it references. Foreign keys on a
 * cycle (a table referencing itself, like organizations.parent_id, or a ring of tables) cannot be
 * ordered: they are returned as `deferred`, and a restore checks them at the end of its
 * transaction instead of row by row.
 */
export function foreignKeyOrder(
  tables: readonly string[],
  foreignKeys: readonly ForeignKey[],
): { order: string[]; deferred: ForeignKey[] } {
  const inScope = new Set(tables);
  const edges = foreignKeys.filter((fk) => inScope.has(fk.table) && inScope.has(fk.references));
  const deferred = edges.filter((fk) => fk.table === fk.references);
  let pending = edges.filter((fk) => fk.table !== fk.references);
  const order: string[] = [];
  const remaining = new Set([...tables].sort());
  while (remaining.size > 0) {
    const ready = [...remaining].filter((t) => !pending.some((fk) => fk.table === t && remaining.has(fk.references)));
    if (ready.length === 0) {
      // A ring: defer the foreign keys among the tables left and carry on in name order.
      deferred.push(...pending.filter((fk) => remaining.has(fk.table) && remaining.has(fk.references)));
      pending = pending.filter((fk) => !(remaining.has(fk.table) && remaining.has(fk.references)));
      continue;
    }
    for (const t of ready) {
      order.push(t);
      remaining.delete(t);
    }
  }
  return { order, deferred };
}
