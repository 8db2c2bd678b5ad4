import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { calendarDays, calendarYears } from '../../db/schema/index.js';
import {
  CalendarMissingError, createWorkdayCalendar, nationalYearCalendar, XINJIANG_REGIONAL_CALENDARS,
  type CalendarDay, type WorkdayCalendar, type YearCalendar,
} from '../../domain/calendar/index.js';
import { DomainError } from '../../domain/errors.js';

export type YearStatus = 'national-only' | 'complete';
export type YearOrigin = 'default' | 'notice' | 'manual';

/** The years chinese-days might know; it answers null outside its data (2004–2026 in 1.5.7). */
const NATIONAL_YEARS = { from: 2004, to: 2040 } as const;

/**
 * The default arrangement of every year the national data covers: chinese-days' national days,
 * plus the region's own days where the code ships them (2023). A year without regional days is
 * stored as `national-only` and refused for working-day questions until a notice is imported or
 * an admin completes and confirms it. Years already stored are left alone.
 */
export function defaultYearCalendars(): { calendar: YearCalendar; status: YearStatus }[] {
  const years: { calendar: YearCalendar; status: YearStatus }[] = [];
  for (let year = NATIONAL_YEARS.from; year <= NATIONAL_YEARS.to; year += 1) {
    const national = nationalYearCalendar(year);
    if (!national) continue;
    const regional = XINJIANG_REGIONAL_CALENDARS.filter((c) => c.year === year);
    const calendar = regional.reduce(mergeYearCalendars, national);
    years.push({ calendar, status: regional.length > 0 ? 'complete' : 'national-only' });
  }
  return years;
}

/** `extra` wins over `base` for a date both list (the region's days over the nation's). */
export function mergeYearCalendars(base: YearCalendar, extra: YearCalendar): YearCalendar {
  const byDate = new Map<string, { day: CalendarDay; kind: DayKind }>();
  for (const c of [base, extra]) {
    for (const day of c.holidays) byDate.set(day.date, { day, kind: 'holiday' });
    for (const day of c.makeUpWorkdays) byDate.set(day.date, { day, kind: 'makeUpWorkday' });
  }
  const sorted = [...byDate.values()].sort((a, b) => (a.day.date < b.day.date ? -1 : 1));
  return {
    year: base.year,
    holidays: sorted.filter((e) => e.kind === 'holiday').map((e) => e.day),
    makeUpWorkdays: sorted.filter((e) => e.kind === 'makeUpWorkday').map((e) => e.day),
  };
}

type DayKind = 'holiday' | 'makeUpWorkday';

/** Inside a transaction: stores the default years not stored yet. Returns the years added. */
export async function seedDefaultCalendars(tx: Db): Promise<number[]> {
  const existing = new Set((await tx.select({ year: calendarYears.year }).from(calendarYears)).map((r) => r.year));
  const added: number[] = [];
  for (const { calendar, status } of defaultYearCalendars()) {
    if (existing.has(calendar.year)) continue;
    await tx.insert(calendarYears).values({ year: calendar.year, status, origin: 'default' });
    await insertDays(tx, calendar);
    added.push(calendar.year);
  }
  return added;
}

/** Inside a transaction: replaces a year's whole arrangement (a holiday notice holds both national and regional days). */
export async function replaceYearCalendar(
  tx: Db,
  calendar: YearCalendar,
  meta: { status: YearStatus; origin: YearOrigin; sourceDocumentId?: string | null; note?: string | null },
): Promise<void> {
  await tx.delete(calendarDays).where(eq(calendarDays.year, calendar.year));
  await tx
    .insert(calendarYears)
    .values({ year: calendar.year, status: meta.status, origin: meta.origin, sourceDocumentId: meta.sourceDocumentId ?? null, note: meta.note ?? null })
    .onConflictDoUpdate({
      target: [calendarYears.jurisdiction, calendarYears.year],
      set: { status: meta.status, origin: meta.origin, sourceDocumentId: meta.sourceDocumentId ?? null, note: meta.note ?? null, updatedAt: new Date() },
    });
  await insertDays(tx, calendar);
}

async function insertDays(tx: Db, calendar: YearCalendar): Promise<void> {
  const rows = [
    ...calendar.holidays.map((d) => ({ year: calendar.year, date: d.date, kind: 'holiday' as const, name: d.name, source: d.source })),
    ...calendar.makeUpWorkdays.map((d) => ({ year: calendar.year, date: d.date, kind: 'makeUpWorkday' as const, name: d.name, source: d.source })),
  ];
  if (rows.length > 0) await tx.insert(calendarDays).values(rows);
}

export interface StoredYear {
  year: number;
  status: YearStatus;
  origin: YearOrigin;
  sourceDocumentId: string | null;
  note: string | null;
  updatedAt: string;
  holidays: CalendarDay[];
  makeUpWorkdays: CalendarDay[];
}

export async function listCalendarYears(db: Db) {
  const rows = await db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  return rows.map((r) => ({ year: r.year, status: r.status, origin: r.origin, updatedAt: r.updatedAt.toISOString() }));
}

export async function readYearCalendars(db: Db, years?: readonly number[]): Promise<StoredYear[]> {
  const yearRows = await db
    .select()
    .from(calendarYears)
    .where(years ? inArray(calendarYears.year, [...years]) : undefined)
    .orderBy(asc(calendarYears.year));
  if (yearRows.length === 0) return [];
  const days = await db
    .select()
    .from(calendarDays)
    .where(inArray(calendarDays.year, yearRows.map((y) => y.year)))
    .orderBy(asc(calendarDays.date));
  return yearRows.map((y) => {
    const own = days.filter((d) => d.year === y.year);
    const entry = (d: (typeof own)[number]): CalendarDay => ({ date: d.date, name: d.name, source: d.source });
    return {
      year: y.year,
      status: y.status,
      origin: y.origin,
      sourceDocumentId: y.sourceDocumentId,
      note: y.note,
      updatedAt: y.updatedAt.toISOString(),
      holidays: own.filter((d) => d.kind === 'holiday').map(entry),
      makeUpWorkdays: own.filter((d) => d.kind === 'makeUpWorkday').map(entry),
    };
  });
}

/** A year's stored arrangement, or CALENDAR_MISSING (404). */
/**
 * Every stored year, as readYearCalendars gives it, read again only when the calendar tables have
 * changed: a stamp taken in the database (each row's xmin — the transaction that last wrote it — and
 * key, hashed) names their content, so a write by any process or by hand is seen on the next call.
 * Kept per Db object; inside a transaction that has written (pg_current_xact_id_if_assigned() is set)
 * the tables are read as they are and nothing is kept. The years returned are shared: not to be changed.
 */
export async function storedYearCalendars(db: Db): Promise<readonly StoredYear[]> {
  const [{ tx, stamp }] = await queryRows<{ tx: string | null; stamp: string }>(
    db,
    sql`SELECT pg_current_xact_id_if_assigned()::text AS tx,
          (SELECT coalesce(md5(string_agg(year || ':' || xmin::text, ',' ORDER BY year)), '') FROM calendar_years) || '/' ||
          (SELECT coalesce(md5(string_agg(date || ':' || xmin::text, ',' ORDER BY year, date)), '') FROM calendar_days) AS stamp`,
  );
  if (tx !== null) return readYearCalendars(db);
  const kept = storedYears.get(db);
  if (kept?.stamp === stamp) return kept.years;
  // Read after the stamp: a write landing in between leaves newer years under an older stamp, which
  // the next call's stamp no longer matches.
  const years = await readYearCalendars(db);
  storedYears.set(db, { stamp, years });
  return years;
}

const storedYears = new WeakMap<Db, { stamp: string; years: readonly StoredYear[] }>();

export async function getYearCalendar(db: Db, year: number): Promise<StoredYear> {
  const [found] = await readYearCalendars(db, [year]);
  if (!found) throw calendarMissing(year, null, 404);
  return found;
}

/**
 * The working-day calendar of every complete year. Asking it about any other year throws
 * CalendarMissingError, which `explainCalendarErrors` turns into the API/CLI error.
 */
export interface LoadedCalendar {
  calendar: WorkdayCalendar;
  statusOf(year: number): YearStatus | null;
}

export async function loadWorkdayCalendar(db: Db): Promise<LoadedCalendar> {
  const stored = await storedYearCalendars(db);
  const complete = stored.filter((y) => y.status === 'complete');
  const statuses = new Map(stored.map((y) => [y.year, y.status]));
  return {
    calendar: createWorkdayCalendar(complete.map(({ year, holidays, makeUpWorkdays }) => ({ year, holidays, makeUpWorkdays }))),
    statusOf: (year) => statuses.get(year) ?? null,
  };
}

export function calendarMissing(year: number, status: YearStatus | null, httpStatus = 422): DomainError {
  const message =
    status === 'national-only'
      ? `${year}年的工作日历不完整：已有全国节假日安排，缺少自治区节假日安排（肉孜节、古尔邦节）。请导入自治区当年节假日放假安排的通知，或由系统管理员在“工作日历”中补录后确认`
      : `缺少${year}年的工作日历：请导入自治区当年节假日放假安排的通知，或由系统管理员在“工作日历”中添加该年`;
  return new DomainError('CALENDAR_MISSING', message, httpStatus, { year });
}

/** Runs `work` on the loaded calendar; a question about a year without complete data becomes CALENDAR_MISSING. */
export async function withWorkdayCalendar<T>(db: Db, work: (calendar: WorkdayCalendar) => T | Promise<T>): Promise<T> {
  const loaded = await loadWorkdayCalendar(db);
  try {
    return await work(loaded.calendar);
  } catch (error) {
    if (error instanceof CalendarMissingError) throw calendarMissing(error.year, loaded.statusOf(error.year));
    throw error;
  }
}

/** Whether a year is stored at all (for the admin's "add year"). */
export async function yearExists(db: Db, year: number): Promise<boolean> {
  const rows = await db.select({ year: calendarYears.year }).from(calendarYears).where(and(eq(calendarYears.year, year)));
  return rows.length > 0;
}

/** An answer computed on a calendar that may include years with national data only. */
export interface Provisional<T> {
  value: T;
  /** One Chinese sentence per national-only year the answer depended on; empty when none. */
  calendarWarnings: string[];
}

/**
 * For pages that show standing (status lights, due dates): years with the national arrangement but
 * not yet the region's count as known, and every such year the answer used is named in a warning,
 * so the page shows its figures and says which year to complete. A year with no data at all is
 * still CALENDAR_MISSING: it is never treated as plain Monday–Friday.
 */
export async function withProvisionalCalendar<T>(db: Db, work: (calendar: WorkdayCalendar) => T | Promise<T>): Promise<Provisional<T>> {
  const stored = await storedYearCalendars(db);
  const usable = stored.filter((y) => y.status === 'complete' || y.status === 'national-only');
  const statuses = new Map(stored.map((y) => [y.year, y.status]));
  const provisional = new Set<number>();
  const calendar = createWorkdayCalendar(
    usable.map(({ year, holidays, makeUpWorkdays }) => ({ year, holidays, makeUpWorkdays })),
    { onYear: (year) => statuses.get(year) !== 'complete' && provisional.add(year) },
  );
  try {
    const value = await work(calendar);
    const calendarWarnings = [...provisional]
      .sort((a, b) => a - b)
      .map((year) => `${year}年的工作日历缺少自治区节假日安排，涉及该年的报送时限和灯色暂按全国节假日安排计算；请由系统管理员在“工作日历”中补录后确认`);
    return { value, calendarWarnings };
  } catch (error) {
    if (error instanceof CalendarMissingError) throw calendarMissing(error.year, statuses.get(error.year) ?? null);
    throw error;
  }
}
