/**
 * Chinese numerals as official documents write them: 十三 (not 一十三), 一百零一, 一千零一十.
 * Digit-by-digit forms (二〇二三) are read too, as years are written that way.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const DIGIT_VALUES: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNIT_VALUES: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const MAX = 99_999_999;

/** 0 … 99,999,999 → 零 … 九千九百九十九万九千九百九十九. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX) throw new RangeError(`不支持的数字：${n}`);
  if (n === 0) return DIGITS[0];
  const high = Math.floor(n / 10_000);
  const low = n % 10_000;
  if (high === 0) return belowTenThousand(low, true);
  if (low === 0) return `${belowTenThousand(high, true)}万`;
  const gap = low < 1000 ? DIGITS[0] : '';
  return `${belowTenThousand(high, true)}万${gap}${belowTenThousand(low, false)}`;
}

/** 1–9999. `leading` drops the 一 of 一十 (十三, but 一百一十三). */
function belowTenThousand(n: number, leading: boolean): string {
  const parts: string[] = [];
  const units = ['千', '百', '十', ''];
  const digits = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let pendingZero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      pendingZero = parts.length > 0;
      return;
    }
    if (pendingZero) parts.push(DIGITS[0]);
    pendingZero = false;
    const omitOne = leading && parts.length === 0 && d === 1 && units[i] === '十';
    parts.push(`${omitOne ? '' : DIGITS[d]}${units[i]}`);
  });
  return parts.join('');
}

/** 二十八 → 28, 一百零一 → 101, 两百 → 200, 二〇二三 → 2023, "28" → 28. Throws RangeError otherwise. */
export function fromChineseNumeral(text: string): number {
  const s = text.trim();
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length > 1 && /^[零〇一二三四五六七八九]+$/.test(s) && !/^零/.test(s)) {
    return Number([...s].map((ch) => DIGIT_VALUES[ch]).join(''));
  }
  if (!/^[零〇一二两三四五六七八九十百千万]+$/.test(s)) throw new RangeError(`不是中文数字：${text}`);
  const [highText, lowText] = s.includes('万') ? s.split('万') : ['', s];
  if (s.split('万').length > 2) throw new RangeError(`不是中文数字：${text}`);
  const high = highText === '' ? (s.includes('万') ? 1 : 0) : belowTenThousandValue(highText, text);
  return high * 10_000 + (lowText === '' ? 0 : belowTenThousandValue(lowText, text));
}

function belowTenThousandValue(s: string, original: string): number {
  let total = 0;
  let digit: number | null = null;
  let lastUnit = 10_000;
  for (const ch of s) {
    if (ch in DIGIT_VALUES) {
      if (digit !== null && digit !== 0) throw new RangeError(`不是中文数字：${original}`);
      digit = DIGIT_VALUES[ch];
      continue;
    }
    const unit = UNIT_VALUES[ch];
    if (unit >= lastUnit) throw new RangeError(`不是中文数字：${original}`);
    total += (digit ?? 1) * unit;
    lastUnit = unit;
    digit = null;
  }
  return total + (digit ?? 0);
}
