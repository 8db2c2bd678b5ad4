import { createHash } from 'node:crypto';

/** One audit record as it is hashed. `at` is an ISO instant with milliseconds. */
export interface AuditEntry {
  seq: number;
  at: string;
  userId: string | null;
  username: string | null;
  role: string | null;
  action: string;
  object: string | null;
  result: 'success' | 'failure' | 'denied';
  ip: string | null;
  requestId: string;
  details: Record<string, unknown>;
}

export interface ChainedAuditEntry extends AuditEntry {
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys, so the same record always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashEntry(entry: AuditEntry, prevHash: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(entry)).digest('hex');
}

export function chainEntry(entry: AuditEntry, prevHash: string): ChainedAuditEntry {
  return { ...entry, prevHash, hash: hashEntry(entry, prevHash) };
}

export interface ChainBreak {
  seq: number;
  reason: string;
}

/**
 * Checks a run of records in seq order, continuing from `previous` (the last good record before the
 * run, or null at the start of the log). Returns the first break, or null.
 */
export function findChainBreak(
  records: readonly ChainedAuditEntry[],
  previous: { seq: number; hash: string } | null,
): ChainBreak | null {
  let expectedSeq = previous ? previous.seq + 1 : null;
  let prevHash = previous ? previous.hash : null;
  for (const record of records) {
    const { prevHash: storedPrev, hash, ...entry } = record;
    if (expectedSeq !== null && record.seq !== expectedSeq) {
      return { seq: record.seq, reason: `序号不连续：缺少第 ${expectedSeq} 条记录` };
    }
    // The first record anchors the chain: GENESIS_HASH, or after retention pruning the hash of
    // the last pruned record.
    if (prevHash === null) prevHash = storedPrev;
    if (storedPrev !== prevHash) return { seq: record.seq, reason: '前序哈希与上一条记录不一致' };
    if (hashEntry(entry, storedPrev) !== hash) return { seq: record.seq, reason: '记录内容与哈希不符（已被篡改）' };
    expectedSeq = record.seq + 1;
    prevHash = hash;
  }
  return null;
}
