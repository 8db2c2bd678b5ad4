import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../src/db/client.js';

/**
 * Tables whose growth is not a data change:
 * - `audit_log`: every state-changing request appends exactly one record, refused or not. That is
 *   the audit trail doing its job; the checks count it separately (exactly one per request).
 * - `sessions`: each authenticated request moves `last_seen_at` (idle timeout); logins add rows.
 */
export const NOT_BUSINESS_TABLES = new Set(['audit_log', 'sessions']);

export interface TableState {
  rows: number;
  /** md5 over the sorted md5s of each row's text form: any changed, added or removed row changes it. */
  checksum: string;
}

export type Snapshot = Map<string, TableState>;

export async function businessTables(database: Database): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    database.db,
    sql`SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((r) => r.name).filter((name) => !NOT_BUSINESS_TABLES.has(name));
}

export async function snapshot(database: Database): Promise<Snapshot> {
  const result: Snapshot = new Map();
  for (const table of await businessTables(database)) {
    const ident = `"${table.replace(/"/g, '""')}"`;
    const [row] = await queryRows<{ rows: number; checksum: string | null }>(
      database.db,
      sql.raw(`SELECT count(*)::int AS rows, md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) AS checksum FROM ${ident} t`),
    );
    result.set(table, { rows: row.rows, checksum: row.checksum ?? '' });
  }
  return result;
}

/** Tables that differ between two snapshots, with their row counts. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  const changed: string[] = [];
  for (const name of [...names].sort()) {
    const a = before.get(name);
    const b = after.get(name);
    if (!a || !b || a.rows !== b.rows || a.checksum !== b.checksum) changed.push(`${name} (${a?.rows ?? '–'}→${b?.rows ?? '–'} rows)`);
  }
  return changed;
}

export async function auditCount(database: Database): Promise<number> {
  const [row] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM audit_log`);
  return row.n;
}

export async function lastAuditSeq(database: Database): Promise<number> {
  const [row] = await queryRows<{ seq: string | number | null }>(database.db, sql`SELECT max(seq) AS seq FROM audit_log`);
  return Number(row.seq ?? 0);
}

export interface AuditRecordSummary {
  seq: number;
  action: string;
  result: string;
  requestId: string;
  details: Record<string, unknown>;
}

export async function auditRecordsAfter(database: Database, seq: number): Promise<AuditRecordSummary[]> {
  const rows = await queryRows<{ seq: string | number; action: string; result: string; requestId: string; details: Record<string, unknown> }>(
    database.db,
    sql`SELECT seq, action, result, request_id AS "requestId", details FROM audit_log WHERE seq > ${seq} ORDER BY seq`,
  );
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}
