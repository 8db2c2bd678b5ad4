import { daysBetween, type IsoDate } from '../shared/dates.js';
import type { WorkdayCalendar } from '../calendar/workday-calendar.js';
import {
  defaultPlanStart, firstReportPeriod, measureProgress, monthlyReportDueDate, monthlyReportState, nextPeriod,
  reportRequired, reportsAsOf, MONTHLY_REPORT_DUE_WORKDAY, type ProgressReport, type ReportingOptions,
} from './reporting.js';
import type { Measure } from './types.js';

/** 红黄绿灯. */
export type StatusLight = 'green' | 'yellow' | 'red';

export interface StatusReason {
  light: StatusLight;
  code: 'COMPLETE' | 'ON_TRACK' | 'OVERDUE' | 'REPORT_MISSING' | 'BEHIND_SCHEDULE' | 'MILESTONE_MISSED' | 'NEAR_DEADLINE';
  message: string;
  /** REPORT_MISSING: the unit whose report is missing. */
  unit?: string;
  /** REPORT_MISSING: the month (YYYY-MM) it was due for. */
  period?: string;
}

export interface MeasureStatus {
  light: StatusLight;
  reasons: StatusReason[];
  progressPercent: number;
  /** Share of the period from plan start to deadline that has gone by; null without a deadline. */
  elapsedPercent: number | null;
}

export interface StatusOptions extends ReportingOptions {
  /** Yellow when the deadline is this many working days away or fewer. */
  nearDeadlineWorkdays?: number;
}

/**
 * The light for one measure on `today`, computed from its reports (pass this measure's reports).
 *   red:    deadline passed and not complete; or a month ended and a unit's report for it was not
 *           in by the 5th working day of the next month (and still is not in).
 *   yellow: progress below the time-proportional share from plan start to deadline (calendar days);
 *           a milestone day passed without a report marking it done; the deadline ≤ 5 working days away.
 *   green:  none of these, or complete (every unit reported 100%).
 * Every reason that applies is returned, worst first.
 */
export function statusLight(
  measure: Pick<Measure, 'units' | 'deadline' | 'milestones'>,
  reports: readonly ProgressReport[],
  today: IsoDate,
  calendar: WorkdayCalendar,
  options: StatusOptions = {},
): MeasureStatus {
  const planStart = options.planStart ?? defaultPlanStart(measure, today);
  const seen = reportsAsOf(reports, today);
  const progressPercent = measureProgress(measure.units, seen);
  const elapsedPercent = measure.deadline ? elapsedShare(planStart, measure.deadline, today) : null;
  if (progressPercent >= 100) {
    return { light: 'green', reasons: [{ light: 'green', code: 'COMPLETE', message: '已完成' }], progressPercent, elapsedPercent };
  }
  const reasons = [
    ...overdue(measure.deadline, today, progressPercent),
    ...missingReports(measure, seen, today, calendar, planStart, options.reportDueWorkday ?? MONTHLY_REPORT_DUE_WORKDAY, options.planEnd),
    ...behindSchedule(measure.deadline, today, planStart, progressPercent),
    ...missedMilestones(measure.milestones, seen, today),
    ...nearDeadline(measure.deadline, today, calendar, options.nearDeadlineWorkdays ?? 5),
  ];
  const light: StatusLight = reasons.some((r) => r.light === 'red') ? 'red' : reasons.length > 0 ? 'yellow' : 'green';
  if (light === 'green') reasons.push({ light: 'green', code: 'ON_TRACK', message: `按计划推进，进度${progressPercent}%` });
  return { light, reasons, progressPercent, elapsedPercent };
}

/**
 * The reasons as a leader reads them in a list: a unit's missing monthly reports in one line, at the
 * place of its first (州水利局有3个月进展未报送：2023年3月至5月); a single missing month and every
 * other reason as they are.
 */
export function briefReasons(reasons: readonly StatusReason[]): StatusReason[] {
  const missing = new Map<string, string[]>();
  for (const r of reasons) {
    if (r.code === 'REPORT_MISSING' && r.unit && r.period) missing.set(r.unit, [...(missing.get(r.unit) ?? []), r.period]);
  }
  const brief: StatusReason[] = [];
  for (const r of reasons) {
    const periods = r.code === 'REPORT_MISSING' && r.unit ? missing.get(r.unit) : undefined;
    if (!r.unit || !periods || periods.length < 2) brief.push(r);
    else if (periods[0] === r.period) {
      brief.push({ light: r.light, code: r.code, unit: r.unit, message: `${r.unit}有${periods.length}个月进展未报送：${monthRanges(periods)}` });
    }
  }
  return brief;
}

/** 2023年3月至5月、2023年8月、2023年11月至2024年1月. */
function monthRanges(periods: readonly string[]): string {
  const runs: [string, string][] = [];
  for (const p of [...new Set(periods)].sort()) {
    const last = runs.at(-1);
    if (last && nextPeriod(last[1]) === p) last[1] = p;
    else runs.push([p, p]);
  }
  const month = (p: string) => `${Number(p.slice(5, 7))}月`;
  const label = (p: string) => `${p.slice(0, 4)}年${month(p)}`;
  return runs.map(([a, b]) => (a === b ? label(a) : `${label(a)}至${a.slice(0, 4) === b.slice(0, 4) ? month(b) : label(b)}`)).join('、');
}

function elapsedShare(planStart: IsoDate, deadline: IsoDate, today: IsoDate): number {
  const total = daysBetween(planStart, deadline);
  const gone = Math.min(Math.max(daysBetween(planStart, today), 0), total);
  return total <= 0 ? 100 : Math.floor((gone * 100) / total);
}

function overdue(deadline: IsoDate | null, today: IsoDate, progress: number): StatusReason[] {
  if (!deadline || today <= deadline) return [];
  return [{ light: 'red', code: 'OVERDUE', message: `已超过完成时限（${deadline}），进度${progress}%` }];
}

function missingReports(
  measure: Pick<Measure, 'units' | 'deadline'>, seen: ProgressReport[], today: IsoDate,
  calendar: WorkdayCalendar, planStart: IsoDate, dueWorkday: number, planEnd?: IsoDate,
): StatusReason[] {
  const reasons: StatusReason[] = [];
  const first = firstReportPeriod(planStart);
  for (let period = first; period < today.slice(0, 7); period = nextPeriod(period)) {
    for (const unit of measure.units) {
      if (!reportRequired(period, unit, measure, first, seen, planEnd)) continue;
      const dueOn = monthlyReportDueDate(period, calendar, dueWorkday);
      const own = seen.filter((r) => r.unit === unit && r.period === period);
      if (monthlyReportState(own, dueOn, today) !== 'missing') continue;
      const [y, m] = period.split('-').map(Number);
      reasons.push({ light: 'red', code: 'REPORT_MISSING', message: `${unit}未报送${y}年${m}月进展（应于${dueOn}前报送）`, unit, period });
    }
  }
  return reasons;
}

function behindSchedule(deadline: IsoDate | null, today: IsoDate, planStart: IsoDate, progress: number): StatusReason[] {
  if (!deadline || today > deadline) return [];
  const total = daysBetween(planStart, deadline);
  const gone = Math.max(daysBetween(planStart, today), 0);
  if (total <= 0 || progress * total >= gone * 100) return [];
  const expected = Math.floor((gone * 100) / total);
  return [{ light: 'yellow', code: 'BEHIND_SCHEDULE', message: `进度${progress}%，落后于时间进度${expected}%` }];
}

function missedMilestones(milestones: Measure['milestones'], seen: ProgressReport[], today: IsoDate): StatusReason[] {
  const done = new Set(seen.flatMap((r) => r.milestonesDone ?? []));
  return milestones
    .filter((m) => m.date < today && !done.has(m.text))
    .map((m) => ({ light: 'yellow', code: 'MILESTONE_MISSED', message: `节点“${m.text}”（${m.date}）已过，未报完成` }));
}

function nearDeadline(deadline: IsoDate | null, today: IsoDate, calendar: WorkdayCalendar, within: number): StatusReason[] {
  if (!deadline || today > deadline) return [];
  const left = calendar.workdaysBetween(today, deadline);
  if (left > within) return [];
  return [{ light: 'yellow', code: 'NEAR_DEADLINE', message: `距完成时限（${deadline}）仅剩${left}个工作日` }];
}
