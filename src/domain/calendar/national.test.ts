import { describe, expect, it } from 'vitest';
import { nationalYearCalendar } from './national.js';

describe('nationalYearCalendar (chinese-days)', () => {
  it('reads 2023 exactly', () => {
    const c = nationalYearCalendar(2023);
    expect(c?.makeUpWorkdays).toEqual(
      [
        ['2023-01-28', '春节'], ['2023-01-29', '春节'], ['2023-04-23', '劳动节'], ['2023-05-06', '劳动节'],
        ['2023-06-25', '端午节'], ['2023-10-07', '国庆节'], ['2023-10-08', '国庆节'],
      ].map(([date, name]) => ({ date, name, source: 'national' })),
    );
    expect(c?.holidays.map((d) => d.date)).toEqual([
      '2023-01-01', '2023-01-02', '2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24', '2023-01-25',
      '2023-01-26', '2023-01-27', '2023-04-05', '2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02',
      '2023-05-03', '2023-06-22', '2023-06-23', '2023-06-24', '2023-09-29', '2023-09-30', '2023-10-01',
      '2023-10-02', '2023-10-03', '2023-10-04', '2023-10-05', '2023-10-06',
    ]);
    expect(c?.holidays.find((d) => d.date === '2023-04-05')?.name).toBe('清明节');
  });

  it.each([2003, 2027, 2031])('has no data for %i', (year) => {
    expect(nationalYearCalendar(year)).toBeNull();
  });
});
