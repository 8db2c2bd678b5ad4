import { addDays, isIsoDate, type IsoDate } from '../shared/dates.js';

interface IcsEventBase {
  /** Globally unique and stable across exports, e.g. `press-2023-07@yizheng`. */
  uid: string;
  summary: string;
  description?: string;
  location?: string;
}

/** An all-day event from `date` to `lastDate` inclusive (one day when lastDate is absent). */
export interface AllDayIcsEvent extends IcsEventBase {
  date: IsoDate;
  lastDate?: IsoDate;
}

/** A timed event, local times `YYYY-MM-DDTHH:MM` in Beijing time (see toIcs). */
export interface TimedIcsEvent extends IcsEventBase {
  start: string;
  end: string;
}

export type IcsEvent = AllDayIcsEvent | TimedIcsEvent;

export interface IcsOptions {
  /** The export instant, `YYYY-MM-DDTHH:MM:SSZ` (passed in: the domain reads no clock). */
  dtstamp: string;
  prodId?: string;
  calendarName?: string;
}

/**
 * An RFC 5545 VCALENDAR: CRLF line ends, content lines folded at 75 octets (never inside a
 * UTF-8 character), TEXT values escaped. Timed events are written in UTC: the times in the
 * office's documents are Beijing time (UTC+8, the official time the 作息时间 notices use),
 * and UTC needs no VTIMEZONE. All-day events use VALUE=DATE with an exclusive DTEND.
 */
export function toIcs(events: readonly IcsEvent[], options: IcsOptions): string {
  const stamp = utcStamp(options.dtstamp);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${options.prodId ?? '-//伊政通//新闻发布会//ZH'}`, 'CALSCALE:GREGORIAN'];
  if (options.calendarName) lines.push(`X-WR-CALNAME:${escapeText(options.calendarName)}`);
  for (const event of events) lines.push(...eventLines(event, stamp));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function eventLines(event: IcsEvent, stamp: string): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${escapeText(event.uid)}`, `DTSTAMP:${stamp}`];
  if ('date' in event) {
    const last = event.lastDate ?? event.date;
    if (!isIsoDate(event.date) || !isIsoDate(last) || last < event.date) throw new RangeError(`日程日期无效：${event.date}–${last}`);
    lines.push(`DTSTART;VALUE=DATE:${compactDate(event.date)}`, `DTEND;VALUE=DATE:${compactDate(addDays(last, 1))}`);
  } else {
    const start = beijingToUtc(event.start);
    const end = beijingToUtc(event.end);
    if (end < start) throw new RangeError(`日程结束时间早于开始时间：${event.start}–${event.end}`);
    lines.push(`DTSTART:${start}`, `DTEND:${end}`);
  }
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  lines.push('END:VEVENT');
  return lines;
}

function compactDate(date: IsoDate): string {
  return date.replaceAll('-', '');
}

function utcStamp(instant: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/.exec(instant);
  if (!m) throw new RangeError(`DTSTAMP 须为 UTC 时刻（YYYY-MM-DDTHH:MM:SSZ）：${instant}`);
  return `${m[1]}${m[2]}${m[3]}T${m[4]}${m[5]}${m[6]}Z`;
}

const BEIJING_OFFSET_HOURS = 8;

function beijingToUtc(local: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m || !isIsoDate(m[1]) || Number(m[2]) > 23 || Number(m[3]) > 59) throw new RangeError(`时间无效：${local}`);
  let date = m[1];
  let hour = Number(m[2]) - BEIJING_OFFSET_HOURS;
  if (hour < 0) {
    hour += 24;
    date = addDays(date, -1);
  }
  return `${compactDate(date)}T${String(hour).padStart(2, '0')}${m[3]}00Z`;
}

/** RFC 5545 §3.3.11: backslash, semicolon and comma escaped, newlines as \n. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** RFC 5545 §3.1: at most 75 octets per line; continuation lines start with one space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const bytes = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
