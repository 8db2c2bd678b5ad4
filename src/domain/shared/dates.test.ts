import { describe, expect, it } from 'vitest';
import { addDays, addMonths, fullYearsBetween, isIsoDate, urumqiDate, weekday } from './dates.js';

describe('calendar dates', () => {
  it.each([
    ['2023-08-10', 6, '2024-02-10'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2022-08-31', 6, '2023-02-28'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2023-12-15', -12, '2022-12-15'],
  ])('%s + %i months = %s (Civil Code: last day when no corresponding day)', (start, n, end) => {
    expect(addMonths(start, n)).toBe(end);
  });

  it.each([
    ['2020-08-10', '2023-08-10', 3],
    ['2020-08-11', '2023-08-10', 2],
    ['2020-02-29', '2021-02-28', 1],
    ['2020-02-29', '2021-02-27', 0],
    ['2023-08-10', '2023-08-09', 0],
  ])('full years from %s to %s = %i', (a, b, n) => {
    expect(fullYearsBetween(a, b)).toBe(n);
  });

  it('validates dates', () => {
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-2-1')).toBe(false);
  });

  it('knows weekdays and Urumqi civil dates', () => {
    expect(weekday('2023-04-21')).toBe(5);
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(urumqiDate(new Date('2023-04-20T18:30:00Z'))).toBe('2023-04-21');
  });
});
