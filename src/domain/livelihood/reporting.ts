import { addMonths, daysInMonth, formatIsoDate, parseIsoDate, type IsoDate } from '../shared/dates.js';
import type { WorkdayCalendar } from '../calendar/workday-calendar.js';
import type { Measure } from './types.js';

/** 进展报告: one unit's monthly report on one measure. */
export interface ProgressReport {
  projectNo: number;
  measureNo: number;
  unit: string;
  /** The month reported on, 'YYYY-MM'. */
  period: string;
  submittedOn: IsoDate;
  /** Whole percent, 0–100; 100 means the unit's part is complete. */
  progressPercent: number;
  /** Milestone texts (Milestone.text) the unit reports as done. */
  milestonesDone?: readonly string[];
}

/**
 * A month's report is due by the 5th working day of the next month. The plan (8号文 二) only says
 * units study progress every month and report to 督查室 quarterly; five working days is the usual
 * monthly-report rule and leaves a week after a long holiday. Callers may pass another N.
 */
export const MONTHLY_REPORT_DUE_WORKDAY = 5;

export type MonthlyReportState = 'onTime' | 'late' | 'missing' | 'pending';

export interface ReportingOptions {
  /**
   * When reporting starts; the first month required is the first full month from here.
   * Default: 1 January of the deadline's year, or of today's year for a continuous measure
   * (全年持续推进) — so pass it when judging last year's plan.
   */
  planStart?: IsoDate;
  /**
   * The plan's last day: no report is owed on a later month. A continuous measure (全年持续推进)
   * of a year's plan runs to that year's end, not for ever. Default: none.
   */
  planEnd?: IsoDate;
  reportDueWorkday?: number;
}

export function monthEnd(period: string): IsoDate {
  const [year, month] = period.split('-').map(Number);
  return formatIsoDate(year, month, daysInMonth(year, month));
}

export function nextPeriod(period: string, months = 1): string {
  return addMonths(`${period}-01`, months).slice(0, 7);
}

/** The Nth working day of the month after `period`. */
export function monthlyReportDueDate(period: string, calendar: WorkdayCalendar, n = MONTHLY_REPORT_DUE_WORKDAY): IsoDate {
  return calendar.addWorkdays(monthEnd(period), n);
}

/** Reports that exist as of `today`: one dated later has not been submitted yet. */
export function reportsAsOf(reports: readonly ProgressReport[], today: IsoDate): ProgressReport[] {
  return reports.filter((r) => r.submittedOn <= today);
}

/** onTime / late by the first submission; missing once the due date has passed with none; else pending. */
export function monthlyReportState(submitted: readonly ProgressReport[], dueOn: IsoDate, today: IsoDate): MonthlyReportState {
  const first = submitted.reduce<IsoDate | null>((min, r) => (min === null || r.submittedOn < min ? r.submittedOn : min), null);
  if (first !== null) return first <= dueOn ? 'onTime' : 'late';
  return today > dueOn ? 'missing' : 'pending';
}

export function defaultPlanStart(measure: Pick<Measure, 'deadline'>, today: IsoDate): IsoDate {
  return `${(measure.deadline ?? today).slice(0, 4)}-01-01`;
}

/** The first month that must be reported on: planStart's month if it starts on the 1st, else the next. */
export function firstReportPeriod(planStart: IsoDate): string {
  const { day } = parseIsoDate(planStart);
  return day === 1 ? planStart.slice(0, 7) : nextPeriod(planStart.slice(0, 7));
}

/** A unit's latest report (by period, then submission) among `reports`, or null. */
export function latestReport(reports: readonly ProgressReport[], unit: string): ProgressReport | null {
  let latest: ProgressReport | null = null;
  for (const r of reports) {
    if (r.unit !== unit) continue;
    const newer = !latest || r.period > latest.period || (r.period === latest.period && r.submittedOn >= latest.submittedOn);
    if (newer) latest = r;
  }
  return latest;
}

/**
 * A measure's progress is its slowest unit's latest reported percent (0 for a unit that has not
 * reported): a joint measure is only as far along as the unit that lags.
 */
export function measureProgress(units: readonly string[], reports: readonly ProgressReport[]): number {
  const names = units.length > 0 ? units : [...new Set(reports.map((r) => r.unit))];
  if (names.length === 0) return 0;
  return Math.min(...names.map((u) => latestReport(reports, u)?.progressPercent ?? 0));
}

/** The period in which the unit first reported 100%, or null. Later months need no report. */
export function completedIn(reports: readonly ProgressReport[], unit: string): string | null {
  const done = reports.filter((r) => r.unit === unit && r.progressPercent >= 100).map((r) => r.period).sort();
  return done[0] ?? null;
}

/** Whether `unit` owes a report on `period` for a measure with this deadline. */
export function reportRequired(
  period: string, unit: string, measure: Pick<Measure, 'deadline'>, firstPeriod: string, reports: readonly ProgressReport[], planEnd?: IsoDate,
): boolean {
  if (period < firstPeriod) return false;
  if (planEnd !== undefined && period > planEnd.slice(0, 7)) return false;
  if (measure.deadline !== null && period > measure.deadline.slice(0, 7)) return false;
  const completed = completedIn(reports, unit);
  return completed === null || period <= completed;
}
