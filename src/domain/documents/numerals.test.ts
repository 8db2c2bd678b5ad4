import { describe, expect, it } from 'vitest';
import { citation } from './citation.js';
import { fromChineseNumeral, toChineseNumeral } from './numerals.js';

const NUMERALS: [number, string][] = [
  [0, '零'], [1, '一'], [8, '八'], [10, '十'], [11, '十一'], [13, '十三'], [20, '二十'], [28, '二十八'],
  [99, '九十九'], [100, '一百'], [101, '一百零一'], [110, '一百一十'], [119, '一百一十九'], [305, '三百零五'],
  [999, '九百九十九'], [1000, '一千'], [1001, '一千零一'], [1010, '一千零一十'], [2023, '二千零二十三'],
  [10_000, '一万'], [10_001, '一万零一'], [120_000, '十二万'],
];

describe('Chinese numerals', () => {
  it.each(NUMERALS)('%i ⇄ %s', (n, text) => {
    expect(toChineseNumeral(n)).toBe(text);
    expect(fromChineseNumeral(text)).toBe(n);
  });

  it('round-trips every number up to 9999', () => {
    const wrong = Array.from({ length: 10_000 }, (_, n) => n).filter((n) => fromChineseNumeral(toChineseNumeral(n)) !== n);
    expect(wrong).toEqual([]);
  });

  it.each([
    ['两百', 200], ['二〇二三', 2023], ['〇', 0], ['28', 28], ['十九', 19], ['一十三', 13],
  ])('also reads %s as %i', (text, n) => {
    expect(fromChineseNumeral(text)).toBe(n);
  });

  it.each(['', 'abc', '十十', '三二十', '百百'])('rejects %j', (text) => {
    expect(() => fromChineseNumeral(text)).toThrow(RangeError);
  });

  it.each([-1, 1.5, 100_000_000])('refuses to write %d', (n) => {
    expect(() => toChineseNumeral(n)).toThrow(RangeError);
  });
});

describe('citation', () => {
  it.each([
    [{ article: 13, item: 3 }, '第十三条第（三）项'],
    [{ article: 8, item: 1, subItem: 1 }, '第八条第（一）项第1目'],
    [{ article: 28 }, '第二十八条'],
    [{ chapter: 3, article: 9 }, '第三章第九条'],
    [{ article: 2, paragraph: 2, item: 4 }, '第二条第二款第（四）项'],
    [{ article: 101 }, '第一百零一条'],
  ])('%o → %s', (c, text) => {
    expect(citation(c)).toBe(text);
  });

  it('needs at least one level', () => {
    expect(() => citation({})).toThrow(RangeError);
  });
});
