import { randomUUID } from 'node:crypto';
import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import {
  chainEntry,
  findChainBreak,
  GENESIS_HASH,
  type AuditEntry,
  type ChainBreak,
  type ChainedAuditEntry,
} from '../../domain/audit/chain.js';
import { DomainError } from '../../domain/errors.js';
import type { Actor } from '../actor.js';

const AUDIT_LOCK_KEY = 7_020_231;

export interface AuditInput {
  action: string;
  object?: string | null;
  result?: AuditEntry['result'];
  details?: Record<string, unknown>;
}

/** Appends one record to the chain, inside the caller's transaction. */
export async function appendAudit(tx: Db, actor: Actor, input: AuditInput): Promise<ChainedAuditEntry> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const entry: AuditEntry = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    userId: actor.userId,
    username: actor.username,
    role: actor.roles.join(',') || null,
    action: input.action,
    object: input.object ?? null,
    result: input.result ?? 'success',
    ip: actor.ip,
    requestId: actor.requestId,
    details: input.details ?? {},
  };
  const chained = chainEntry(entry, last?.hash ?? GENESIS_HASH);
  await tx.insert(auditLog).values(chained);
  return chained;
}

/**
 * Runs a state change and its audit record in one transaction: if either fails, neither is kept.
 * A failed change is still audited, as a failure, in a transaction of its own.
 */
export async function runAudited<T>(
  database: Database,
  actor: Actor,
  audit: AuditInput | ((result: T) => AuditInput),
  work: (tx: Db) => Promise<T>,
): Promise<T> {
  try {
    return await database.db.transaction(async (tx) => {
      const result = await work(tx);
      await appendAudit(tx, actor, typeof audit === 'function' ? audit(result) : audit);
      return result;
    });
  } catch (error) {
    const base = typeof audit === 'function' ? { action: 'unknown' } : audit;
    const code = error instanceof DomainError ? error.code : 'INTERNAL';
    const result = error instanceof DomainError && error.status === 403 ? 'denied' : 'failure';
    await database.db.transaction((tx) =>
      appendAudit(tx, actor, { ...base, result, details: { ...base.details, error: code } }),
    );
    throw error;
  }
}

/** A security event or a failure with no state change of its own. */
export async function recordAudit(database: Database, actor: Actor, input: AuditInput): Promise<void> {
  await database.db.transaction((tx) => appendAudit(tx, actor, input));
}

type AuditRow = Omit<ChainedAuditEntry, 'seq'> & { seq: string | number };

const BATCH = 5000;

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBroken: (ChainBreak & { record: ChainedAuditEntry | null }) | null;
}

/** Walks the whole chain in seq order, in batches. */
export async function verifyAuditChain(db: Db): Promise<ChainVerification> {
  let previous: { seq: number; hash: string } | null = null;
  let checked = 0;
  for (;;) {
    const after: number = previous === null ? 0 : previous.seq;
    const rows: AuditRow[] = await queryRows<AuditRow>(
      db,
      sql`SELECT seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
            user_id AS "userId", username, role, action, object, result, ip,
            request_id AS "requestId", details, prev_hash AS "prevHash", hash
          FROM audit_log WHERE seq > ${after} ORDER BY seq LIMIT ${BATCH}`,
    );
    if (rows.length === 0) return { ok: true, checked, firstBroken: null };
    const records: ChainedAuditEntry[] = rows.map((r) => ({ ...r, seq: Number(r.seq) }));
    const broken = findChainBreak(records, previous);
    if (broken) {
      return { ok: false, checked, firstBroken: { ...broken, record: records.find((r) => r.seq === broken.seq) ?? null } };
    }
    checked += records.length;
    const last: ChainedAuditEntry = records[records.length - 1];
    previous = { seq: last.seq, hash: last.hash };
  }
}

export interface AuditQuery {
  page: number;
  pageSize: number;
  action?: string;
  username?: string;
  from?: string;
  to?: string;
}

export async function listAuditRecords(db: Db, q: AuditQuery) {
  const filters: SQL[] = [];
  if (q.action) filters.push(eq(auditLog.action, q.action));
  if (q.username) filters.push(eq(auditLog.username, q.username));
  if (q.from) filters.push(gte(auditLog.at, q.from));
  if (q.to) filters.push(lte(auditLog.at, q.to));
  const where = filters.length ? and(...filters) : undefined;
  const items = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.seq))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(where);
  return { items: items.map(({ seq, at, ...rest }) => ({ id: seq, at: new Date(at).toISOString(), ...rest })), total };
}

export function newRequestId(): string {
  return randomUUID();
}
