import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { livelihoodReportAttachments, livelihoodReports, organizations, users } from '../../db/schema/index.js';
import { errors } from '../../domain/errors.js';
import { briefReasons, monthlyReportDueDate } from '../../domain/livelihood/index.js';
import { addMonths, type IsoDate } from '../../domain/shared/dates.js';
import type { Actor } from '../actor.js';
import { withProvisionalCalendar } from '../calendar/index.js';
import type { PlanReport } from './plan.queries.js';
import { countLights, loadPlanStatus, type MeasureWithStatus } from './status.service.js';
import { listSupervisions } from './supervision.service.js';

function measureSummary(m: MeasureWithStatus, titleOf: (projectId: string) => string) {
  const latest = [...m.reports].sort((a, b) => (a.period === b.period ? (a.submittedOn < b.submittedOn ? 1 : -1) : a.period < b.period ? 1 : -1))[0];
  return {
    id: m.id,
    projectId: m.projectId,
    projectNo: m.projectNo,
    projectTitle: titleOf(m.projectId),
    no: m.measure.no,
    text: m.measure.text,
    units: m.units.map((u) => u.name),
    organizationIds: m.units.map((u) => u.organizationId),
    leadLeader: m.measure.leadLeader,
    responsibleLeader: m.measure.responsibleLeader,
    deadline: m.measure.deadline,
    light: m.status.light,
    reasons: m.status.reasons.map((r) => ({ light: r.light, code: r.code, message: r.message })),
    progressPercent: m.status.progressPercent,
    elapsedPercent: m.status.elapsedPercent,
    lastReportPeriod: latest?.period ?? null,
  };
}

export type MeasureSummary = ReturnType<typeof measureSummary>;

/** The plan's projects with each measure's light (民生实事 list page). */
export async function listProjects(db: Db, today: IsoDate, year?: number) {
  const { plan, measures, calendarWarnings } = await loadPlanStatus(db, today, year, { provisional: true });
  const title = (id: string) => plan.projects.find((p) => p.id === id)?.project.title ?? '';
  return {
    plan: { id: plan.id, year: plan.year, docNumber: plan.docNumber, reportingStartsOn: plan.reportingStartsOn },
    today,
    calendarWarnings,
    projects: plan.projects.map((p) => {
      const own = measures.filter((m) => m.projectId === p.id);
      return {
        id: p.id, no: p.project.no, title: p.project.title, targetText: p.project.targetText,
        targets: p.targets.map((t) => ({ id: t.id, text: t.text, value: t.value, unit: t.unit })),
        lights: countLights(own),
        measures: own.map((m) => measureSummary(m, title)),
      };
    }),
  };
}

/** One measure with its reports (and their files) and supervision tasks. */
export async function getMeasure(db: Db, today: IsoDate, measureId: string) {
  const { plan, measures, calendarWarnings } = await loadPlanStatus(db, today, undefined, { provisional: true });
  const measure = measures.find((m) => m.id === measureId);
  if (!measure) throw errors.notFound('工作措施');
  const project = plan.projects.find((p) => p.id === measure.projectId);
  const files = measure.reports.length
    ? await db
        .select({ id: livelihoodReportAttachments.id, reportId: livelihoodReportAttachments.reportId, fileName: livelihoodReportAttachments.fileName, size: livelihoodReportAttachments.size })
        .from(livelihoodReportAttachments)
        .where(inArray(livelihoodReportAttachments.reportId, measure.reports.map((r) => r.id)))
        .orderBy(asc(livelihoodReportAttachments.uploadedAt))
    : [];
  const texts = await reportTexts(db, measure.reports);
  return {
    ...measureSummary(measure, () => project?.project.title ?? ''),
    calendarWarnings,
    milestones: measure.measure.milestones,
    fundings: measure.measure.fundings,
    deadlineText: measure.measure.deadlineText,
    targets: project?.targets.map((t) => ({ id: t.id, text: t.text, value: t.value, unit: t.unit })) ?? [],
    reports: [...measure.reports]
      .sort((a, b) => (a.period === b.period ? a.unit.localeCompare(b.unit) : a.period < b.period ? 1 : -1))
      .map((r) => ({
        id: r.id, unit: r.unit, organizationId: r.organizationId, period: r.period, submittedOn: r.submittedOn, progressPercent: r.progressPercent,
        narrative: texts.get(r.id)?.narrative ?? '', indicators: r.indicators, milestonesDone: [...(r.milestonesDone ?? [])], revision: r.revision,
        submittedBy: texts.get(r.id)?.submittedBy ?? null, attachments: files.filter((f) => f.reportId === r.id).map(({ id, fileName, size }) => ({ id, fileName, size })),
      })),
    supervisions: await listSupervisions(db, { measureIds: [measureId] }),
  };
}

/** Each report's narrative and who submitted it (the lights are computed without them). */
async function reportTexts(db: Db, reports: readonly PlanReport[]): Promise<Map<string, { narrative: string; submittedBy: string | null }>> {
  if (reports.length === 0) return new Map();
  const rows = await db
    .select({ id: livelihoodReports.id, narrative: livelihoodReports.narrative, submittedBy: users.displayName })
    .from(livelihoodReports)
    .leftJoin(users, eq(users.id, livelihoodReports.submittedBy))
    .where(inArray(livelihoodReports.id, reports.map((r) => r.id)));
  return new Map(rows.map(({ id, ...text }) => [id, text]));
}

/**
 * 领导驾驶舱: lights by project and by department (a joint measure counts for each of its units),
 * target attainment from the latest reported value of each target, and the measures needing
 * attention (red or overdue; each listed once, flagged).
 */
export async function livelihoodDashboard(db: Db, today: IsoDate) {
  const { plan, measures, reports, calendarWarnings } = await loadPlanStatus(db, today, undefined, { provisional: true });
  const departments = new Map<string, { organizationId: string; name: string; measures: MeasureWithStatus[] }>();
  for (const m of measures) {
    for (const u of m.units) {
      const entry = departments.get(u.organizationId) ?? { organizationId: u.organizationId, name: u.name, measures: [] };
      entry.measures.push(m);
      departments.set(u.organizationId, entry);
    }
  }
  const orgNames = new Map(
    (await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, [...departments.keys(), '00000000-0000-0000-0000-000000000000']))).map((o) => [o.id, o.name]),
  );
  const latestValue = (targetId: string) => {
    const candidates = reports.flatMap((r) => r.indicators.filter((i) => i.targetId === targetId).map((i) => ({ value: i.value, period: r.period, submittedOn: r.submittedOn })));
    candidates.sort((a, b) => (a.period === b.period ? (a.submittedOn < b.submittedOn ? 1 : -1) : a.period < b.period ? 1 : -1));
    return candidates[0]?.value ?? null;
  };
  return {
    today,
    calendarWarnings,
    plan: { year: plan.year, docNumber: plan.docNumber },
    totals: countLights(measures),
    byProject: plan.projects.map((p) => ({ no: p.project.no, title: p.project.title, ...countLights(measures.filter((m) => m.projectId === p.id)) })),
    byDepartment: [...departments.values()]
      .map((d) => ({ organizationId: d.organizationId, name: orgNames.get(d.organizationId) ?? d.name, ...countLights(d.measures) }))
      .sort((a, b) => b.red - a.red || b.yellow - a.yellow || a.name.localeCompare(b.name, 'zh-CN')),
    targets: plan.projects.flatMap((p) =>
      p.targets.map((t) => {
        const reached = latestValue(t.id);
        return {
          projectNo: p.project.no, targetId: t.id, text: t.text, context: t.context, value: t.value, unit: t.unit, reached,
          percent: reached === null || t.value <= 0 ? null : Math.min(100, Math.floor((reached * 100) / t.value)),
        };
      }),
    ),
    attention: measures.filter((m) => m.status.light === 'red' || isOverdue(m)).map(attentionItem),
  };
}

const isOverdue = (m: MeasureWithStatus) => m.status.reasons.some((r) => r.code === 'OVERDUE');

/**
 * A red or overdue measure as the dashboard lists it: what the row shows and the red reasons (a
 * unit's missing months in one line), no more (the measure's text, leaders and reports are on its own page; its project's title is in
 * byProject).
 */
function attentionItem(m: MeasureWithStatus) {
  return {
    id: m.id,
    projectNo: m.projectNo,
    no: m.measure.no,
    units: m.units.map((u) => u.name),
    deadline: m.measure.deadline,
    progressPercent: m.status.progressPercent,
    light: m.status.light,
    overdue: isOverdue(m),
    reasons: briefReasons(m.status.reasons).filter((r) => r.light === 'red').map((r) => ({ code: r.code, message: r.message })),
  };
}

/**
 * 我的任务: the measures the actor's unit leads, with its light, and for each the month whose report
 * is due next (the previous month until its due date, which is the 5th working day) and its state.
 */
export async function myTasks(db: Db, actor: Actor, today: IsoDate) {
  if (!actor.organizationId) throw errors.forbidden('账号未关联单位，没有本单位的任务');
  const organizationId = actor.organizationId;
  const { plan, measures, calendarWarnings: lightWarnings } = await loadPlanStatus(db, today, undefined, { provisional: true });
  const title = (id: string) => plan.projects.find((p) => p.id === id)?.project.title ?? '';
  const own = measures.filter((m) => m.units.some((u) => u.organizationId === organizationId));
  const previous = addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  const due = await withProvisionalCalendar(db, (calendar) => monthlyReportDueDate(previous, calendar));
  const dueOn = due.value;
  const calendarWarnings = [...new Set([...lightWarnings, ...due.calendarWarnings])];
  const [org] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, organizationId));
  return {
    organization: org?.name ?? '',
    today,
    calendarWarnings,
    period: previous,
    dueOn,
    items: own.map((m) => {
      const mine = m.reports.filter((r) => r.organizationId === organizationId);
      const forPeriod = mine.find((r) => r.period === previous) ?? null;
      const current = mine.find((r) => r.period === today.slice(0, 7)) ?? null;
      const periodInPlan = previous >= plan.reportingStartsOn.slice(0, 7) && previous <= `${plan.year}-12` && (m.measure.deadline === null || previous <= m.measure.deadline.slice(0, 7));
      return {
        ...measureSummary(m, title),
        milestones: m.measure.milestones,
        ownProgressPercent: [...mine].sort((a, b) => (a.period < b.period ? 1 : -1))[0]?.progressPercent ?? null,
        periodReport: forPeriod ? { id: forPeriod.id, submittedOn: forPeriod.submittedOn, late: forPeriod.submittedOn > dueOn } : null,
        currentReport: current ? { id: current.id, submittedOn: current.submittedOn } : null,
        periodRequired: periodInPlan,
      };
    }),
  };
}
