import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../../db/client.js';
import { findChainBreak, type ChainedAuditEntry } from '../../domain/audit/chain.js';
import { DomainError } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import { recordAudit, runAudited, verifyAuditChain } from '../audit/audit.service.js';
import { BackupWriter } from './backup-file.js';

const DAY_MS = 86_400_000;

/**
 * Audit retention. Records are kept at least `retentionDays` (≥ 180, config.auditRetentionDays).
 * Nothing deletes them on its own: the daily job only checks the chain and counts what is past
 * retention. An operator may archive a prefix of the chain (`audit archive`): only records older
 * than the retention period, only from the chain's start, written to a file first, and the
 * deletion itself is an audit record holding the hash the remaining chain now starts from.
 */
export interface RetentionStatus {
  records: number;
  oldestAt: string | null;
  retentionDays: number;
  cutoff: string;
  pastRetention: number;
  chainOk: boolean;
}

export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

export async function checkAuditRetention(database: Database, now: Date, retentionDays: number): Promise<RetentionStatus> {
  const cutoff = retentionCutoff(now, retentionDays);
  const [row] = await queryRows<{ records: string; oldestAt: string | null; pastRetention: string }>(
    database.db,
    sql`SELECT count(*)::text AS records,
               to_char(min(at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "oldestAt",
               count(*) FILTER (WHERE at < ${cutoff.toISOString()}::timestamptz)::text AS "pastRetention"
          FROM audit_log`,
  );
  const chain = await verifyAuditChain(database.db);
  if (!chain.ok) {
    await recordAudit(database, { userId: null, username: 'system', roles: ['system'], organizationId: null, ip: null, requestId: `job-${now.getTime()}` }, {
      action: 'audit.verify',
      result: 'failure',
      details: { firstBroken: chain.firstBroken?.seq ?? null, reason: chain.firstBroken?.reason ?? null },
    });
    throw new DomainError('AUDIT_CHAIN_BROKEN', `审计日志哈希链断裂：第 ${chain.firstBroken?.seq} 条，${chain.firstBroken?.reason}`, 500);
  }
  return {
    records: Number(row.records),
    oldestAt: row.oldestAt,
    retentionDays,
    cutoff: cutoff.toISOString(),
    pastRetention: Number(row.pastRetention),
    chainOk: true,
  };
}

export interface ArchiveReport {
  file: string;
  archived: number;
  firstSeq: number | null;
  throughSeq: number | null;
  anchorHash: string | null;
  sha256: string | null;
}

type AuditRow = Omit<ChainedAuditEntry, 'seq'> & { seq: string | number };

async function readRecords(db: Db, fromSeq: number, throughSeq: number): Promise<ChainedAuditEntry[]> {
  const rows = await queryRows<AuditRow>(
    db,
    sql`SELECT seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
          user_id AS "userId", username, role, action, object, result, ip,
          request_id AS "requestId", details, prev_hash AS "prevHash", hash
        FROM audit_log WHERE seq >= ${fromSeq} AND seq <= ${throughSeq} ORDER BY seq`,
  );
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/**
 * Moves the records older than `before` from the start of the chain into a gzip JSON-lines file
 * (verifiable on its own with findChainBreak) and deletes them. Refuses anything younger than the
 * retention period, and refuses when the chain is broken (evidence is never deleted).
 */
export async function archiveAuditRecords(
  database: Database,
  actor: Actor,
  input: { before: Date; file: string; now: Date; retentionDays: number },
): Promise<ArchiveReport> {
  const file = path.resolve(input.file);
  const cutoff = retentionCutoff(input.now, input.retentionDays);
  if (input.before.getTime() > cutoff.getTime()) {
    throw new DomainError(
      'AUDIT_RETENTION',
      `审计记录至少保留 ${input.retentionDays} 天：只能归档 ${cutoff.toISOString().slice(0, 10)} 之前的记录，不能归档 ${input.before.toISOString().slice(0, 10)} 之前的。`,
      409,
    );
  }
  if (fs.existsSync(file)) throw new DomainError('CONFLICT', `文件 ${file} 已存在`, 409);
  const chain = await verifyAuditChain(database.db);
  if (!chain.ok) throw new DomainError('AUDIT_CHAIN_BROKEN', `审计日志哈希链断裂（第 ${chain.firstBroken?.seq} 条），不能归档：先查明原因`, 409);
  // The prefix: every record before the first one at or after `before`, and never the last record.
  const [range] = await queryRows<{ first: string | null; through: string | null }>(
    database.db,
    sql`SELECT (SELECT min(seq) FROM audit_log)::text AS first,
               (SELECT least(coalesce((SELECT min(seq) FROM audit_log WHERE at >= ${input.before.toISOString()}::timestamptz),
                                      (SELECT max(seq) FROM audit_log)) - 1,
                             (SELECT max(seq) FROM audit_log) - 1))::text AS through`,
  );
  const first = range.first === null ? null : Number(range.first);
  const through = range.through === null ? null : Number(range.through);
  if (first === null || through === null || through < first) {
    return { file, archived: 0, firstSeq: null, throughSeq: null, anchorHash: null, sha256: null };
  }
  const records = await readRecords(database.db, first, through);
  const broken = findChainBreak(records, null);
  if (broken || records.length !== through - first + 1) throw new DomainError('AUDIT_CHAIN_BROKEN', '待归档的审计记录不完整，不能归档', 409);
  const writer = new BackupWriter(file);
  try {
    for (const r of records) await writer.line(JSON.stringify(r));
  } catch (error) {
    writer.abort();
    throw error;
  }
  const { sha256 } = await writer.finish();
  const anchorHash = records[records.length - 1].hash;
  await runAudited(
    database,
    actor,
    { action: 'audit.archive', object: `audit:${first}-${through}`, details: { file, sha256, firstSeq: first, throughSeq: through, anchorHash, before: input.before.toISOString() } },
    async (tx) => {
      const [{ n }] = await queryRows<{ n: string }>(
        tx,
        sql`WITH gone AS (DELETE FROM audit_log WHERE seq >= ${first} AND seq <= ${through} AND hash IN (SELECT jsonb_array_elements_text(${JSON.stringify(records.map((r) => r.hash))}::jsonb)) RETURNING 1)
            SELECT count(*)::text AS n FROM gone`,
      );
      if (Number(n) !== records.length) throw new DomainError('CONFLICT', '归档期间审计记录发生了变化，已放弃', 409);
    },
  );
  return { file, archived: records.length, firstSeq: first, throughSeq: through, anchorHash, sha256 };
}
