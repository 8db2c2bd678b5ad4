/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`), in Asia/Urumqi civil terms.
 * A calendar date has no time and no zone: arithmetic here never touches the clock or `Date`'s local zone.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function parseIsoDate(value: IsoDate): { year: number; month: number; day: number } {
  if (!isIsoDate(value)) throw new RangeError(`不是有效的日期：${String(value)}`);
  const [year, month, day] = value.split('-').map(Number);
  return { year, month, day };
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/**
 * Civil Code art. 203: a period of N months ends on the corresponding day of the last month,
 * or on that month's last day when it has no corresponding day (2023-08-31 + 6 months = 2024-02-29).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatIsoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Full years from `start` to `end`: a year is full on the corresponding date (29 Feb → 28 Feb). */
export function fullYearsBetween(start: IsoDate, end: IsoDate): number {
  if (end < start) return 0;
  const a = parseIsoDate(start);
  const b = parseIsoDate(end);
  let years = b.year - a.year;
  if (years > 0 && addYears(start, years) > end) years -= 1;
  return years;
}

/** Days since 1970-01-01 for a calendar date (UTC arithmetic, so no zone can shift it). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const d = new Date(dayNumber * 86_400_000);
  return formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function daysBetween(start: IsoDate, end: IsoDate): number {
  return toDayNumber(end) - toDayNumber(start);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return (toDayNumber(date) + 4) % 7;
}

/** Today's calendar date in Asia/Urumqi (UTC+6, no daylight saving) for an instant. */
export function urumqiDate(instant: Date): IsoDate {
  const shifted = new Date(instant.getTime() + 6 * 3_600_000);
  return formatIsoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}
