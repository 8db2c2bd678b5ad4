import { api } from '../../api';

/** Shapes of the calendar API (src/server/routes/calendar.routes.ts) and the month-grid logic. */

export type YearStatus = 'national-only' | 'complete';
export type DayKind = 'holiday' | 'makeUpWorkday';
export type DaySource = 'national' | 'regional';

export interface CalendarDay {
  date: string;
  name: string;
  source: DaySource;
}

export interface YearCalendar {
  year: number;
  status: YearStatus;
  origin: 'default' | 'notice' | 'manual';
  note: string | null;
  updatedAt: string;
  holidays: CalendarDay[];
  makeUpWorkdays: CalendarDay[];
}

export interface YearListItem {
  year: number;
  status: YearStatus;
  origin: YearCalendar['origin'];
  updatedAt: string;
}

export const STATUS_LABELS: Record<YearStatus, string> = { complete: '完整（全国 + 自治区）', 'national-only': '不完整：缺自治区节假日' };
export const ORIGIN_LABELS: Record<YearCalendar['origin'], string> = { default: '系统默认', notice: '节假日通知导入', manual: '管理员维护' };
export const SOURCE_LABELS: Record<DaySource, string> = { national: '全国', regional: '自治区' };
export const WEEKDAY_LABELS = ['一', '二', '三', '四', '五', '六', '日'];

export type CellKind = DayKind | 'weekend' | 'weekday';

export interface GridCell {
  date: string;
  day: number;
  kind: CellKind;
  /** The holiday's name for holidays and make-up days. */
  name: string | null;
  source: DaySource | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 0 = Monday … 6 = Sunday, for a calendar date (no time zone involved). */
export function mondayIndex(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A month as weeks (Monday first) of cells; null pads the first and last week. Each day is a
 * holiday or make-up workday when the year's arrangement lists it, else weekend or weekday.
 */
export function monthGrid(year: number, month: number, calendar: Pick<YearCalendar, 'holidays' | 'makeUpWorkdays'> | null): (GridCell | null)[][] {
  const special = new Map<string, { kind: DayKind; day: CalendarDay }>();
  for (const day of calendar?.holidays ?? []) special.set(day.date, { kind: 'holiday', day });
  for (const day of calendar?.makeUpWorkdays ?? []) special.set(day.date, { kind: 'makeUpWorkday', day });
  const cells: (GridCell | null)[] = [];
  const first = `${year}-${pad(month)}-01`;
  for (let i = 0; i < mondayIndex(first); i += 1) cells.push(null);
  for (let d = 1; d <= daysInMonth(year, month); d += 1) {
    const date = `${year}-${pad(month)}-${pad(d)}`;
    const entry = special.get(date);
    const weekend = mondayIndex(date) >= 5;
    cells.push({
      date,
      day: d,
      kind: entry ? entry.kind : weekend ? 'weekend' : 'weekday',
      name: entry?.day.name ?? null,
      source: entry?.day.source ?? null,
    });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (GridCell | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Working days in a month by the grid (weekdays and make-up days). */
export function workdaysIn(weeks: (GridCell | null)[][]): number {
  return weeks.flat().filter((c) => c !== null && (c.kind === 'weekday' || c.kind === 'makeUpWorkday')).length;
}

export const calendarApi = {
  years: () => api.get<{ items: YearListItem[] }>('/api/calendar/years'),
  addYear: (year: number) => api.post<{ year: number }>('/api/calendar/years', { year }),
  setDay: (year: number, body: { date: string; kind: DayKind; name: string; source: DaySource }) => api.post<{ year: number; date: string }>(`/api/calendar/years/${year}/days`, body),
  removeDay: (year: number, date: string) => api.delete<{ year: number; date: string }>(`/api/calendar/years/${year}/days/${date}`),
  confirm: (year: number, note: string | null) => api.post<{ year: number }>(`/api/calendar/years/${year}/confirm`, { note }),
};
