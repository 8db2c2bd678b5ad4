import { describe, expect, it } from 'vitest';
import { CalendarMissingError, type YearCalendar } from './year-calendar.js';
import { createWorkdayCalendar } from './workday-calendar.js';
import { xinjiangWorkdayCalendar } from './xinjiang.js';

const calendar = xinjiangWorkdayCalendar([2023]);

describe('Xinjiang 2023 working days', () => {
  it.each([
    ['2023-04-21', false, 'holiday', '肉孜节', 'regional'],
    ['2023-04-23', true, 'makeUpWorkday', '劳动节', 'national'],
    ['2023-06-28', false, 'holiday', '古尔邦节', 'regional'],
    ['2023-06-30', false, 'holiday', '古尔邦节', 'regional'],
    ['2023-06-25', true, 'makeUpWorkday', '端午节', 'national'],
    ['2023-01-02', false, 'holiday', '元旦', 'national'],
    ['2023-10-07', true, 'makeUpWorkday', '国庆节', 'national'],
    ['2023-05-04', true, 'weekday', null, null],
    ['2023-05-06', true, 'makeUpWorkday', '劳动节', 'national'],
    ['2023-07-01', false, 'weekend', null, null],
  ])('%s: workday %s (%s %s)', (date, workday, kind, name, source) => {
    expect(calendar.describe(date)).toEqual({ date, workday, kind, name, source });
    expect(calendar.isWorkday(date)).toBe(workday);
  });

  it.each([
    ['2023-05-04', -7, '2023-04-20'],
    ['2023-07-05', -7, '2023-06-20'],
    ['2023-04-20', 1, '2023-04-23'],
    ['2023-06-27', 1, '2023-07-03'],
    ['2023-09-28', 1, '2023-10-07'],
    ['2023-04-22', 0, '2023-04-22'],
    ['2023-12-29', -20, '2023-12-01'],
  ])('addWorkdays(%s, %i) = %s', (date, n, expected) => {
    expect(calendar.addWorkdays(date, n)).toBe(expected);
  });

  it.each([
    ['2023-04-20', '2023-05-04', 7],
    ['2023-05-04', '2023-04-20', -7],
    ['2023-04-21', '2023-04-23', 1],
    ['2023-04-23', '2023-04-21', 0],
    ['2023-04-24', '2023-04-20', -2],
    ['2023-06-01', '2023-06-01', 0],
    // 260 weekdays − 18 national weekday holidays + 7 make-up days − 4 regional days off
    ['2023-01-01', '2023-12-31', 245],
  ])('workdaysBetween(%s, %s) = %i', (start, end, n) => {
    expect(calendar.workdaysBetween(start, end)).toBe(n);
  });

  it('round-trips addWorkdays and workdaysBetween for workdays', () => {
    for (const [start, end] of [['2023-03-01', '2023-11-30'], ['2023-11-30', '2023-03-01']]) {
      expect(calendar.addWorkdays(start, calendar.workdaysBetween(start, end))).toBe(end);
    }
  });
});

describe('missing years', () => {
  it('throws CalendarMissingError instead of guessing Mon–Fri', () => {
    expect(() => calendar.isWorkday('2031-03-03')).toThrow(CalendarMissingError);
    expect(() => calendar.isWorkday('2031-03-03')).toThrow('缺少2031年的工作日历');
    expect(() => calendar.addWorkdays('2023-12-29', 3)).toThrow('缺少2024年的工作日历');
  });

  it('carries the year and a stable code', () => {
    try {
      calendar.workdaysBetween('2022-12-30', '2023-01-05');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarMissingError);
      expect((error as CalendarMissingError).year).toBe(2022);
      expect((error as CalendarMissingError).code).toBe('CALENDAR_MISSING');
    }
  });

  it('refuses to build Xinjiang years without regional data', () => {
    expect(() => xinjiangWorkdayCalendar([2024])).toThrow('缺少2024年的自治区节假日安排');
    expect(() => xinjiangWorkdayCalendar([2031])).toThrow('缺少2031年的全国节假日安排');
  });
});

describe('combining calendars', () => {
  const national: YearCalendar = {
    year: 2030,
    holidays: [{ date: '2030-03-04', name: '甲', source: 'national' }],
    makeUpWorkdays: [{ date: '2030-03-09', name: '甲', source: 'national' }],
  };
  const regional: YearCalendar = {
    year: 2030,
    holidays: [{ date: '2030-03-09', name: '乙', source: 'regional' }],
    makeUpWorkdays: [],
  };

  it('lets the later calendar win on a clash', () => {
    const combined = createWorkdayCalendar([national, regional]);
    expect(combined.isWorkday('2030-03-09')).toBe(false);
    expect(combined.describe('2030-03-09').name).toBe('乙');
    expect(combined.isWorkday('2030-03-04')).toBe(false);
    expect(combined.years).toEqual([2030]);
  });

  it('treats an empty year calendar as covered plain Mon–Fri', () => {
    const plain = createWorkdayCalendar([{ year: 2030, holidays: [], makeUpWorkdays: [] }]);
    expect(plain.addWorkdays('2030-03-01', 1)).toBe('2030-03-04');
  });
});
