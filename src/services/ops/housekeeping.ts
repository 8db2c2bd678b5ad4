import type { Config } from '../../config.js';
import { pruneSessions } from '../auth/sessions.js';
import { checkAuditRetention } from './audit-retention.js';
import type { ScheduledJob } from './jobs.js';

/** Deletes sessions past their idle or absolute end (they are refused anyway; this keeps the table small). */
export function pruneSessionsJob(config: Config): ScheduledJob {
  return {
    name: 'sessions.prune',
    intervalMs: 5 * 60_000,
    async run(database, now) {
      await pruneSessions(database.db, now, { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours });
    },
  };
}

/** Daily: verifies the audit chain and counts records past retention. Deletes nothing (see audit-retention.ts). */
export function auditRetentionJob(config: Config): ScheduledJob {
  return {
    name: 'audit.retention',
    intervalMs: 24 * 3_600_000,
    leaseMs: 60 * 60_000,
    run: async (database, now) => ({ ...(await checkAuditRetention(database, now, config.auditRetentionDays)) }),
  };
}
