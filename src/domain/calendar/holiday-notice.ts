import { daysBetween, formatIsoDate, isIsoDate, type IsoDate } from '../shared/dates.js';
import { normalizeDigits, splitListMarker } from './chinese-text.js';
import { dayRange, type CalendarDay, type CalendarSource, type YearCalendar } from './year-calendar.js';

/** The notice could not be read as a holiday arrangement (the message says what and where). */
export class HolidayNoticeError extends Error {
  readonly code = 'HOLIDAY_NOTICE_INVALID';

  constructor(message: string) {
    super(message);
    this.name = 'HolidayNoticeError';
  }
}

/** The region's own festivals; every other item of a notice is the national arrangement. */
const REGIONAL_NAMES = /肉孜|古尔邦|开斋|宰牲|库尔班/;

/**
 * Reads a holiday notice (the region's 关于XXXX年节假日放假安排…的通知, or the State Council's)
 * into one YearCalendar holding both national and regional days.
 *
 * Items look like `（四）肉孜节：4月22日是肉孜节，4月21日放假调休1天。` or
 * `二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。`
 * Only the dates right before 放假 are days off (4月22日 above is the festival itself, a Saturday),
 * and only the dates right before 上班 are make-up workdays. An item's 共N天 / 放假N天 must match
 * the days read, or the notice is rejected rather than misread.
 *
 * Years: an explicit 2022年 wins. A range without years ends in the notice year, so
 * `12月30日至1月1日` is Y−1-12-30 … Y-01-01. A single date without a year takes the year that puts
 * it nearest the item's first day off (a 元旦 make-up day 12月29日 lands in Y−1), or Y.
 */
export function parseHolidayNotice(text: string, year?: number): YearCalendar {
  const normalized = normalizeDigits(text);
  const noticeYear = year ?? readNoticeYear(normalized);
  const holidays: CalendarDay[] = [];
  const makeUpWorkdays: CalendarDay[] = [];
  for (const item of noticeItems(normalized)) {
    const parsed = parseItem(item.name, item.body, noticeYear);
    holidays.push(...parsed.holidays);
    makeUpWorkdays.push(...parsed.makeUpWorkdays);
  }
  if (holidays.length === 0) throw new HolidayNoticeError('通知中没有找到放假安排');
  return { year: noticeYear, holidays: uniqueByDate(holidays), makeUpWorkdays: uniqueByDate(makeUpWorkdays) };
}

function readNoticeYear(text: string): number {
  const m = /(\d{4})\s*年(?:部分)?节假日/.exec(text) ?? /关于(\d{4})\s*年/.exec(text);
  if (!m) throw new HolidayNoticeError('无法确定通知所属年份，请指定年份');
  return Number(m[1]);
}

/** `NAME：body` pieces, one per list item; a line may hold several （一）…（二）… items. */
function noticeItems(text: string): { name: string; body: string }[] {
  const items: { name: string; body: string }[] = [];
  for (const line of text.split(/\r?\n/)) {
    for (const piece of line.split(/(?=[（(][一二三四五六七八九十]+[）)])/)) {
      const rest = splitListMarker(piece)?.rest ?? piece.trim();
      const m = /^([^：:，。；《》\s]{1,15})[：:](.*)$/.exec(rest);
      if (m && /放假/.test(m[2])) items.push({ name: m[1], body: m[2] });
    }
  }
  return items;
}

function parseItem(name: string, body: string, noticeYear: number): { holidays: CalendarDay[]; makeUpWorkdays: CalendarDay[] } {
  const source: CalendarSource = REGIONAL_NAMES.test(name) ? 'regional' : 'national';
  const plain = body.replace(/（[^）]*）|\([^)]*\)/g, '');
  const holidays: CalendarDay[] = [];
  const makeUpWorkdays: CalendarDay[] = [];
  for (const clause of plain.split(/[，。；,;]/)) {
    const off = /^(.*?)(?<!不)放假/.exec(clause);
    const work = /^(.*?)上班/.exec(clause);
    if (off) holidays.push(...offDays(off[1], name, source, noticeYear, holidays[0]?.date));
    else if (work) {
      for (const date of resolveSingles(readDateTokens(work[1], name), noticeYear, holidays[0]?.date)) {
        makeUpWorkdays.push({ date, name, source });
      }
    }
  }
  checkDayCount(name, plain, holidays.length);
  return { holidays, makeUpWorkdays };
}

function offDays(text: string, name: string, source: CalendarSource, noticeYear: number, anchor?: IsoDate): CalendarDay[] {
  const tokens = readDateTokens(text, name);
  const isRange = tokens.length === 2 && /至|到|[—－~-]/.test(text.slice(tokens[0].end, tokens[1].start));
  if (!isRange) return resolveSingles(tokens, noticeYear, anchor).map((date) => ({ date, name, source }));
  const [from, to] = resolveRange(tokens[0], tokens[1], noticeYear);
  return dayRange(from, to, name, source);
}

function checkDayCount(name: string, text: string, read: number): void {
  const m = /共\s*(\d+)\s*天/.exec(text) ?? /放假(?:调休)?\s*(\d+)\s*天/.exec(text);
  if (m && Number(m[1]) !== read) {
    throw new HolidayNoticeError(`“${name}”写明放假${m[1]}天，但读出${read}天`);
  }
}

interface DateToken {
  year: number | null;
  month: number;
  day: number;
  start: number;
  end: number;
}

/** 2022年12月31日 / 1月2日 / 31日 (month carried from the previous date in the clause). */
function readDateTokens(text: string, name: string): DateToken[] {
  const tokens: DateToken[] = [];
  let month: number | null = null;
  for (const m of text.matchAll(/(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日/g)) {
    month = m[2] ? Number(m[2]) : month;
    if (month === null) throw new HolidayNoticeError(`“${name}”中的日期缺少月份：${m[0]}`);
    const year = m[1] ? Number(m[1]) : null;
    tokens.push({ year, month, day: Number(m[3]), start: m.index, end: m.index + m[0].length });
  }
  if (tokens.length === 0) throw new HolidayNoticeError(`“${name}”中没有找到日期：${text}`);
  return tokens;
}

function resolveRange(first: DateToken, last: DateToken, noticeYear: number): [IsoDate, IsoDate] {
  if (first.year !== null) {
    const lastYear = last.year ?? first.year;
    const rolled = last.year === null && (last.month < first.month || (last.month === first.month && last.day < first.day));
    return [toIso(first, first.year), toIso(last, rolled ? lastYear + 1 : lastYear)];
  }
  const lastYear = last.year ?? noticeYear;
  const rolled = last.month < first.month || (last.month === first.month && last.day < first.day);
  return [toIso(first, rolled ? lastYear - 1 : lastYear), toIso(last, lastYear)];
}

function resolveSingles(tokens: DateToken[], noticeYear: number, anchor?: IsoDate): IsoDate[] {
  return tokens.map((t) => {
    if (t.year !== null) return toIso(t, t.year);
    if (!anchor) return toIso(t, noticeYear);
    const candidates = [noticeYear - 1, noticeYear, noticeYear + 1]
      .map((y) => formatIsoDate(y, t.month, t.day))
      .filter((d) => isIsoDate(d));
    if (candidates.length === 0) return toIso(t, noticeYear);
    return candidates.reduce((best, d) => (Math.abs(daysBetween(anchor, d)) < Math.abs(daysBetween(anchor, best)) ? d : best));
  });
}

function toIso(token: DateToken, year: number): IsoDate {
  const date = formatIsoDate(year, token.month, token.day);
  if (!isIsoDate(date)) throw new HolidayNoticeError(`日期无效：${year}年${token.month}月${token.day}日`);
  return date;
}

function uniqueByDate(days: CalendarDay[]): CalendarDay[] {
  const byDate = new Map<IsoDate, CalendarDay>();
  for (const day of days) if (!byDate.has(day.date)) byDate.set(day.date, day);
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
