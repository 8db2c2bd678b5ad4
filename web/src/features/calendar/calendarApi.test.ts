import { describe, expect, it } from 'vitest';
import { mondayIndex, monthGrid, workdaysIn } from './calendarApi';

const Y2023 = {
  holidays: [
    { date: '2023-04-05', name: '清明节', source: 'national' as const },
    { date: '2023-04-21', name: '肉孜节', source: 'regional' as const },
    { date: '2023-04-29', name: '劳动节', source: 'national' as const },
    { date: '2023-04-30', name: '劳动节', source: 'national' as const },
  ],
  makeUpWorkdays: [{ date: '2023-04-23', name: '劳动节', source: 'national' as const }],
};

describe('month grid', () => {
  it('starts weeks on Monday', () => {
    expect(mondayIndex('2023-04-01')).toBe(5); // Saturday
    expect(mondayIndex('2023-04-03')).toBe(0);
  });

  it('lays out April 2023 with holidays, the make-up Sunday and the regional 肉孜节', () => {
    const weeks = monthGrid(2023, 4, Y2023);
    expect(weeks).toHaveLength(5); // 5 padding days + 30 days
    expect(weeks[0].slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(weeks[0][5]).toMatchObject({ date: '2023-04-01', kind: 'weekend' });
    const cells = weeks.flat().filter((c) => c !== null);
    expect(cells.find((c) => c.date === '2023-04-21')).toMatchObject({ kind: 'holiday', name: '肉孜节', source: 'regional' });
    expect(cells.find((c) => c.date === '2023-04-23')).toMatchObject({ kind: 'makeUpWorkday', name: '劳动节' });
    // 20 weekdays − 清明 − 肉孜节 + the make-up Sunday
    expect(workdaysIn(weeks)).toBe(19);
  });

  it('without data every day is plain weekday or weekend (the page warns)', () => {
    expect(workdaysIn(monthGrid(2031, 2, null))).toBe(20);
  });
});
