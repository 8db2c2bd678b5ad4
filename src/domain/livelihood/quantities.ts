import type { Funding, Target } from './types.js';

/**
 * Exact decimal scaling: "5.09" × 10^4 = 50900, with no binary floating-point on the way
 * (5.09 * 10000 is 50900.000000000004 in IEEE 754).
 */
export function scaleDecimal(digits: string, power: number): number {
  const [whole, fraction = ''] = digits.split('.');
  const shifted = fraction.length <= power
    ? whole + fraction.padEnd(power, '0')
    : `${whole}${fraction.slice(0, power)}.${fraction.slice(power)}`;
  return Number(shifted);
}

const MULTIPLIER_POWER: Record<string, number> = { 万: 4, 亿: 8 };

/**
 * Count and size units a target can be measured in. Years (2023年), ages (岁), percentages,
 * durations (月/日) and money (元, kept for fundings) are not targets.
 */
const TARGET_UNITS = [
  '平方米', '人次', '场次', '批次', '公里', '千米', '户', '人', '个', '所', '座', '处', '套', '家', '类', '场',
  '名', '台', '辆', '亩', '间', '张', '吨', '期', '次', '项', '条', '栋', '床', '位',
];
const NUMBER = String.raw`(?<![A-Za-z\d.\-－~])(\d+(?:\.\d+)?)\s*(万|亿)?`;
/** After 万/亿 a short qualifier may come before 人口 (38.3万农村人口), read as 人. */
const TARGET = new RegExp(`${NUMBER}(?:(${TARGET_UNITS.join('|')})|(?<=[万亿])([\\u4e00-\\u9fa5]{1,4}?)人口)`, 'g');
const CLAUSE_END = /[，。；：,;:]/;

/** The clause around [start, end) of `text`: from the previous to the next ，。；：. */
function clauseAround(text: string, start: number, end: number): { from: number; to: number } {
  let from = start;
  while (from > 0 && !CLAUSE_END.test(text[from - 1])) from -= 1;
  let to = end;
  while (to < text.length && !CLAUSE_END.test(text[to])) to += 1;
  return { from, to };
}

/**
 * Quantities in a 目标任务 paragraph, in order. Asides in parentheses — （其中伊宁市5所，奎屯市1所）,
 * （改造标准3500元/户，共计175万元） — break a total down or explain it, so they are skipped;
 * 其中… clauses outside parentheses are read like any other. 近万人 (no digits) is not read.
 */
export function readTargets(paragraph: string): Target[] {
  // Asides are blanked in place (same length), so positions still index the original wording.
  const text = paragraph.replace(/（[^）]*）|\([^)]*\)/g, (aside) => ' '.repeat(aside.length));
  const targets: Target[] = [];
  for (const m of text.matchAll(TARGET)) {
    const [phrase, digits, multiplier, unit] = m;
    const power = multiplier ? MULTIPLIER_POWER[multiplier] : 0;
    const { from, to } = clauseAround(text, m.index, m.index + phrase.length);
    targets.push({ text: phrase, value: scaleDecimal(digits, power), unit: unit ?? '人', context: paragraph.slice(from, to).trim() });
  }
  return targets;
}

const MONEY = new RegExp(`${NUMBER}元(?:\\s*/\\s*([\\u4e00-\\u9fa5]{1,3}))?`, 'g');
const FUNDING_CLAUSE_START = /[，。；：,;:（）()]/;

/** Amounts of money in a measure's text, in order, as integer fen. */
export function readFundings(text: string): Funding[] {
  const fundings: Funding[] = [];
  for (const m of text.matchAll(MONEY)) {
    const [phrase, digits, multiplier, perSlash] = m;
    const fen = scaleDecimal(digits, (multiplier ? MULTIPLIER_POWER[multiplier] : 0) + 2);
    if (!Number.isSafeInteger(fen)) throw new RangeError(`金额无法精确到分：${phrase}`);
    let from = m.index;
    while (from > 0 && !FUNDING_CLAUSE_START.test(text[from - 1])) from -= 1;
    const clause = text.slice(from, m.index + phrase.length).trim();
    const perEach = /^每个?([\u4e00-\u9fa5]{1,4}?)(?:投入资金|投入|资金|补助|补贴|\d)/.exec(clause);
    fundings.push({ text: clause, fen, per: perSlash ?? perEach?.[1] ?? null });
  }
  return fundings;
}
