import { describe, expect, it } from 'vitest';
import { endOfDayInstant, formatChineseDate, formatDate, formatDateTime, formatYuan, startOfDayInstant } from './format';

describe('formatYuan (integer fen, exact)', () => {
  it.each([
    [0, '0.00元'],
    [5, '0.05元'],
    [-5, '-0.05元'],
    [123456, '1,234.56元'],
    [100_000_000, '1,000,000.00元'],
    ['100000000000000000001', '1,000,000,000,000,000,000.01元'],
    [12345678901234567890n, '123,456,789,012,345,678.90元'],
  ])('%s fen → %s', (fen, expected) => {
    expect(formatYuan(fen)).toBe(expected);
  });

  it('drops the unit on request and shows a dash for no amount', () => {
    expect(formatYuan(150, { unit: false })).toBe('1.50');
    expect(formatYuan(null)).toBe('—');
  });

  it.each([1.5, Number.MAX_SAFE_INTEGER + 2, '12.5', 'abc'])('refuses %s, which is not integer fen', (bad) => {
    expect(() => formatYuan(bad)).toThrow(RangeError);
  });
});

describe('dates in Asia/Urumqi (UTC+6)', () => {
  it.each([
    ['2026-11-28T21:54:10.909Z', '2026-11-29 03:54:10'],
    ['2026-11-28 21:54:10.909+00', '2026-11-29 03:54:10'],
    ['2026-11-28 21:54:10+05:30', '2026-11-28 22:24:10'],
  ])('instant %s → %s', (instant, expected) => {
    expect(formatDateTime(instant)).toBe(expected);
  });

  it('never shifts a calendar date', () => {
    expect(formatDate('2023-02-10')).toBe('2023-02-10');
    expect(formatChineseDate('2023-02-10')).toBe('2023年2月10日');
  });

  it('shows a dash for missing or unreadable values', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });

  it('turns a calendar day into the instants that bound it', () => {
    expect(startOfDayInstant('2023-02-10')).toBe('2023-02-09T18:00:00.000Z');
    expect(endOfDayInstant('2023-02-10')).toBe('2023-02-10T17:59:59.999Z');
    expect(endOfDayInstant('2023-12-31')).toBe('2023-12-31T17:59:59.999Z');
  });
});
