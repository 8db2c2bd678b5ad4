import type { Db } from '../../db/client.js';
import type { WorkdayCalendar } from '../../domain/calendar/index.js';
import { statusLight, type MeasureStatus, type StatusOptions } from '../../domain/livelihood/index.js';
import type { IsoDate } from '../../domain/shared/dates.js';
import { withProvisionalCalendar, withWorkdayCalendar } from '../calendar/index.js';
import { planReports, requirePlan, type PlanReport, type StoredMeasure, type StoredPlan } from './plan.queries.js';

/** How a plan is judged: reports from its start month, none owed after its year. */
export function planOptions(plan: StoredPlan): StatusOptions {
  return { planStart: plan.reportingStartsOn, planEnd: `${plan.year}-12-31` };
}

export interface MeasureWithStatus extends StoredMeasure {
  status: MeasureStatus;
  reports: PlanReport[];
}

/** Every measure's light on `today`, computed from the reports (never stored as input). */
export function measureStatuses(plan: StoredPlan, reports: readonly PlanReport[], today: IsoDate, calendar: WorkdayCalendar): MeasureWithStatus[] {
  const options = planOptions(plan);
  return plan.projects.flatMap((p) =>
    p.measures.map((m) => {
      const own = reports.filter((r) => r.measureId === m.id);
      return { ...m, reports: own, status: statusLight(m.measure, own, today, calendar, options) };
    }),
  );
}

export interface PlanStatus {
  plan: StoredPlan;
  reports: PlanReport[];
  measures: MeasureWithStatus[];
  /** Years whose regional days are missing and the lights depended on (provisional only). */
  calendarWarnings: string[];
}

/**
 * The plan, its reports and every measure's light. A year without complete calendar data answers
 * CALENDAR_MISSING; with `provisional` (the pages) a year with national data only is used and named
 * in `calendarWarnings`, and only a year with no data at all is refused.
 */
export async function loadPlanStatus(db: Db, today: IsoDate, year?: number, options: { provisional?: boolean } = {}): Promise<PlanStatus> {
  const plan = await requirePlan(db, year);
  const reports = await planReports(db, plan, { narratives: false });
  const compute = (calendar: WorkdayCalendar) => measureStatuses(plan, reports, today, calendar);
  if (options.provisional) {
    const { value, calendarWarnings } = await withProvisionalCalendar(db, compute);
    return { plan, reports, measures: value, calendarWarnings };
  }
  return { plan, reports, measures: await withWorkdayCalendar(db, compute), calendarWarnings: [] };
}

export type LightCounts = { green: number; yellow: number; red: number };

export function countLights(items: readonly { status: MeasureStatus }[]): LightCounts {
  const counts: LightCounts = { green: 0, yellow: 0, red: 0 };
  for (const item of items) counts[item.status.light] += 1;
  return counts;
}
