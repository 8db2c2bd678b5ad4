import { describe, expect, it } from 'vitest';
import { xinjiangWorkdayCalendar } from '../calendar/xinjiang.js';
import { pressFilingDeadline } from './filing-deadline.js';
import { reminderDue } from './reminders.js';

const calendar = xinjiangWorkdayCalendar([2023]);

describe('pressFilingDeadline: 7th working day before the conference', () => {
  it.each([
    ['2023-05-04', '2023-04-20'], // 4月21日 肉孜节 off, 4月23日 (Sun) make-up day counts
    ['2023-07-05', '2023-06-20'], // 古尔邦节 6月28–30日, 端午节 6月22–24日, 6月25日 make-up
    ['2023-03-15', '2023-03-06'],
    ['2023-03-18', '2023-03-09'], // a Saturday conference: counting starts the day before
    ['2023-10-10', '2023-09-25'], // 国庆 9月29日–10月6日 off, 10月7–8日 (weekend) worked
  ])('%s → %s', (conference, deadline) => {
    expect(pressFilingDeadline(conference, calendar)).toBe(deadline);
  });

  it('throws rather than guess for a January conference without the previous year', () => {
    expect(() => pressFilingDeadline('2023-01-05', calendar)).toThrow('缺少2022年的工作日历');
  });
});

describe('reminderDue', () => {
  const conference = { conferenceDate: '2023-05-04', filedOn: null };

  it.each([
    ['2023-04-12', false, 6, false],
    ['2023-04-14', false, 4, false],
    ['2023-04-17', true, 3, false],
    ['2023-04-20', true, 0, false],
    ['2023-04-23', true, -1, true],
    ['2023-05-04', true, -7, true],
    ['2023-05-05', false, -8, true],
  ])('on %s: due %s, %i workdays left, overdue %s', (today, due, workdaysLeft, overdue) => {
    expect(reminderDue(conference, today, calendar)).toEqual({ due, deadline: '2023-04-20', workdaysLeft, overdue });
  });

  it('stops once filed, and honours a custom window', () => {
    expect(reminderDue({ ...conference, filedOn: '2023-04-18' }, '2023-04-19', calendar).due).toBe(false);
    expect(reminderDue(conference, '2023-04-13', calendar, 5).due).toBe(true);
  });
});
