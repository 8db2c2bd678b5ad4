import { addDays, type IsoDate } from '../shared/dates.js';

/** Who declared a day: the State Council (national) or the autonomous region (regional). */
export type CalendarSource = 'national' | 'regional';

export interface CalendarDay {
  date: IsoDate;
  /** The holiday the day belongs to, as the notice names it: 春节, 肉孜节 … */
  name: string;
  source: CalendarSource;
}

/**
 * One year's official arrangement: days off (放假) and weekend days that are worked (调休上班).
 * Every other day is a workday on Monday–Friday and a rest day on Saturday–Sunday.
 * A notice for year Y may list a date of Y−1 (元旦 from 12月31日); it stays in Y's calendar.
 */
export interface YearCalendar {
  year: number;
  holidays: CalendarDay[];
  makeUpWorkdays: CalendarDay[];
}

/** Thrown when a working-day question touches a year the calendar has no data for. */
export class CalendarMissingError extends Error {
  readonly code = 'CALENDAR_MISSING';

  constructor(
    readonly year: number,
    detail = '工作日历',
  ) {
    super(`缺少${year}年的${detail}`);
    this.name = 'CalendarMissingError';
  }
}

export function emptyYearCalendar(year: number): YearCalendar {
  return { year, holidays: [], makeUpWorkdays: [] };
}

/** All days between two dates inclusive, as calendar entries. */
export function dayRange(from: IsoDate, to: IsoDate, name: string, source: CalendarSource): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push({ date: d, name, source });
  return days;
}
