import { createHash } from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../../db/client.js';

/**
 * Scheduled jobs that run once per interval across all app processes on one database.
 *
 * Each tick, for each job, a process opens a short transaction, takes
 * `pg_try_advisory_xact_lock(key(name))` (another process holding it is busy with the same claim:
 * skip, never wait), locks the job's `job_runs` row and claims the run when it is due by setting
 * `last_started_at`. The job then runs outside that transaction (on PGlite the one connection
 * must be free for it) and its outcome is written back. A run that never reports back (the process
 * died) is taken over after `leaseMs`.
 */
export interface ScheduledJob {
  name: string;
  intervalMs: number;
  /** How long a claimed run may take before another process may run the job again. Default 10 min. */
  leaseMs?: number;
  /** What it did, kept in job_runs.last_result (e.g. counts). */
  run(database: Database, now: Date): Promise<Record<string, unknown> | void>;
}

export type JobOutcome =
  | { name: string; ran: false; reason: 'busy' | 'not-due' | 'running' }
  | { name: string; ran: true; status: 'success'; result: Record<string, unknown> }
  | { name: string; ran: true; status: 'failure'; error: string };

export interface JobLog {
  info(message: string): void;
  error(message: string): void;
}

const DEFAULT_LEASE_MS = 10 * 60_000;

/** A stable signed 64-bit advisory-lock key per job name, the same in every process. */
export function jobLockKey(name: string): string {
  return createHash('sha256').update(`yizheng-job:${name}`).digest().readBigInt64BE(0).toString();
}

export function runnerId(): string {
  return `${os.hostname()}:${process.pid}`;
}

type Claim = 'claimed' | 'busy' | 'not-due' | 'running';

async function claim(db: Db, job: ScheduledJob, now: Date, runner: string): Promise<Claim> {
  return db.transaction(async (tx) => {
    const [{ locked }] = await queryRows<{ locked: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${jobLockKey(job.name)}::bigint) AS locked`);
    if (!locked) return 'busy';
    await tx.execute(sql`INSERT INTO job_runs (name) VALUES (${job.name}) ON CONFLICT (name) DO NOTHING`);
    const [row] = await queryRows<{ startedMs: string | null; status: string }>(
      tx,
      sql`SELECT (extract(epoch FROM last_started_at) * 1000)::text AS "startedMs", last_status AS status
            FROM job_runs WHERE name = ${job.name} FOR UPDATE`,
    );
    const startedAt = row.startedMs === null ? null : Number(row.startedMs);
    if (startedAt !== null && row.status === 'running' && now.getTime() < startedAt + (job.leaseMs ?? DEFAULT_LEASE_MS)) return 'running';
    if (startedAt !== null && now.getTime() < startedAt + job.intervalMs) return 'not-due';
    await tx.execute(
      sql`UPDATE job_runs SET last_started_at = ${now.toISOString()}::timestamptz, last_status = 'running', last_runner = ${runner}
           WHERE name = ${job.name}`,
    );
    return 'claimed';
  });
}

/** Runs the job when it is due and no other process has claimed this interval. */
export async function runJobIfDue(database: Database, job: ScheduledJob, now: Date, runner = runnerId()): Promise<JobOutcome> {
  const claimed = await claim(database.db, job, now, runner);
  if (claimed !== 'claimed') return { name: job.name, ran: false, reason: claimed };
  const began = Date.now();
  const finishedAt = () => new Date(now.getTime() + (Date.now() - began)).toISOString();
  try {
    const result = (await job.run(database, now)) ?? {};
    await database.db.execute(
      sql`UPDATE job_runs SET last_status = 'success', last_finished_at = ${finishedAt()}::timestamptz, last_error = NULL,
             last_result = ${JSON.stringify(result)}::jsonb, run_count = run_count + 1
           WHERE name = ${job.name}`,
    );
    return { name: job.name, ran: true, status: 'success', result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await database.db
      .execute(
        sql`UPDATE job_runs SET last_status = 'failure', last_finished_at = ${finishedAt()}::timestamptz, last_error = ${message.slice(0, 2000)},
               run_count = run_count + 1, failure_count = failure_count + 1
             WHERE name = ${job.name}`,
      )
      .catch(() => undefined);
    return { name: job.name, ran: true, status: 'failure', error: message };
  }
}

export interface Scheduler {
  /** One pass over the jobs (the timer calls this; tests call it with their own clock). */
  tick(now?: Date): Promise<JobOutcome[]>;
  /** Stops the timer and waits for a running tick. */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  /** How often to look for due jobs. Default 10 s. */
  tickMs?: number;
  now?: () => Date;
  log?: JobLog;
  runner?: string;
  /** false: no timer, only explicit tick() calls (tests). */
  timer?: boolean;
}

export function createScheduler(database: Database, jobs: readonly ScheduledJob[], options: SchedulerOptions = {}): Scheduler {
  const tickMs = options.tickMs ?? 10_000;
  const clock = options.now ?? (() => new Date());
  const runner = options.runner ?? runnerId();
  let running: Promise<JobOutcome[]> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const pass = async (now: Date): Promise<JobOutcome[]> => {
    const outcomes: JobOutcome[] = [];
    for (const job of jobs) {
      const outcome = await runJobIfDue(database, job, now, runner).catch(
        (error: unknown): JobOutcome => ({ name: job.name, ran: true, status: 'failure', error: error instanceof Error ? error.message : String(error) }),
      );
      outcomes.push(outcome);
      if (outcome.ran && outcome.status === 'success') options.log?.info(`定时任务 ${job.name} 已运行（${runner}）：${JSON.stringify(outcome.result)}`);
      if (outcome.ran && outcome.status === 'failure') options.log?.error(`定时任务 ${job.name} 失败（${runner}）：${outcome.error}`);
    }
    return outcomes;
  };

  const tick = async (now = clock()): Promise<JobOutcome[]> => {
    while (running) await running.catch(() => undefined);
    running = pass(now);
    try {
      return await running;
    } finally {
      running = null;
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void tick().finally(schedule);
    }, tickMs);
    timer.unref();
  };

  if (options.timer !== false) {
    // First pass right away: processes started together race for it and one wins each job.
    void tick().finally(schedule);
  }

  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      while (running) await running.catch(() => undefined);
    },
  };
}

export interface JobRun {
  name: string;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastStatus: string;
  lastError: string | null;
  lastResult: Record<string, unknown>;
  lastRunner: string | null;
  runCount: number;
  failureCount: number;
}

export async function listJobRuns(db: Db): Promise<JobRun[]> {
  const rows = await queryRows<Omit<JobRun, 'runCount' | 'failureCount'> & { runCount: string; failureCount: string }>(
    db,
    sql`SELECT name, to_char(last_started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "lastStartedAt",
               to_char(last_finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "lastFinishedAt",
               last_status AS "lastStatus", last_error AS "lastError", last_result AS "lastResult",
               last_runner AS "lastRunner", run_count::text AS "runCount", failure_count::text AS "failureCount"
          FROM job_runs ORDER BY name`,
  );
  return rows.map((r) => ({ ...r, runCount: Number(r.runCount), failureCount: Number(r.failureCount) }));
}
