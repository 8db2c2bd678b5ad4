import { and, eq } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import { calendarDays, calendarYears } from '../../db/schema/index.js';
import { emptyYearCalendar, nationalYearCalendar } from '../../domain/calendar/index.js';
import { errors } from '../../domain/errors.js';
import { isIsoDate, parseIsoDate, weekday, type IsoDate } from '../../domain/shared/dates.js';
import type { Actor } from '../actor.js';
import { runAudited } from '../audit/audit.service.js';
import { replaceYearCalendar, seedDefaultCalendars, yearExists } from './year-calendars.js';

export interface CalendarDayInput {
  date: IsoDate;
  kind: 'holiday' | 'makeUpWorkday';
  name: string;
  source: 'national' | 'regional';
}

/** Stores the default years not stored yet (first run, and `calendar seed` after a chinese-days upgrade). */
export async function seedCalendars(database: Database, actor: Actor): Promise<number[]> {
  return runAudited(database, actor, (added: number[]) => ({ action: 'calendar.seed', object: 'calendar', details: { added } }), (tx) =>
    seedDefaultCalendars(tx),
  );
}

/** Adds a year: the national days when chinese-days has them, else empty; either way not complete yet. */
export async function addCalendarYear(database: Database, actor: Actor, year: number) {
  return runAudited(database, actor, { action: 'calendar.year.add', object: `calendar:${year}` }, async (tx) => {
    if (await yearExists(tx, year)) throw errors.conflict(`${year}年的工作日历已存在`);
    await replaceYearCalendar(tx, nationalYearCalendar(year) ?? emptyYearCalendar(year), { status: 'national-only', origin: 'manual' });
    return { year };
  });
}

/** Adds or changes one day (a holiday, or a weekend day worked). The year must exist. */
export async function setCalendarDay(database: Database, actor: Actor, year: number, input: CalendarDayInput) {
  checkDay(year, input);
  return runAudited(database, actor, { action: 'calendar.day.set', object: `calendar:${year}`, details: { ...input } }, async (tx) => {
    if (!(await yearExists(tx, year))) throw errors.notFound(`${year}年的工作日历`);
    await tx
      .insert(calendarDays)
      .values({ year, date: input.date, kind: input.kind, name: input.name.trim(), source: input.source })
      .onConflictDoUpdate({
        target: [calendarDays.jurisdiction, calendarDays.year, calendarDays.date],
        set: { kind: input.kind, name: input.name.trim(), source: input.source },
      });
    await touchYear(tx, year);
    return { year, date: input.date };
  });
}

export async function removeCalendarDay(database: Database, actor: Actor, year: number, date: IsoDate) {
  return runAudited(database, actor, { action: 'calendar.day.remove', object: `calendar:${year}`, details: { date } }, async (tx) => {
    const removed = await tx
      .delete(calendarDays)
      .where(and(eq(calendarDays.year, year), eq(calendarDays.date, date)))
      .returning({ date: calendarDays.date });
    if (removed.length === 0) throw errors.notFound(`${date}的节假日或调休记录`);
    await touchYear(tx, year);
    return { year, date };
  });
}

/** The admin states the year now holds both the national and the regional arrangement. */
export async function confirmCalendarYear(database: Database, actor: Actor, year: number, note: string | null) {
  return runAudited(database, actor, { action: 'calendar.year.confirm', object: `calendar:${year}`, details: { note } }, async (tx) => {
    const updated = await tx
      .update(calendarYears)
      .set({ status: 'complete', origin: 'manual', note, updatedAt: new Date() })
      .where(eq(calendarYears.year, year))
      .returning({ year: calendarYears.year });
    if (updated.length === 0) throw errors.notFound(`${year}年的工作日历`);
    return { year };
  });
}

async function touchYear(tx: Db, year: number) {
  await tx.update(calendarYears).set({ origin: 'manual', updatedAt: new Date() }).where(eq(calendarYears.year, year));
}

function checkDay(year: number, input: CalendarDayInput): void {
  if (!isIsoDate(input.date)) throw errors.validation(`日期无效：${input.date}`, { field: 'date' });
  const dayYear = parseIsoDate(input.date).year;
  // A notice for Y may list the last days of Y−1 (元旦) or the first of Y+1.
  if (Math.abs(dayYear - year) > 1) throw errors.validation(`${input.date}不属于${year}年的安排`, { field: 'date' });
  if (!input.name.trim()) throw errors.validation('请填写节日名称', { field: 'name' });
  const weekend = weekday(input.date) === 0 || weekday(input.date) === 6;
  if (input.kind === 'makeUpWorkday' && !weekend) throw errors.validation(`${input.date}不是周末，无需登记为调休上班日`, { field: 'date' });
}
