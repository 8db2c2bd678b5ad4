import type { IsoDate } from '../shared/dates.js';
import type { PlannedConference } from './press-plan.js';

/** A conference that took place; planSeq links it to the plan, null for an ad-hoc one. */
export interface HeldConference {
  unit: string;
  date: IsoDate;
  planSeq: number | null;
}

export interface UnitPressStatistics {
  unit: string;
  planned: number;
  /** Planned conferences held (in any month). */
  heldAsPlanned: number;
  /** …of which held in the planned month. */
  heldInPlannedMonth: number;
  /** Planned, not held, and the planned month is over. */
  overdue: number;
  /** Planned, not held, the planned month not over yet. */
  upcoming: number;
  /** Held without being in the plan. */
  heldAdHoc: number;
}

/**
 * Planned-vs-held per publishing unit, in the order units first appear in the plan, then units
 * with ad-hoc conferences only. Units are matched by their exact name; aliases (州卫生健康委 =
 * 州卫生健康委员会) must be resolved by the caller through the directory.
 */
export function pressStatisticsByUnit(
  planned: readonly PlannedConference[],
  held: readonly HeldConference[],
  today: IsoDate,
): UnitPressStatistics[] {
  const byUnit = new Map<string, UnitPressStatistics>();
  const row = (unit: string): UnitPressStatistics => {
    let stats = byUnit.get(unit);
    if (!stats) {
      stats = { unit, planned: 0, heldAsPlanned: 0, heldInPlannedMonth: 0, overdue: 0, upcoming: 0, heldAdHoc: 0 };
      byUnit.set(unit, stats);
    }
    return stats;
  };
  const currentMonth = today.slice(0, 7);
  for (const conference of planned) {
    const stats = row(conference.unit);
    stats.planned += 1;
    const record = held.find((h) => h.planSeq === conference.seq);
    if (record) {
      stats.heldAsPlanned += 1;
      if (record.date.slice(0, 7) === conference.month) stats.heldInPlannedMonth += 1;
    } else if (conference.month < currentMonth) stats.overdue += 1;
    else stats.upcoming += 1;
  }
  for (const record of held) if (record.planSeq === null) row(record.unit).heldAdHoc += 1;
  return [...byUnit.values()];
}
