import type { Db } from '../../db/client.js';
import { errors } from '../../domain/errors.js';
import { quarterlySummary, type MonthlyReportState, type ProjectQuarterSummary, type QuarterRef } from '../../domain/livelihood/index.js';
import type { IsoDate } from '../../domain/shared/dates.js';
import { withWorkdayCalendar } from '../calendar/index.js';
import { planReports, requirePlan } from './plan.queries.js';
import { planOptions } from './status.service.js';

export const REPORT_STATE_LABELS: Record<MonthlyReportState, string> = { onTime: '按时报送', late: '逾期报送', missing: '未报送', pending: '待报送' };

function quarterOf(period: string): QuarterRef {
  const [year, month] = period.split('-').map(Number);
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as QuarterRef['quarter'] };
}

/** 督查室's view of one month: which reports were owed, in on time, late, missing, or not yet due. */
export async function reportingStatus(db: Db, period: string, today: IsoDate) {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw errors.validation('月份格式应为 YYYY-MM', { field: 'period' });
  const plan = await requirePlan(db, Number(period.slice(0, 4)));
  const reports = await planReports(db, plan);
  const summaries = await withWorkdayCalendar(db, (calendar) =>
    plan.projects.map((p) => ({ project: p, summary: quarterlySummary(p.project, reports, quarterOf(period), today, calendar, planOptions(plan)) })),
  );
  const items = summaries.flatMap(({ project, summary }) => {
    const month = summary.months.find((m) => m.period === period);
    return (month?.items ?? []).map((item) => {
      const measure = project.measures.find((m) => m.measure.no === item.measureNo);
      return {
        projectNo: project.project.no, projectTitle: project.project.title, measureId: measure?.id ?? '', measureNo: item.measureNo,
        unit: item.unit, state: item.state, submittedOn: item.submittedOn, progressPercent: item.progressPercent,
      };
    });
  });
  const dueOn = summaries.map((s) => s.summary.months.find((m) => m.period === period)?.dueOn ?? null).find((d) => d !== null) ?? null;
  const count = (state: MonthlyReportState) => items.filter((i) => i.state === state).length;
  return {
    period,
    dueOn,
    counts: { due: items.length, onTime: count('onTime'), late: count('late'), missing: count('missing'), pending: count('pending') },
    items,
  };
}

export interface QuarterlyReport {
  summary: ProjectQuarterSummary;
  year: number;
  docNumber: string | null;
  today: IsoDate;
  measures: {
    no: number; units: string[]; deadline: string | null; progressPercent: number;
    narratives: { unit: string; period: string; submittedOn: string; progressPercent: number; narrative: string }[];
  }[];
  targets: { text: string; value: number; unit: string; reached: number | null }[];
}

/** A project's quarterly report for 督查室, from the monthly reports (8号文 二：按季度报督查室). */
export async function quarterlyReport(db: Db, projectNo: number, quarter: QuarterRef, today: IsoDate): Promise<QuarterlyReport> {
  if (![1, 2, 3, 4].includes(quarter.quarter)) throw errors.validation('季度应为 1–4', { field: 'quarter' });
  const plan = await requirePlan(db, quarter.year);
  const project = plan.projects.find((p) => p.project.no === projectNo);
  if (!project) throw errors.notFound(`第${projectNo}项民生实事`);
  const reports = await planReports(db, plan);
  const summary = await withWorkdayCalendar(db, (calendar) => quarterlySummary(project.project, reports, quarter, today, calendar, planOptions(plan)));
  const periods = summary.months.map((m) => m.period);
  const inQuarter = reports.filter((r) => r.projectNo === projectNo && periods.includes(r.period) && r.submittedOn <= today);
  const lastPeriod = periods[2];
  return {
    summary,
    year: plan.year,
    docNumber: plan.docNumber,
    today,
    measures: project.measures.map((m) => ({
      no: m.measure.no,
      units: m.units.map((u) => u.name),
      deadline: m.measure.deadline,
      progressPercent: summary.progress.find((p) => p.measureNo === m.measure.no)?.progressPercent ?? 0,
      narratives: inQuarter
        .filter((r) => r.measureId === m.id)
        .sort((a, b) => (a.period === b.period ? a.unit.localeCompare(b.unit) : a.period < b.period ? -1 : 1))
        .map((r) => ({ unit: r.unit, period: r.period, submittedOn: r.submittedOn, progressPercent: r.progressPercent, narrative: r.narrative })),
    })),
    targets: project.targets.map((t) => {
      const values = reports
        .filter((r) => r.projectNo === projectNo && r.period <= lastPeriod && r.submittedOn <= today)
        .flatMap((r) => r.indicators.filter((i) => i.targetId === t.id).map((i) => ({ period: r.period, submittedOn: r.submittedOn, value: i.value })))
        .sort((a, b) => (a.period === b.period ? (a.submittedOn < b.submittedOn ? 1 : -1) : a.period < b.period ? 1 : -1));
      return { text: t.text, value: t.value, unit: t.unit, reached: values[0]?.value ?? null };
    }),
  };
}
