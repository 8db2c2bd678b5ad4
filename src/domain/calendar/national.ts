import chineseDays from 'chinese-days';
import { addDays, formatIsoDate, weekday, type IsoDate } from '../shared/dates.js';
import type { CalendarDay, YearCalendar } from './year-calendar.js';

/**
 * The State Council arrangement for `year`, from the `chinese-days` package (2004–2026 in 1.5.7),
 * or null when the package has no data for that year.
 *
 * The package answers every date (it falls back to Mon–Fri), so coverage is told from its
 * holiday table: a covered year always lists at least 元旦, and an uncovered year lists nothing.
 */
export function nationalYearCalendar(year: number): YearCalendar | null {
  const first = formatIsoDate(year, 1, 1);
  const last = formatIsoDate(year, 12, 31);
  const holidayDates = chineseDays.getHolidaysInRange(first, last, false);
  if (holidayDates.length === 0) return null;

  const holidays: CalendarDay[] = holidayDates.map((date) => ({ date, name: holidayName(date), source: 'national' }));
  const makeUpWorkdays: CalendarDay[] = [];
  for (let d: IsoDate = first; d <= last; d = addDays(d, 1)) {
    const isWeekend = weekday(d) === 0 || weekday(d) === 6;
    if (isWeekend && chineseDays.isWorkday(d)) makeUpWorkdays.push({ date: d, name: holidayName(d), source: 'national' });
  }
  return { year, holidays, makeUpWorkdays };
}

/** The notices' own names; the package shortens three of them. */
const FULL_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

/** The package names days "Spring Festival,春节,4" (English, Chinese, length); keep the Chinese name. */
function holidayName(date: IsoDate): string {
  const raw = chineseDays.getDayDetail(date).name;
  const chinese = raw.split(',')[1] ?? raw;
  return FULL_NAMES[chinese] ?? chinese;
}
