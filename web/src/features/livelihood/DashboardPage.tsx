import { Card, Col, Empty, Row, Space, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert, PageLoading, useApi } from '../../ui';
import { attainmentOption, departmentLightsOption, projectLightsOption, totalsOption } from './dashboardCharts';
import { EChart } from './EChart';
import { CalendarWarnings, LightTag, ReasonList } from './LightTag';
import { attentionLists, LIGHT_COLORS, type AttentionItem, type DashboardData } from './livelihoodApi';

/** 领导驾驶舱: lights by project and department, target attainment, and what is red or overdue. */
export default function DashboardPage() {
  const dashboard = useApi<DashboardData>('/api/livelihood/dashboard');
  const data = dashboard.data;
  const options = useMemo(
    () => (data ? { totals: totalsOption(data), projects: projectLightsOption(data), departments: departmentLightsOption(data), attainment: attainmentOption(data) } : null),
    [data],
  );
  if (!data || !options) {
    return dashboard.error ? <ErrorAlert error={dashboard.error} onRetry={dashboard.reload} title="驾驶舱无法计算" /> : <PageLoading />;
  }
  const projectTitles = new Map(data.byProject.map((p) => [p.no, p.title]));
  const { overdue, red } = attentionLists(data);
  const listColumns = [
    { title: '措施', key: 'no', width: 70, render: (_: unknown, m: AttentionItem) => <Link to={`/livelihood/measures/${m.id}`}>{m.projectNo}.{m.no}</Link> },
    { title: '项目', key: 'project', ellipsis: true, render: (_: unknown, m: AttentionItem) => projectTitles.get(m.projectNo) ?? '' },
    { title: '牵头单位', dataIndex: 'units', width: 200, render: (u: string[]) => u.join('、') },
    { title: '完成时限', dataIndex: 'deadline', width: 110, render: (d: string | null) => d ?? '持续' },
    { title: '进度', dataIndex: 'progressPercent', width: 70, render: (p: number) => `${p}%` },
    { title: '原因', key: 'reasons', render: (_: unknown, m: AttentionItem) => <ReasonList reasons={m.reasons.map((r) => ({ ...r, light: 'red' as const }))} /> },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{data.plan.docNumber}，灯色按 {data.today} 的报送情况计算。</Typography.Paragraph>
      <CalendarWarnings warnings={data.calendarWarnings} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title="总体灯色" size="small">
            <Space size={24} style={{ marginBottom: 8 }} data-testid="totals">
              <Statistic title="红灯" value={data.totals.red} valueStyle={{ color: LIGHT_COLORS.red }} />
              <Statistic title="黄灯" value={data.totals.yellow} valueStyle={{ color: LIGHT_COLORS.yellow }} />
              <Statistic title="绿灯" value={data.totals.green} valueStyle={{ color: LIGHT_COLORS.green }} />
            </Space>
            <EChart option={options.totals} height={220} testId="chart-totals" />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card title="各项目灯色" size="small">
            <EChart option={options.projects} height={340} testId="chart-projects" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="各责任单位灯色" size="small">
            <EChart option={options.departments} height={Math.max(240, data.byDepartment.length * 28 + 60)} testId="chart-departments" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="目标任务完成率" size="small">
            {data.targets.length ? <EChart option={options.attainment} height={Math.max(240, data.targets.length * 22 + 40)} testId="chart-targets" /> : <Empty />}
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={`逾期未完成（${overdue.length}）`} size="small">
            <Table rowKey="id" size="small" columns={listColumns} dataSource={overdue} pagination={false} locale={{ emptyText: '没有逾期未完成的措施' }} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={`红灯措施（${red.length}）`} size="small">
            <Table rowKey="id" size="small" columns={[...listColumns.slice(0, 5), { title: '灯色', key: 'light', width: 90, render: (_: unknown, m: AttentionItem) => <LightTag light={m.light} /> }, listColumns[5]]}
              dataSource={red} pagination={{ pageSize: 10 }} data-testid="red-list" />
          </Card>
        </Col>
      </Row>
    </>
  );
}
