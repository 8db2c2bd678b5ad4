import { describe, expect, it } from 'vitest';
import { xinjiangWorkdayCalendar } from '../calendar/xinjiang.js';
import { quarterlySummary } from './quarterly.js';
import type { ProgressReport } from './reporting.js';
import type { LivelihoodProject, Measure } from './types.js';

const calendar = xinjiangWorkdayCalendar([2023]);

const measure = (no: number, unit: string, deadline: string | null): Measure => ({
  no, text: '', units: [unit], leadLeader: null, leadLeaders: [], responsibleLeader: null, responsibleLeaders: [],
  deadline, deadlineText: deadline, fundings: [], milestones: [],
});
const PROJECT: LivelihoodProject = {
  no: 4,
  title: '实施“四好农村路”建设和农村饮水工程维修养护项目',
  targetText: '',
  targets: [],
  fundings: [],
  measures: [measure(1, '州交通运输局', '2023-11-30'), measure(2, '州水利局', '2023-12-31')],
};
const report = (measureNo: number, unit: string, period: string, submittedOn: string, progressPercent: number, projectNo = 4): ProgressReport => ({
  projectNo, measureNo, unit, period, submittedOn, progressPercent,
});

describe('quarterlySummary', () => {
  const reports = [
    report(1, '州交通运输局', '2023-04', '2023-05-05', 20),
    report(1, '州交通运输局', '2023-05', '2023-06-09', 40),
    report(1, '州交通运输局', '2023-06', '2023-07-11', 55), // after today: not counted
    report(2, '州水利局', '2023-04', '2023-05-09', 30),
    report(2, '州水利局', '2023-06', '2023-07-06', 60),
    report(2, '州水利局', '2023-05', '2023-06-01', 99, 5), // another project
  ];

  it('counts due, on time, late and missing per month (due: 5th working day of the next month)', () => {
    const q2 = quarterlySummary(PROJECT, reports, { year: 2023, quarter: 2 }, '2023-07-10', calendar);
    expect(q2.months.map((m) => [m.period, m.dueOn, m.due, m.onTime, m.late, m.missing, m.pending])).toEqual([
      ['2023-04', '2023-05-09', 2, 2, 0, 0, 0], // 5月1–3日 off, 5月6日 (Sat) worked
      ['2023-05', '2023-06-07', 2, 0, 1, 1, 0],
      ['2023-06', '2023-07-07', 2, 1, 0, 1, 0],
    ]);
    expect(q2.months[1].items).toEqual([
      { measureNo: 1, unit: '州交通运输局', state: 'late', submittedOn: '2023-06-09', progressPercent: 40 },
      { measureNo: 2, unit: '州水利局', state: 'missing', submittedOn: null, progressPercent: null },
    ]);
    expect(q2.totals).toEqual({ due: 6, submitted: 4, onTime: 3, late: 1, missing: 2, pending: 0 });
    expect(q2.progress).toEqual([{ measureNo: 1, progressPercent: 40 }, { measureNo: 2, progressPercent: 60 }]);
    expect([q2.projectNo, q2.title, q2.year, q2.quarter]).toEqual([4, PROJECT.title, 2023, 2]);
  });

  it('leaves running months pending, stops after a deadline, and does not need next year’s calendar yet', () => {
    const q4 = quarterlySummary(PROJECT, [report(2, '州水利局', '2023-10', '2023-11-08', 80)], { year: 2023, quarter: 4 }, '2023-11-15', calendar);
    expect(q4.months.map((m) => [m.period, m.dueOn, m.items.map((i) => `${i.measureNo}:${i.state}`)])).toEqual([
      ['2023-10', '2023-11-07', ['1:missing', '2:late']],
      ['2023-11', '2023-12-07', ['1:pending', '2:pending']],
      ['2023-12', null, ['2:pending']],
    ]);
  });

  it('starts with the first full month after the plan start, and stops after a unit reports 100%', () => {
    const done = [report(1, '州交通运输局', '2023-02', '2023-03-01', 100)];
    const q1 = quarterlySummary(PROJECT, done, { year: 2023, quarter: 1 }, '2023-04-20', calendar, { planStart: '2023-01-15' });
    expect(q1.months.map((m) => [m.period, m.items.map((i) => `${i.measureNo}:${i.state}`)])).toEqual([
      ['2023-01', []],
      ['2023-02', ['1:onTime', '2:missing']],
      ['2023-03', ['2:missing']],
    ]);
  });
});
