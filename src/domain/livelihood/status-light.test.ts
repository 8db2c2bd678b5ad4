import { describe, expect, it } from 'vitest';
import { createWorkdayCalendar } from '../calendar/workday-calendar.js';
import { nationalYearCalendar } from '../calendar/national.js';
import { XINJIANG_REGIONAL_2023, xinjiangWorkdayCalendar } from '../calendar/xinjiang.js';
import type { ProgressReport } from './reporting.js';
import { briefReasons, statusLight, type StatusReason } from './status-light.js';
import type { Measure } from './types.js';

const calendar = xinjiangWorkdayCalendar([2023]);

/** 8号文 四.2 (州水利局): three milestones, deadline 2023-12-31. */
const WATER: Pick<Measure, 'units' | 'deadline' | 'milestones'> = {
  units: ['州水利局'],
  deadline: '2023-12-31',
  milestones: [
    { text: '3月底前完成维修养护86处农村饮水工程招投标工作', date: '2023-03-31', kind: 'by' },
    { text: '4月项目顺利开工建设', date: '2023-04-30', kind: 'during' },
    { text: '9月30日全面完成建设任务和绩效目标', date: '2023-09-30', kind: 'on' },
  ],
};
/** 8号文 五.3: deadline 2023-09-30, no milestones. */
const WAGES: Pick<Measure, 'units' | 'deadline' | 'milestones'> = { units: ['州人力资源和社会保障局'], deadline: '2023-09-30', milestones: [] };
/** 8号文 九.3: two units, 全年持续推进. */
const TRAFFIC: Pick<Measure, 'units' | 'deadline' | 'milestones'> = { units: ['州公安局', '州交通运输局'], deadline: null, milestones: [] };

const report = (unit: string, period: string, submittedOn: string, progressPercent: number, milestonesDone: string[] = []): ProgressReport => ({
  projectNo: 4, measureNo: 2, unit, period, submittedOn, progressPercent, milestonesDone,
});
const water = (period: string, submittedOn: string, progress: number, done: string[] = []) => report('州水利局', period, submittedOn, progress, done);
const monthly = (unit: string, months: number[], progress: number) =>
  months.map((m) => report(unit, `2023-${String(m).padStart(2, '0')}`, `2023-${String(m + 1).padStart(2, '0')}-03`, progress));

const red = (code: StatusReason['code'], message: string): StatusReason => ({ light: 'red', code, message });
const yellow = (code: StatusReason['code'], message: string): StatusReason => ({ light: 'yellow', code, message });
/** REPORT_MISSING for a unit's month, with the due date its message names. */
const missing = (unit: string, period: string, dueOn: string): StatusReason => ({
  light: 'red', code: 'REPORT_MISSING', message: `${unit}未报送${period.slice(0, 4)}年${Number(period.slice(5))}月进展（应于${dueOn}前报送）`, unit, period,
});
const green = (code: StatusReason['code'], message: string): StatusReason => ({ light: 'green', code, message });
const MILESTONE_1 = yellow('MILESTONE_MISSED', '节点“3月底前完成维修养护86处农村饮水工程招投标工作”（2023-03-31）已过，未报完成');

describe('statusLight', () => {
  it.each<[string, Pick<Measure, 'units' | 'deadline' | 'milestones'>, ProgressReport[], string, StatusReason[]]>([
    ['on track early in the period', WATER, [water('2023-03', '2023-03-10', 10)], '2023-03-15', [green('ON_TRACK', '按计划推进，进度10%')]],
    ['nothing reported yet: behind time', WATER, [], '2023-03-15', [yellow('BEHIND_SCHEDULE', '进度0%，落后于时间进度4%')]],
    ['March report due on the 5th working day (清明 4月5日 skipped): still pending on 4月10日', WATER, [], '2023-04-10',
      [yellow('BEHIND_SCHEDULE', '进度0%，落后于时间进度13%'), MILESTONE_1]],
    ['missing the day after', WATER, [], '2023-04-11',
      [missing('州水利局', '2023-03', '2023-04-10'), yellow('BEHIND_SCHEDULE', '进度0%，落后于时间进度13%'), MILESTONE_1]],
    ['a late report is no longer missing; milestone reported done', WATER,
      [water('2023-03', '2023-04-12', 30, [WATER.milestones[0].text])], '2023-04-13', [green('ON_TRACK', '按计划推进，进度30%')]],
    ['a report dated after today does not count yet', WATER, [water('2023-03', '2023-04-12', 30)], '2023-04-11',
      [missing('州水利局', '2023-03', '2023-04-10'), yellow('BEHIND_SCHEDULE', '进度0%，落后于时间进度13%'), MILESTONE_1]],
    ['within 5 working days of the deadline (国庆 9月29日 off)', WAGES, monthly('州人力资源和社会保障局', [1, 2, 3, 4, 5, 6, 7, 8], 99), '2023-09-25',
      [yellow('NEAR_DEADLINE', '距完成时限（2023-09-30）仅剩3个工作日')]],
    ['overdue; the September report is not due before 10月11日 (10月7–8日 worked)', WAGES, monthly('州人力资源和社会保障局', [1, 2, 3, 4, 5, 6, 7, 8], 99), '2023-10-10',
      [red('OVERDUE', '已超过完成时限（2023-09-30），进度99%')]],
    ['complete, even after the deadline', WAGES, [report('州人力资源和社会保障局', '2023-10', '2023-10-09', 100)], '2023-11-20', [green('COMPLETE', '已完成')]],
    ['continuous joint measure: one unit silent for May', TRAFFIC,
      [...monthly('州公安局', [1, 2, 3, 4, 5], 40), ...monthly('州交通运输局', [1, 2, 3, 4], 50)], '2023-06-15',
      [missing('州交通运输局', '2023-05', '2023-06-07')]],
    ['continuous joint measure: all in', TRAFFIC,
      [...monthly('州公安局', [1, 2, 3, 4, 5], 40), ...monthly('州交通运输局', [1, 2, 3, 4, 5], 50)], '2023-06-15', [green('ON_TRACK', '按计划推进，进度40%')]],
  ])('%s', (_name, measure, reports, today, reasons) => {
    const status = statusLight(measure, reports, today, calendar, { planStart: measure === WATER ? '2023-03-01' : '2023-01-01' });
    const worst = reasons.some((r) => r.light === 'red') ? 'red' : reasons.some((r) => r.light === 'yellow') ? 'yellow' : 'green';
    expect(status.reasons).toEqual(reasons);
    expect(status.light).toBe(worst);
  });

  it('reports progress and elapsed share', () => {
    expect(statusLight(WATER, [water('2023-05', '2023-06-01', 45)], '2023-06-15', calendar, { planStart: '2023-03-01' })).toMatchObject({
      progressPercent: 45,
      elapsedPercent: 34,
    });
    expect(statusLight(TRAFFIC, [], '2023-01-15', calendar).elapsedPercent).toBeNull();
  });

  it('defaults the plan start to 1 January and throws without next year’s calendar in January', () => {
    expect(statusLight(WAGES, [], '2023-01-20', calendar).reasons).toEqual([yellow('BEHIND_SCHEDULE', '进度0%，落后于时间进度6%')]); // 19 of 272 days
    expect(() => statusLight(WATER, [], '2024-01-20', calendar)).toThrow('缺少2024年的工作日历');
    // a continuous measure has no deadline to date the plan by: last year's plan needs its start passed in
    expect(statusLight(TRAFFIC, [], '2024-01-20', calendar).light).toBe('green');
    expect(() => statusLight(TRAFFIC, [], '2024-01-20', calendar, { planStart: '2023-01-01' })).toThrow('缺少2024年的工作日历');
  });

  it('owes no report after the plan’s end: a continuous measure of the 2023 plan stops with 2023', () => {
    const national = [2023, 2024].map((y) => nationalYearCalendar(y)).filter((c) => c !== null);
    const twoYears = createWorkdayCalendar([...national, XINJIANG_REGIONAL_2023]);
    const reports = [...monthly('州公安局', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 80), ...monthly('州交通运输局', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)];
    const december = [report('州公安局', '2023-12', '2024-01-04', 100), report('州交通运输局', '2023-12', '2024-01-04', 95)];
    const options = { planStart: '2023-01-01', planEnd: '2023-12-31' };
    expect(statusLight(TRAFFIC, [...reports, ...december], '2024-03-15', twoYears, options).light).toBe('green');
    expect(statusLight(TRAFFIC, reports, '2024-03-15', twoYears, options).reasons).toEqual([
      missing('州公安局', '2023-12', '2024-01-08'),
      missing('州交通运输局', '2023-12', '2024-01-08'),
    ]);
    expect(statusLight(TRAFFIC, [...reports, ...december], '2024-03-15', twoYears, { planStart: '2023-01-01' }).reasons.map((r) => r.message)).toEqual([
      '州交通运输局未报送2024年1月进展（应于2024-02-06前报送）', // 2月4日（周日）春节调休上班
      '州交通运输局未报送2024年2月进展（应于2024-03-07前报送）',
    ]);
  });
});

describe('briefReasons', () => {
  it('puts a unit’s missing months in one line, runs of months as ranges', () => {
    const reports = [...monthly('州公安局', [1, 2, 3, 4, 5], 40), ...monthly('州交通运输局', [2, 4], 50)];
    const reasons = statusLight(TRAFFIC, reports, '2023-06-15', calendar).reasons;
    expect(reasons.map((r) => r.period)).toEqual(['2023-01', '2023-03', '2023-05']);
    expect(briefReasons(reasons)).toEqual([
      { light: 'red', code: 'REPORT_MISSING', unit: '州交通运输局', message: '州交通运输局有3个月进展未报送：2023年1月、2023年3月、2023年5月' },
    ]);
  });

  it('keeps other reasons and a single missing month as they are, in their places; ranges cross the year', () => {
    const overdue: StatusReason = { light: 'red', code: 'OVERDUE', message: '已超过完成时限（2023-10-31），进度20%' };
    const behind: StatusReason = { light: 'yellow', code: 'MILESTONE_MISSED', message: '节点“招标”（2023-06-30）已过，未报完成' };
    const reasons = [
      overdue,
      missing('州民政局', '2023-11', '2023-12-07'), missing('州水利局', '2023-11', '2023-12-07'),
      missing('州民政局', '2023-12', '2024-01-08'), missing('州民政局', '2024-01', '2024-02-06'),
      behind,
    ];
    expect(briefReasons(reasons)).toEqual([
      overdue,
      { light: 'red', code: 'REPORT_MISSING', unit: '州民政局', message: '州民政局有3个月进展未报送：2023年11月至2024年1月' },
      missing('州水利局', '2023-11', '2023-12-07'),
      behind,
    ]);
    expect(briefReasons([missing('州民政局', '2023-03', '2023-04-10'), missing('州民政局', '2023-04', '2023-05-09')])[0].message).toBe('州民政局有2个月进展未报送：2023年3月至4月');
  });
});
