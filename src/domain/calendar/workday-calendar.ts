import { parseIsoDate, addDays, weekday, type IsoDate } from '../shared/dates.js';
import { CalendarMissingError, type CalendarDay, type YearCalendar } from './year-calendar.js';

/** Why a day is or is not a workday, for display. */
export interface DayInfo {
  date: IsoDate;
  workday: boolean;
  kind: 'holiday' | 'makeUpWorkday' | 'weekend' | 'weekday';
  name: string | null;
  source: CalendarDay['source'] | null;
}

export interface WorkdayCalendar {
  readonly years: readonly number[];
  isWorkday(date: IsoDate): boolean;
  describe(date: IsoDate): DayInfo;
  /**
   * The date n workdays after (n > 0) or before (n < 0) `date`; `date` itself is never counted.
   * n = 0 returns `date` unchanged, workday or not.
   */
  addWorkdays(date: IsoDate, n: number): IsoDate;
  /**
   * Workdays stepped over going from `start` to `end`, counting where you land but not where you set out:
   * (start, end] when end ≥ start; minus the workdays in [end, start) when end < start.
   * So addWorkdays(start, workdaysBetween(start, end)) = end whenever `end` is a workday.
   */
  workdaysBetween(start: IsoDate, end: IsoDate): number;
}

/**
 * A working-day calendar from one or more year calendars (for Xinjiang: national + regional).
 * When two calendars disagree about a date, the later one in the list wins, so pass national
 * first and regional after it. A date whose year no calendar covers throws CalendarMissingError.
 * `onYear` hears of every year a question touched (to tell which provisional years an answer used).
 */
export function createWorkdayCalendar(yearCalendars: readonly YearCalendar[], options: { onYear?: (year: number) => void } = {}): WorkdayCalendar {
  const years = new Set(yearCalendars.map((c) => c.year));
  const special = new Map<IsoDate, { workday: boolean; day: CalendarDay }>();
  for (const calendar of yearCalendars) {
    for (const day of calendar.holidays) special.set(day.date, { workday: false, day });
    for (const day of calendar.makeUpWorkdays) special.set(day.date, { workday: true, day });
  }

  // A calendar lives for one request or command, which asks about the same days many times (a status
  // light walks every month's due date for every unit): answers are kept per day and per question.
  const described = new Map<IsoDate, DayInfo>();
  const dayInfo = (date: IsoDate): DayInfo => {
    const known = described.get(date);
    if (known) return known;
    const { year } = parseIsoDate(date);
    if (!years.has(year)) throw new CalendarMissingError(year);
    options.onYear?.(year);
    const entry = special.get(date);
    let info: DayInfo;
    if (entry) {
      const kind = entry.workday ? 'makeUpWorkday' : 'holiday';
      info = { date, workday: entry.workday, kind, name: entry.day.name, source: entry.day.source };
    } else {
      const weekend = weekday(date) === 0 || weekday(date) === 6;
      info = { date, workday: !weekend, kind: weekend ? 'weekend' : 'weekday', name: null, source: null };
    }
    described.set(date, info);
    return info;
  };
  const describe = (date: IsoDate): DayInfo => ({ ...dayInfo(date) });
  const isWorkday = (date: IsoDate): boolean => dayInfo(date).workday;

  const added = new Map<string, IsoDate>();
  const addWorkdays = (date: IsoDate, n: number): IsoDate => {
    if (!Number.isInteger(n)) throw new RangeError(`工作日数必须是整数：${n}`);
    const key = `${date}|${n}`;
    const known = added.get(key);
    if (known !== undefined) return known;
    const step = n > 0 ? 1 : -1;
    let remaining = Math.abs(n);
    let current = date;
    while (remaining > 0) {
      current = addDays(current, step);
      if (isWorkday(current)) remaining -= 1;
    }
    added.set(key, current);
    return current;
  };

  const workdaysBetween = (start: IsoDate, end: IsoDate): number => {
    const backwards = end < start;
    const [from, to] = backwards ? [end, addDays(start, -1)] : [addDays(start, 1), end];
    let count = 0;
    for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkday(d)) count += 1;
    return backwards && count > 0 ? -count : count;
  };

  return { years: [...years].sort((a, b) => a - b), isWorkday, describe, addWorkdays, workdaysBetween };
}
