import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database } from '../../src/db/client.js';
import { findChainBreak, type ChainedAuditEntry } from '../../src/domain/audit/chain.js';
import { DomainError } from '../../src/domain/errors.js';
import { systemActor } from '../../src/services/actor.js';
import { recordAudit, verifyAuditChain } from '../../src/services/audit/audit.service.js';
import { createSession } from '../../src/services/auth/sessions.js';
import { archiveAuditRecords } from '../../src/services/ops/audit-retention.js';
import { auditRetentionJob, pruneSessionsJob } from '../../src/services/ops/housekeeping.js';
import { createScheduler, listJobRuns, runJobIfDue, type ScheduledJob } from '../../src/services/ops/jobs.js';
import { DATABASE_KINDS, openTestDatabase, testConfig } from '../helpers/database.js';

const MINUTE = 60_000;

/** A job that counts its runs, with the clock each run saw. */
function countingJob(name: string, intervalMs: number, work: () => Promise<void> = async () => undefined) {
  const runs: { at: number; runner: string }[] = [];
  const make = (runner: string): ScheduledJob => ({
    name,
    intervalMs,
    async run(_database, now) {
      runs.push({ at: now.getTime(), runner });
      await work();
      return { n: runs.length };
    },
  });
  return { runs, make };
}

describe('scheduled jobs: two schedulers on one PostgreSQL database', () => {
  let test: Awaited<ReturnType<typeof openTestDatabase>>;
  let second: Database;
  beforeAll(async () => {
    test = await openTestDatabase('postgres');
    second = await openDatabase({ kind: 'postgres', url: test.url as string }, async () => undefined);
  });
  afterAll(async () => {
    await second.close();
    await test.drop();
  });

  it('runs a job exactly once per interval when both processes tick at the same moments', async () => {
    const job = countingJob('test.lockstep', 5 * MINUTE, () => new Promise((r) => setTimeout(r, 5)));
    const a = createScheduler(test.database, [job.make('a')], { timer: false, runner: 'a' });
    const b = createScheduler(second, [job.make('b')], { timer: false, runner: 'b' });
    const start = Date.parse('2023-03-01T00:00:00Z');
    // 61 ticks a minute apart: t = 0 … 60 min, due at 0, 5, …, 60 → 13 runs.
    for (let minute = 0; minute <= 60; minute += 1) {
      const now = new Date(start + minute * MINUTE);
      const outcomes = await Promise.all([a.tick(now), b.tick(now)]);
      expect(outcomes.flat().filter((o) => o.ran)).toHaveLength(minute % 5 === 0 ? 1 : 0);
    }
    expect(job.runs).toHaveLength(13);
    expect(job.runs.map((r) => (r.at - start) / MINUTE)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]);
    const [row] = (await listJobRuns(test.database.db)).filter((r) => r.name === 'test.lockstep');
    expect(row).toMatchObject({ runCount: 13, failureCount: 0, lastStatus: 'success', lastResult: { n: 13 } });
  });

  it('runs once per interval on real timers, whichever process gets there first', async () => {
    const job = countingJob('test.timers', 300);
    const a = createScheduler(test.database, [job.make('a')], { tickMs: 15, runner: 'a' });
    const b = createScheduler(second, [job.make('b')], { tickMs: 15, runner: 'b' });
    await new Promise((r) => setTimeout(r, 2_000));
    await Promise.all([a.stop(), b.stop()]);
    // 2 s / 300 ms: runs at ~0, 300, …, 1800 ms.
    expect(job.runs.length).toBeGreaterThanOrEqual(5);
    expect(job.runs.length).toBeLessThanOrEqual(7);
    const gaps = job.runs.slice(1).map((r, i) => r.at - job.runs[i].at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(300);
  });

  it('skips while another process holds the claim, and takes over a run whose process died', async () => {
    const job = countingJob('test.lease', MINUTE);
    const now = new Date('2023-03-01T00:00:00Z');
    await test.database.db.execute(
      sql`INSERT INTO job_runs (name, last_started_at, last_status, last_runner) VALUES ('test.lease', ${now.toISOString()}::timestamptz, 'running', 'dead:1')`,
    );
    const at = (ms: number) => new Date(now.getTime() + ms);
    expect(await runJobIfDue(second, job.make('b'), at(5 * MINUTE), 'b')).toMatchObject({ ran: false, reason: 'running' });
    expect(await runJobIfDue(second, job.make('b'), at(11 * MINUTE), 'b')).toMatchObject({ ran: true, status: 'success' });
    // Holding the advisory lock (as a claiming process does) makes the other skip, not wait.
    const busy = await test.database.db.transaction(async (tx) => {
      const { jobLockKey } = await import('../../src/services/ops/jobs.js');
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${jobLockKey('test.lease')}::bigint)`);
      return runJobIfDue(second, job.make('b'), at(60 * MINUTE), 'b');
    });
    expect(busy).toMatchObject({ ran: false, reason: 'busy' });
  });

  it('records a failed run and tries again at the next interval', async () => {
    let fail = true;
    const job: ScheduledJob = {
      name: 'test.failing',
      intervalMs: MINUTE,
      async run() {
        if (fail) throw new Error('数据库暂时不可用');
      },
    };
    const now = Date.parse('2023-03-01T00:00:00Z');
    expect(await runJobIfDue(test.database, job, new Date(now))).toMatchObject({ ran: true, status: 'failure', error: '数据库暂时不可用' });
    expect(await runJobIfDue(test.database, job, new Date(now + 1000))).toMatchObject({ ran: false, reason: 'not-due' });
    fail = false;
    expect(await runJobIfDue(test.database, job, new Date(now + MINUTE))).toMatchObject({ ran: true, status: 'success' });
    const [row] = (await listJobRuns(test.database.db)).filter((r) => r.name === 'test.failing');
    expect(row).toMatchObject({ runCount: 2, failureCount: 1, lastStatus: 'success', lastError: null });
  });
});

describe.each(DATABASE_KINDS)('housekeeping jobs on %s', (kind) => {
  let test: Awaited<ReturnType<typeof openTestDatabase>>;
  const config = testConfig();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-archive-'));
  beforeAll(async () => {
    test = await openTestDatabase(kind, config);
  });
  afterAll(async () => {
    await test.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prunes sessions past their idle or absolute end', async () => {
    const [{ id }] = await queryRows<{ id: string }>(test.database.db, sql`SELECT id FROM users WHERE username = 'admin'`);
    const settings = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
    const t0 = new Date('2023-03-01T00:00:00Z');
    await createSession(test.database.db, { userId: id, ip: null, userAgent: null, now: t0, settings });
    await createSession(test.database.db, { userId: id, ip: null, userAgent: null, now: new Date(t0.getTime() + 60 * MINUTE), settings });
    const outcome = await runJobIfDue(test.database, pruneSessionsJob(config), new Date(t0.getTime() + 80 * MINUTE));
    expect(outcome).toMatchObject({ ran: true, status: 'success' });
    const [{ n }] = await queryRows<{ n: number }>(test.database.db, sql`SELECT count(*)::int AS n FROM sessions`);
    expect(n).toBe(1);
  });

  it('checks the audit chain daily and deletes nothing', async () => {
    const before = (await verifyAuditChain(test.database.db)).checked;
    const far = new Date(Date.now() + 400 * 86_400_000);
    const outcome = await runJobIfDue(test.database, auditRetentionJob(config), far);
    expect(outcome).toMatchObject({ ran: true, status: 'success', result: { chainOk: true, retentionDays: 180, pastRetention: before } });
    expect((await verifyAuditChain(test.database.db)).checked).toBe(before);
  });

  it('refuses to archive records younger than the retention period', async () => {
    const now = new Date();
    const error = await archiveAuditRecords(test.database, systemActor(), {
      before: new Date(now.getTime() - 179 * 86_400_000),
      file: path.join(dir, 'too-young.jsonl.gz'),
      now,
      retentionDays: 180,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toMatch(/至少保留 180 天/);
    expect(fs.existsSync(path.join(dir, 'too-young.jsonl.gz'))).toBe(false);
  });

  it('archives old records from the start of the chain, which still verifies', async () => {
    for (let i = 0; i < 5; i += 1) await recordAudit(test.database, systemActor(), { action: 'test.event', details: { i } });
    const total = (await verifyAuditChain(test.database.db)).checked;
    // Seen from 200 days ahead everything so far is past retention; the last record always stays.
    const now = new Date(Date.now() + 200 * 86_400_000);
    const file = path.join(dir, 'archive.jsonl.gz');
    const report = await archiveAuditRecords(test.database, systemActor(), { before: new Date(now.getTime() - 190 * 86_400_000), file, now, retentionDays: 180 });
    expect(report.archived).toBe(total - 1);
    const archived = zlib
      .gunzipSync(fs.readFileSync(file))
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ChainedAuditEntry);
    expect(findChainBreak(archived, null)).toBeNull();
    const rest = await verifyAuditChain(test.database.db);
    expect(rest.ok).toBe(true);
    expect(rest.checked).toBe(2); // the newest old record and the archive's own record
    const [first] = await queryRows<{ prevHash: string }>(test.database.db, sql`SELECT prev_hash AS "prevHash" FROM audit_log ORDER BY seq LIMIT 1`);
    expect(first.prevHash).toBe(report.anchorHash);
    const [last] = await queryRows<{ action: string; details: { anchorHash: string } }>(
      test.database.db,
      sql`SELECT action, details FROM audit_log ORDER BY seq DESC LIMIT 1`,
    );
    expect(last).toMatchObject({ action: 'audit.archive', details: { anchorHash: report.anchorHash } });
  });

  it('fails the daily check and audits it when the chain is broken', async () => {
    await test.database.db.execute(sql`UPDATE audit_log SET username = 'mallory' WHERE seq = (SELECT max(seq) FROM audit_log)`);
    const far = new Date(Date.now() + 800 * 86_400_000);
    const outcome = await runJobIfDue(test.database, auditRetentionJob(config), far);
    expect(outcome).toMatchObject({ ran: true, status: 'failure' });
    const rows = await queryRows(test.database.db, sql`SELECT 1 FROM audit_log WHERE action = 'audit.verify' AND result = 'failure'`);
    expect(rows).toHaveLength(1);
  });
});
