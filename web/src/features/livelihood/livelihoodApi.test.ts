import { describe, expect, it } from 'vitest';
import { attainmentOption, departmentLightsOption, totalsOption } from './dashboardCharts';
import { attentionLists, byUrgency, periodLabel, reportablePeriods, type DashboardData } from './livelihoodApi';

const data: DashboardData = {
  today: '2023-04-11',
  calendarWarnings: [],
  plan: { year: 2023, docNumber: '伊州政办发〔2023〕8号' },
  totals: { green: 2, yellow: 1, red: 40 },
  byProject: [{ no: 1, title: '养老托育', green: 0, yellow: 1, red: 3 }],
  byDepartment: [{ organizationId: 'a', name: '州水利局', green: 0, yellow: 0, red: 1 }, { organizationId: 'b', name: '州人力资源和社会保障局', green: 2, yellow: 0, red: 12 }],
  targets: [
    { projectNo: 2, targetId: 't1', text: '5.09万人', context: '务工规模不低于5.09万人', value: 50900, unit: '人', reached: 12000, percent: 23 },
    { projectNo: 2, targetId: 't2', text: '0.26万人', context: '…0.26万人', value: 2600, unit: '人', reached: null, percent: null },
  ],
  attention: [],
};

describe('livelihood helpers', () => {
  it('labels months and lists the months a unit may report on', () => {
    expect(periodLabel('2023-03')).toBe('2023年3月');
    expect(reportablePeriods('2023-04-11', 2023, '2023-03-01')).toEqual(['2023-04', '2023-03']);
    expect(reportablePeriods('2024-02-01', 2023, '2023-11-01')).toEqual(['2023-12', '2023-11']);
  });

  it('splits the measures needing attention into the overdue list and the red list', () => {
    const item = (id: string, light: 'red' | 'yellow', overdue: boolean) => ({ id, projectNo: 1, no: 1, units: [], deadline: null, progressPercent: 0, light, overdue, reasons: [] });
    const lists = attentionLists({ attention: [item('a', 'red', true), item('b', 'red', false), item('c', 'yellow', true)] });
    expect(lists.overdue.map((m) => m.id)).toEqual(['a', 'c']);
    expect(lists.red.map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('orders red first', () => {
    const items = [{ light: 'green' as const, projectNo: 1, no: 1 }, { light: 'red' as const, projectNo: 2, no: 1 }, { light: 'yellow' as const, projectNo: 1, no: 2 }];
    expect(byUrgency(items).map((m) => m.light)).toEqual(['red', 'yellow', 'green']);
  });

  it('builds the chart options from the dashboard data', () => {
    const departments = departmentLightsOption(data);
    expect(departments.yAxis.data).toEqual(['州水利局', '州人力资源和社会保障局']);
    expect(departments.series.map((s) => [s.name, s.data])).toEqual([['红灯', [1, 12]], ['黄灯', [0, 0]], ['绿灯', [0, 2]]]);
    expect(totalsOption(data).series[0].data.map((d) => d.value)).toEqual([40, 1, 2]);
    expect(attainmentOption(data).series[0].data.map((d) => d.value)).toEqual([23, 0]);
  });
});
