/**
 * Small helpers for reading Chinese official text: numerals in list markers (（十九）, 十、)
 * and full-width digits. Used by the calendar, press and livelihood parsers.
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Value of a Chinese numeral below 1000 (一 … 十九 … 九十九 … 二百零三); null when it is not one. */
export function chineseNumeralValue(text: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(text)) return null;
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      current = DIGITS[ch];
    }
  }
  return total + current;
}

/** Full-width digits (０–９) become ASCII digits; nothing else changes. */
export function normalizeDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Marker of a list item: （一） / (一) / 一、 / 1. / 1、 / 1． — returns its number and the rest. */
export function splitListMarker(line: string): { no: number; rest: string } | null {
  const m = /^\s*(?:[（(]([零〇一二两三四五六七八九十百]+)[）)]|([零〇一二两三四五六七八九十百]+)、|(\d{1,2})[.．、](?!\d))\s*/.exec(line);
  if (!m) return null;
  const no = m[3] ? Number(m[3]) : chineseNumeralValue(m[1] ?? m[2]);
  return no === null ? null : { no, rest: line.slice(m[0].length) };
}
