import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../../db/client.js';
import { livelihoodLightSnapshots, livelihoodMeasures, livelihoodProjects, livelihoodSupervisions, users } from '../../db/schema/index.js';
import { CalendarMissingError } from '../../domain/calendar/index.js';
import { DomainError, errors } from '../../domain/errors.js';
import { briefReasons } from '../../domain/livelihood/index.js';
import { isIsoDate, urumqiDate, type IsoDate } from '../../domain/shared/dates.js';
import { systemActor, type Actor } from '../actor.js';
import { runAudited } from '../audit/audit.service.js';
import { loadWorkdayCalendar } from '../calendar/index.js';
import type { ScheduledJob } from '../ops/jobs.js';
import { findPlan, planReports } from './plan.queries.js';
import { loadPlanStatus, measureStatuses } from './status.service.js';

// Any constant: the same in every yizheng process, different from the migration and audit keys.
const LIGHTS_JOB_LOCK_KEY = 7_020_500;

export interface LightsRefresh {
  skipped: string | null;
  measures: number;
  red: number;
  supervisionsOpened: number;
}

/**
 * The scheduled job: records each measure's light of `today` (a cache: pages compute their own)
 * and opens a 现场督办 task for every red measure that has none open. Several processes may run it
 * at once; a transaction-scoped advisory lock lets one do the work and the others skip, and the
 * partial unique index on open tasks holds even without it.
 */
export async function refreshStatusLights(database: Database, today: IsoDate, actor: Actor = systemActor()): Promise<LightsRefresh> {
  return runAudited(
    database,
    actor,
    (r: LightsRefresh) => ({ action: r.skipped ? 'livelihood.lights.skip' : 'livelihood.lights.refresh', object: `livelihood-lights:${today}`, details: { ...r } }),
    async (tx) => {
      const [{ locked }] = await queryRows<{ locked: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${LIGHTS_JOB_LOCK_KEY}) AS locked`);
      if (!locked) return { skipped: '另一进程正在计算', measures: 0, red: 0, supervisionsOpened: 0 };
      const plan = await findPlan(tx);
      if (!plan) return { skipped: '尚未导入民生实事方案', measures: 0, red: 0, supervisionsOpened: 0 };
      const loaded = await loadWorkdayCalendar(tx);
      let measures;
      try {
        measures = measureStatuses(plan, await planReports(tx, plan, { narratives: false }), today, loaded.calendar);
      } catch (error) {
        if (error instanceof CalendarMissingError) return { skipped: `缺少${error.year}年的工作日历`, measures: 0, red: 0, supervisionsOpened: 0 };
        throw error;
      }
      for (const m of measures) {
        const row = { light: m.status.light, progressPercent: m.status.progressPercent, reasons: m.status.reasons, computedAt: new Date() };
        await tx
          .insert(livelihoodLightSnapshots)
          .values({ measureId: m.id, computedOn: today, ...row })
          .onConflictDoUpdate({ target: [livelihoodLightSnapshots.measureId, livelihoodLightSnapshots.computedOn], set: row });
      }
      const red = measures.filter((m) => m.status.light === 'red');
      let opened = 0;
      for (const m of red) {
        const inserted = await tx
          .insert(livelihoodSupervisions)
          .values({ measureId: m.id, status: 'open', openedOn: today, reasons: m.status.reasons.filter((r) => r.light === 'red') })
          .onConflictDoNothing()
          .returning({ id: livelihoodSupervisions.id });
        opened += inserted.length;
      }
      return { skipped: null, measures: measures.length, red: red.length, supervisionsOpened: opened };
    },
  );
}

/** For the ops scheduler (src/services/ops/job-registry.ts): once every 6 hours across all processes. */
export const livelihoodLightsJob = (): ScheduledJob => ({
  name: 'livelihood.lights',
  intervalMs: 6 * 3_600_000,
  run: async (database, now) => ({ ...(await refreshStatusLights(database, urumqiDate(now))) }),
});

/** The supervision office opens a task by hand for a measure that is red today. */
export async function openSupervision(database: Database, actor: Actor, measureId: string, today: IsoDate) {
  const { measures } = await loadPlanStatus(database.db, today);
  const measure = measures.find((m) => m.id === measureId);
  if (!measure) throw errors.notFound('工作措施');
  if (measure.status.light !== 'red') throw errors.badState('只有亮红灯的工作措施需要现场督办');
  return runAudited(database, actor, (r: { id: string }) => ({ action: 'livelihood.supervision.open', object: `livelihood-supervision:${r.id}`, details: { measureId } }), async (tx) => {
    const inserted = await tx
      .insert(livelihoodSupervisions)
      .values({ measureId, status: 'open', openedOn: today, reasons: measure.status.reasons.filter((r) => r.light === 'red'), createdBy: actor.userId })
      .onConflictDoNothing()
      .returning({ id: livelihoodSupervisions.id });
    if (inserted.length === 0) throw errors.conflict('该工作措施已有未办结的现场督办');
    return inserted[0];
  });
}

export interface SupervisionRecord {
  visitOn?: IsoDate | null;
  findings?: string | null;
  followUp?: string | null;
}

export async function recordSupervision(database: Database, actor: Actor, supervisionId: string, input: SupervisionRecord) {
  if (input.visitOn && !isIsoDate(input.visitOn)) throw errors.validation('督办日期无效', { field: 'visitOn' });
  return runAudited(database, actor, { action: 'livelihood.supervision.record', object: `livelihood-supervision:${supervisionId}`, details: { fields: Object.keys(input) } }, async (tx) => {
    const updated = await tx
      .update(livelihoodSupervisions)
      .set({
        ...(input.visitOn !== undefined ? { visitOn: input.visitOn } : {}),
        ...(input.findings !== undefined ? { findings: input.findings?.trim() || null } : {}),
        ...(input.followUp !== undefined ? { followUp: input.followUp?.trim() || null } : {}),
        updatedBy: actor.userId,
        updatedAt: new Date(),
      })
      .where(and(eq(livelihoodSupervisions.id, supervisionId), eq(livelihoodSupervisions.status, 'open')))
      .returning({ id: livelihoodSupervisions.id });
    if (updated.length === 0) throw errors.badState('现场督办不存在或已办结');
    return { id: supervisionId };
  });
}

export async function closeSupervision(database: Database, actor: Actor, supervisionId: string, today: IsoDate) {
  return runAudited(database, actor, { action: 'livelihood.supervision.close', object: `livelihood-supervision:${supervisionId}` }, async (tx) => {
    const [task] = await tx.select().from(livelihoodSupervisions).where(eq(livelihoodSupervisions.id, supervisionId)).for('update');
    if (!task) throw errors.notFound('现场督办');
    if (task.status !== 'open') throw errors.badState('现场督办已办结');
    const missing = [!task.visitOn && '督办日期', !task.findings && '督办发现的问题', !task.followUp && '整改跟进措施'].filter(Boolean);
    if (missing.length > 0) throw new DomainError('VALIDATION', `办结前请填写：${missing.join('、')}`, 400);
    await tx.update(livelihoodSupervisions).set({ status: 'closed', closedOn: today, updatedBy: actor.userId, updatedAt: new Date() }).where(eq(livelihoodSupervisions.id, supervisionId));
    return { id: supervisionId };
  });
}

export async function listSupervisions(db: Db, filter: { status?: 'open' | 'closed'; measureIds?: string[] } = {}) {
  const conditions = [
    ...(filter.status ? [eq(livelihoodSupervisions.status, filter.status)] : []),
    ...(filter.measureIds ? [inArray(livelihoodSupervisions.measureId, filter.measureIds.length ? filter.measureIds : ['00000000-0000-0000-0000-000000000000'])] : []),
  ];
  const rows = await db
    .select({ task: livelihoodSupervisions, measureNo: livelihoodMeasures.no, projectNo: livelihoodProjects.no, projectTitle: livelihoodProjects.title, updatedBy: users.displayName })
    .from(livelihoodSupervisions)
    .innerJoin(livelihoodMeasures, eq(livelihoodMeasures.id, livelihoodSupervisions.measureId))
    .innerJoin(livelihoodProjects, eq(livelihoodProjects.id, livelihoodMeasures.projectId))
    .leftJoin(users, eq(users.id, livelihoodSupervisions.updatedBy))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(livelihoodSupervisions.status), desc(livelihoodSupervisions.openedOn), asc(livelihoodProjects.no), asc(livelihoodMeasures.no));
  return rows.map(({ task, measureNo, projectNo, projectTitle, updatedBy }) => ({
    id: task.id, measureId: task.measureId, projectNo, projectTitle, measureNo, status: task.status, openedOn: task.openedOn,
    reasons: briefReasons(task.reasons).map((r) => r.message), visitOn: task.visitOn, findings: task.findings, followUp: task.followUp, closedOn: task.closedOn,
    openedBy: task.createdBy === null ? '系统（红灯自动生成）' : '督查室', updatedBy,
  }));
}
