import { formatIsoDate, isIsoDate, type IsoDate } from '../shared/dates.js';
import { DocumentParseError } from './errors.js';
import { fromChineseNumeral } from './numerals.js';
import { clean, isBlank, squeeze } from './text-lines.js';
import type { SourceLine } from './types.js';

/** 发文机关署名 and 成文日期: a date alone on its line, the issuer on the line above it. */
export interface Signature {
  readonly issuer: string | null;
  readonly issuerIndex: number | null;
  readonly signedOn: IsoDate;
  readonly dateIndex: number;
}

const ARABIC_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const CHINESE_DATE = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$/;

/** 2023年1月10日 or 二〇二三年一月十日 → {year, month, day}; null when the line is not a date. */
export function readDateLine(text: string): { year: number; month: number; day: number } | null {
  const s = squeeze(text);
  const m = ARABIC_DATE.exec(s) ?? CHINESE_DATE.exec(s);
  if (!m) return null;
  const [year, month, day] = m.slice(1, 4).map(fromChineseNumeral);
  return { year, month, day };
}

/** The first signature in lines[from, to); null when the document is not signed. */
export function findSignature(lines: readonly SourceLine[], from: number, to: number): Signature | null {
  for (let i = from; i < to; i += 1) {
    const date = readDateLine(lines[i].text);
    if (!date) continue;
    const signedOn = formatIsoDate(date.year, date.month, date.day);
    if (!isIsoDate(signedOn)) throw new DocumentParseError(lines[i].line, `成文日期无效：${clean(lines[i].text)}`);
    const issuerIndex = issuerAbove(lines, from, i);
    return { issuer: issuerIndex === null ? null : squeeze(lines[issuerIndex].text), issuerIndex, signedOn, dateIndex: i };
  }
  return null;
}

/** The nearest non-blank line above the date, when it reads as an organisation's name. */
function issuerAbove(lines: readonly SourceLine[], from: number, dateIndex: number): number | null {
  let i = dateIndex - 1;
  while (i >= from && isBlank(lines[i])) i -= 1;
  if (i < from) return null;
  const t = squeeze(lines[i].text);
  const looksLikeName = t.length >= 2 && t.length <= 40 && !/[，。；：、,.;:！？!?]/.test(t) && !/^\d/.test(t);
  return looksLikeName ? i : null;
}
