import type { IsoDate } from '../shared/dates.js';
import type { WorkdayCalendar } from '../calendar/workday-calendar.js';
import {
  defaultPlanStart, firstReportPeriod, measureProgress, monthEnd, monthlyReportDueDate, monthlyReportState, nextPeriod,
  reportRequired, reportsAsOf, MONTHLY_REPORT_DUE_WORKDAY,
  type MonthlyReportState, type ProgressReport, type ReportingOptions,
} from './reporting.js';
import type { LivelihoodProject } from './types.js';

export interface QuarterRef {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

/** One unit's report on one measure for one month. */
export interface MonthlyReportItem {
  measureNo: number;
  unit: string;
  state: MonthlyReportState;
  submittedOn: IsoDate | null;
  progressPercent: number | null;
}

export interface ReportCounts {
  /** Reports owed (unit × measure) — whether or not the due date has come. */
  due: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  /** Owed but not yet due on `today`. */
  pending: number;
}

export interface MonthSummary extends ReportCounts {
  period: string;
  /** Null only for a month not yet over whose due date falls in a year the calendar lacks (December). */
  dueOn: IsoDate | null;
  items: MonthlyReportItem[];
}

/** A project's quarter for 督查室 (8号文 二：“按季度报自治州人民政府督查室”). */
export interface ProjectQuarterSummary {
  projectNo: number;
  title: string;
  year: number;
  quarter: QuarterRef['quarter'];
  months: MonthSummary[];
  totals: ReportCounts;
  /** Each measure's progress from the reports on the quarter's months (slowest unit), as of today. */
  progress: { measureNo: number; progressPercent: number }[];
}

/**
 * Builds a project's quarterly summary from its units' monthly reports: per month, which reports
 * were owed, in on time (by the Nth working day of the next month), late, missing, or not yet due.
 * Reports submitted after `today` are ignored, so a summary for a pinned day never changes.
 */
export function quarterlySummary(
  project: LivelihoodProject,
  reports: readonly ProgressReport[],
  quarter: QuarterRef,
  today: IsoDate,
  calendar: WorkdayCalendar,
  options: ReportingOptions = {},
): ProjectQuarterSummary {
  const seen = reportsAsOf(reports, today).filter((r) => r.projectNo === project.no);
  const firstMonth = `${quarter.year}-${String((quarter.quarter - 1) * 3 + 1).padStart(2, '0')}`;
  const periods = [firstMonth, nextPeriod(firstMonth), nextPeriod(firstMonth, 2)];
  const months = periods.map((period) => monthSummary(project, seen, period, today, calendar, options));
  const lastDay = monthEnd(periods[2]);
  return {
    projectNo: project.no,
    title: project.title,
    year: quarter.year,
    quarter: quarter.quarter,
    months,
    totals: sumCounts(months),
    progress: project.measures.map((m) => ({
      measureNo: m.no,
      progressPercent: measureProgress(m.units, seen.filter((r) => r.measureNo === m.no && r.period <= lastDay.slice(0, 7))),
    })),
  };
}

function monthSummary(
  project: LivelihoodProject, seen: ProgressReport[], period: string, today: IsoDate,
  calendar: WorkdayCalendar, options: ReportingOptions,
): MonthSummary {
  const ended = today > monthEnd(period);
  const dueYear = Number(nextPeriod(period).slice(0, 4));
  const dueOn = ended || calendar.years.includes(dueYear)
    ? monthlyReportDueDate(period, calendar, options.reportDueWorkday ?? MONTHLY_REPORT_DUE_WORKDAY)
    : null;
  // While the month runs, its end stands in for an unknown due date: nothing can be late or missing yet.
  const judgeBy = dueOn ?? monthEnd(period);
  const items: MonthlyReportItem[] = [];
  for (const measure of project.measures) {
    const own = seen.filter((r) => r.measureNo === measure.no);
    const first = firstReportPeriod(options.planStart ?? defaultPlanStart(measure, today));
    for (const unit of measure.units) {
      if (!reportRequired(period, unit, measure, first, own, options.planEnd)) continue;
      const forMonth = own.filter((r) => r.unit === unit && r.period === period).sort((a, b) => (a.submittedOn < b.submittedOn ? -1 : 1));
      items.push({
        measureNo: measure.no,
        unit,
        state: monthlyReportState(forMonth, judgeBy, today),
        submittedOn: forMonth[0]?.submittedOn ?? null,
        progressPercent: forMonth.at(-1)?.progressPercent ?? null,
      });
    }
  }
  const count = (state: MonthlyReportState) => items.filter((i) => i.state === state).length;
  const [onTime, late, missing, pending] = [count('onTime'), count('late'), count('missing'), count('pending')];
  return { period, dueOn, items, due: items.length, submitted: onTime + late, onTime, late, missing, pending };
}

function sumCounts(months: readonly ReportCounts[]): ReportCounts {
  const total: ReportCounts = { due: 0, submitted: 0, onTime: 0, late: 0, missing: 0, pending: 0 };
  for (const m of months) {
    for (const key of Object.keys(total) as (keyof ReportCounts)[]) total[key] += m[key];
  }
  return total;
}
