/**
 * Display formatting. Money arrives as integer fen (STYLE: money is exact) and is formatted with
 * integer arithmetic only. Times are shown in Asia/Urumqi civil time, the zone the domain uses for
 * calendar dates (src/domain/shared/dates.ts), so a date shown here is the date the server means.
 */

/** Asia/Urumqi is UTC+6 all year (no daylight saving). */
export const DISPLAY_UTC_OFFSET_HOURS = 6;

const EMPTY = '—';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function toFen(value: number | bigint | string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`金额必须是整数分：${value}`);
    return BigInt(value);
  }
  if (!/^-?\d+$/.test(value)) throw new RangeError(`金额必须是整数分：${value}`);
  return BigInt(value);
}

/**
 * `formatYuan(123456)` → `1,234.56元` (the argument is integer fen).
 * `{ unit: false }` drops 元 for table columns whose header already says （元）.
 */
export function formatYuan(fen: number | bigint | string | null | undefined, options: { unit?: boolean } = {}): string {
  if (fen === null || fen === undefined) return EMPTY;
  let value = toFen(fen);
  const negative = value < 0n;
  if (negative) value = -value;
  const yuan = (value / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (value % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${yuan}.${cents}${options.unit === false ? '' : '元'}`;
}

interface CivilParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function civilParts(value: string | Date): CivilParts | null {
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    // A calendar date has no zone: never let Date shift it.
    const [year, month, day] = value.split('-').map(Number);
    return { year, month, day, hour: 0, minute: 0, second: 0 };
  }
  const instant = typeof value === 'string' ? parseInstant(value) : value;
  if (Number.isNaN(instant.getTime())) return null;
  const shifted = new Date(instant.getTime() + DISPLAY_UTC_OFFSET_HOURS * 3_600_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

/**
 * ISO 8601, and also PostgreSQL's text form (`2023-02-10 08:00:00.123+00`, as the audit log sends
 * `at`), which Chromium parses but Safari and Firefox do not.
 */
function parseInstant(value: string): Date {
  const iso = value.replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2').replace(/([+-]\d{2})$/, '$1:00');
  return new Date(iso);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2023-02-10`, from a calendar date or an instant. */
export function formatDate(value: string | Date | null | undefined): string {
  const p = value ? civilParts(value) : null;
  return p ? `${p.year}-${pad(p.month)}-${pad(p.day)}` : EMPTY;
}

/** `2023-02-10 14:05:09`, from an instant. */
export function formatDateTime(value: string | Date | null | undefined): string {
  const p = value ? civilParts(value) : null;
  return p ? `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` : EMPTY;
}

/** `2023年2月10日`, the way dates are written in official documents. */
export function formatChineseDate(value: string | Date | null | undefined): string {
  const p = value ? civilParts(value) : null;
  return p ? `${p.year}年${p.month}月${p.day}日` : EMPTY;
}

/** The instant a calendar day begins in display time, as an ISO string (for `from` filters). */
export function startOfDayInstant(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day) - DISPLAY_UTC_OFFSET_HOURS * 3_600_000).toISOString();
}

/** The last millisecond of a calendar day in display time, as an ISO string (for `to` filters). */
export function endOfDayInstant(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1) - DISPLAY_UTC_OFFSET_HOURS * 3_600_000 - 1).toISOString();
}

/** Today's calendar date in display time. */
export function todayDate(now: Date = new Date()): string {
  return formatDate(now);
}
