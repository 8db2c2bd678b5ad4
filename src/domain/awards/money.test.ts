import { describe, expect, it } from 'vitest';
import { applyRatio, formatRatio, formatYuan, InexactAmountError, multiplyRatios, percent, ratio, toYuan, yuanToFen } from './money.js';

describe('exact money', () => {
  it.each([
    [2_000_000, percent(80), 1_600_000],
    [2_000_000, multiplyRatios([percent(20), percent(80), percent(60)]), 192_000],
    [100, percent(20), 20],
    [0, percent(30), 0],
  ])('%i fen × %o = %i fen exactly', (amount, r, expected) => {
    expect(applyRatio(amount, r, { mode: 'exact' })).toBe(expected);
  });

  it('refuses an amount that is not whole fen when the rulebook declares no rounding', () => {
    expect(() => applyRatio(1, percent(20), { mode: 'exact' })).toThrow(InexactAmountError);
    expect(() => applyRatio(1, percent(20), { mode: 'exact' })).toThrow('0.01元 × 20% 不能精确到分');
  });

  it('rounds once, half up or down, to a declared unit', () => {
    // 33333元 × 15% = 4999.95元
    expect(applyRatio(3_333_300, percent(15), { mode: 'half-up', unit: 100 })).toBe(500_000);
    expect(applyRatio(3_333_300, percent(15), { mode: 'down', unit: 100 })).toBe(499_900);
    expect(applyRatio(3_333_300, percent(15), { mode: 'half-up', unit: 1 })).toBe(499_995);
    // exactly half a yuan rounds up
    expect(applyRatio(150, percent(100), { mode: 'half-up', unit: 100 })).toBe(200);
  });

  it('handles products beyond 2^53 without losing precision', () => {
    const big = 9_000_000_000_000;
    expect(applyRatio(big, ratio(999, 1000), { mode: 'exact' })).toBe(8_991_000_000_000);
  });

  it('reduces ratios', () => {
    expect(percent(20)).toEqual({ num: 1, den: 5 });
    expect(multiplyRatios([percent(80), percent(60)])).toEqual({ num: 12, den: 25 });
    expect(() => ratio(1, 0)).toThrow(RangeError);
    expect(() => ratio(-1, 2)).toThrow(RangeError);
  });

  it('converts yuan at the boundaries', () => {
    expect(yuanToFen(20000)).toBe(2_000_000);
    expect(yuanToFen(0.29)).toBe(29);
    expect(yuanToFen(1.005)).toBeNull();
    expect(yuanToFen(-1)).toBeNull();
    expect(yuanToFen('100')).toBeNull();
    expect(yuanToFen(Number.NaN)).toBeNull();
    expect(toYuan(12_345)).toBe(123.45);
    expect(toYuan(29)).toBe(0.29);
  });

  it('formats yuan and ratios for explanations', () => {
    expect(formatYuan(2_000_000)).toBe('20000');
    expect(formatYuan(1_250)).toBe('12.5');
    expect(formatYuan(1)).toBe('0.01');
    expect(formatRatio(percent(20))).toBe('20%');
    expect(formatRatio(ratio(1, 3))).toBe('1/3');
  });
});
