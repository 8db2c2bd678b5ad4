import { LIGHT_COLORS, LIGHT_LABELS, type DashboardData, type Light } from './livelihoodApi';

/** ECharts options for the leaders' dashboard, as plain data (no echarts import: testable, and the page loads echarts on its own). */

const LIGHTS: Light[] = ['red', 'yellow', 'green'];

/** Horizontal stacked bars, one row per category, red first. */
function stackedBars(categories: string[], rows: Record<Light, number>[]) {
  return {
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
    legend: { top: 0, right: 8, data: LIGHTS.map((l) => LIGHT_LABELS[l]) },
    grid: { left: 170, right: 24, top: 36, bottom: 24 },
    xAxis: { type: 'value' as const, minInterval: 1 },
    yAxis: { type: 'category' as const, inverse: true, data: categories, axisLabel: { interval: 0, width: 160, overflow: 'truncate' as const } },
    series: LIGHTS.map((light) => ({
      name: LIGHT_LABELS[light],
      type: 'bar' as const,
      stack: 'lights',
      itemStyle: { color: LIGHT_COLORS[light] },
      label: { show: true, formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : '') },
      data: rows.map((r) => r[light]),
    })),
  };
}

export function projectLightsOption(data: DashboardData) {
  return stackedBars(data.byProject.map((p) => `${p.no}. ${p.title}`), data.byProject);
}

export function departmentLightsOption(data: DashboardData) {
  return stackedBars(data.byDepartment.map((d) => d.name), data.byDepartment);
}

export function totalsOption(data: DashboardData) {
  return {
    tooltip: { trigger: 'item' as const },
    series: [{
      type: 'pie' as const,
      radius: ['45%', '70%'],
      label: { formatter: '{b}\n{c}项' },
      data: LIGHTS.map((light) => ({ name: LIGHT_LABELS[light], value: data.totals[light], itemStyle: { color: LIGHT_COLORS[light] } })),
    }],
  };
}

/** Attainment per target (reported value ÷ target value); targets not reported on show 0 and say so. */
export function attainmentOption(data: DashboardData) {
  const rows = data.targets;
  return {
    tooltip: {
      trigger: 'axis' as const,
      formatter: (params: { dataIndex: number }[]) => {
        const t = rows[params[0]?.dataIndex ?? 0];
        return t ? `${t.context}<br/>目标 ${t.value}${t.unit}，已完成 ${t.reached === null ? '未报' : `${t.reached}${t.unit}`}` : '';
      },
    },
    grid: { left: 150, right: 40, top: 16, bottom: 24 },
    xAxis: { type: 'value' as const, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category' as const, inverse: true, data: rows.map((t) => `${t.projectNo}. ${t.text}`) },
    series: [{
      type: 'bar' as const,
      data: rows.map((t) => ({ value: t.percent ?? 0, itemStyle: { color: t.percent === null ? '#d9d9d9' : t.percent >= 100 ? LIGHT_COLORS.green : '#1677ff' } })),
      label: { show: true, position: 'right' as const, formatter: (p: { dataIndex: number }) => (rows[p.dataIndex]?.percent === null ? '未报' : `${rows[p.dataIndex]?.percent}%`) },
    }],
  };
}
