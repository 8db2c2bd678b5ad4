import { daysInMonth, formatIsoDate, type IsoDate } from '../shared/dates.js';
import { readLeaders } from './leaders.js';
import type { Measure } from './types.js';

export type Responsibility = Pick<
  Measure,
  'units' | 'leadLeader' | 'leadLeaders' | 'responsibleLeader' | 'responsibleLeaders' | 'deadline' | 'deadlineText'
>;

/**
 * Splits a measure into its text and its closing parenthesis when that names who is responsible:
 * `…。（州民政局负责，牵头领导：…，责任领导：…，完成时限：2023年12月31日）`.
 */
export function splitResponsibility(measureText: string): { body: string; responsibility: string | null } {
  const text = measureText.trim().replace(/[。.]$/, '');
  if (!text.endsWith('）') && !text.endsWith(')')) return { body: measureText.trim(), responsibility: null };
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i -= 1) {
    if (text[i] === '）' || text[i] === ')') depth += 1;
    if (text[i] === '（' || text[i] === '(') depth -= 1;
    if (depth === 0) {
      const inner = text.slice(i + 1, -1);
      if (!/负责|牵头领导|完成时限/.test(inner)) break;
      return { body: text.slice(0, i).trim(), responsibility: inner };
    }
  }
  return { body: measureText.trim(), responsibility: null };
}

const LABEL = /(牵头领导|责任领导|完成时限)\s*[：:]/g;

/** Reads `州卫生健康委、教育局负责，牵头领导：…，责任领导：…，完成时限：2023年12月31日` (ASCII colons too). */
export function parseResponsibility(inner: string, planYear: number): Responsibility {
  const labels = [...inner.matchAll(LABEL)];
  const head = inner.slice(0, labels[0]?.index ?? inner.length);
  const values = new Map<string, string>();
  labels.forEach((m, i) => {
    const end = labels[i + 1]?.index ?? inner.length;
    values.set(m[1], inner.slice(m.index + m[0].length, end).replace(/[，,；;。\s]+$/, '').trim());
  });
  const units = readUnits(head);
  const leadLeader = values.get('牵头领导') || null;
  const responsibleLeader = values.get('责任领导') || null;
  const deadlineText = values.get('完成时限') || null;
  return {
    units,
    leadLeader,
    leadLeaders: leadLeader ? readLeaders(leadLeader, units) : [],
    responsibleLeader,
    responsibleLeaders: responsibleLeader ? readLeaders(responsibleLeader, units) : [],
    deadline: deadlineText ? readDeadline(deadlineText, planYear) : null,
    deadlineText,
  };
}

const PREFECTURE_PREFIX = /^(伊犁哈萨克自治州|伊犁州|自治州|州)/;
const STANDS_ALONE = /^(各|自治区|伊犁哈萨克自治州|伊犁州|自治州|州)|^[\u4e00-\u9fa5]{2,6}?(县|市(?!场|政|容))/;

/**
 * `州卫生健康委、教育局负责` → [州卫生健康委, 州教育局]: a bare unit after a 州… unit is the
 * prefecture's too and inherits its prefix. Units that name their own level (各县市, 伊宁市…,
 * 自治区…) are kept as written.
 */
export function readUnits(head: string): string[] {
  const names = head.replace(/[，,；;\s]*负责[，,；;\s]*$/, '').split(/[、，,；;]/).map((u) => u.trim()).filter(Boolean);
  const units: string[] = [];
  let prefix: string | null = null;
  for (const name of names) {
    const own = PREFECTURE_PREFIX.exec(name);
    if (own) prefix = own[1];
    units.push(!STANDS_ALONE.test(name) && prefix ? prefix + name : name);
  }
  return units;
}

/** `2023年12月31日` → 2023-12-31; `2023年11月底` → 2023-11-30; `年底` → 12-31; 全年持续推进 → null. */
export function readDeadline(text: string, planYear: number): IsoDate | null {
  const day = /(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
  if (day) return formatIsoDate(day[1] ? Number(day[1]) : planYear, Number(day[2]), Number(day[3]));
  const monthEnd = /(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月底?/.exec(text);
  if (monthEnd) {
    const year = monthEnd[1] ? Number(monthEnd[1]) : planYear;
    return formatIsoDate(year, Number(monthEnd[2]), daysInMonth(year, Number(monthEnd[2])));
  }
  const yearEnd = /(?:(\d{4})\s*年|年)底/.exec(text);
  if (yearEnd) return formatIsoDate(yearEnd[1] ? Number(yearEnd[1]) : planYear, 12, 31);
  return null;
}
