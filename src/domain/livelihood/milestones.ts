import { daysInMonth, formatIsoDate } from '../shared/dates.js';
import type { Milestone } from './types.js';

/**
 * `[YYYY年]M月[D日][底][前]`, optionally a period `M月至M月底`, or 年底 / 年内.
 * The look-behind keeps 3.15 and 6个月 out; a bare year (2023年举办…) is not a date.
 */
const DATE_PHRASE = new RegExp(
  String.raw`(?<![\d.])(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?(?:至(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?(底)?(前)?` +
    String.raw`|(?:(\d{4})\s*年|(?<!\d)年)(底|内)`,
  'g',
);
const PHRASE_END = /[，。；,;）)]/;

/** Dated phrases of a measure, in order, in the plan year unless the text names another. */
export function readMilestones(text: string, planYear: number): Milestone[] {
  const milestones: Milestone[] = [];
  for (const m of text.matchAll(DATE_PHRASE)) {
    let end = m.index + m[0].length;
    while (end < text.length && !PHRASE_END.test(text[end])) end += 1;
    const phrase = text.slice(m.index, end).trim();
    const milestone = m[9] ? yearEnd(m, planYear) : monthPhrase(m, planYear);
    if (milestone) milestones.push({ text: phrase, ...milestone });
  }
  return milestones;
}

type Dated = Omit<Milestone, 'text'>;

function yearEnd(m: RegExpMatchArray, planYear: number): Dated {
  const year = m[8] ? Number(m[8]) : planYear;
  return { date: formatIsoDate(year, 12, 31), kind: 'by' };
}

function monthPhrase(m: RegExpMatchArray, planYear: number): Dated | null {
  const year = m[1] ? Number(m[1]) : planYear;
  const month = Number(m[2]);
  const toMonth = m[4] ? Number(m[4]) : null;
  if (month < 1 || month > 12 || (toMonth !== null && (toMonth < month || toMonth > 12))) return null;
  const [monthEnd, dayText] = toMonth === null ? [month, m[3]] : [toMonth, m[5]];
  const day = dayText ? Number(dayText) : daysInMonth(year, monthEnd);
  if (day < 1 || day > daysInMonth(year, monthEnd)) return null;
  const date = formatIsoDate(year, monthEnd, day);
  if (toMonth !== null) return { date, kind: 'during', from: formatIsoDate(year, month, m[3] ? Number(m[3]) : 1) };
  const before = m[7] !== undefined || m[6] !== undefined;
  if (before) return { date, kind: 'by' };
  return { date, kind: dayText ? 'on' : 'during' };
}
