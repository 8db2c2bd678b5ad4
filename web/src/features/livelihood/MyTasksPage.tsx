import { App, Button, Card, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert, PageLoading, useApi } from '../../ui';
import { CalendarWarnings, LightTag, ReasonList } from './LightTag';
import { ReportModal, type ReportTarget } from './ReportModal';
import { byUrgency, periodLabel, type MyTask, type MyTasksResponse, type ProjectsResponse } from './livelihoodApi';

/** 我的任务: the measures this unit leads, its light, and whether this month's report is in. */
export default function MyTasksPage() {
  const { message } = App.useApp();
  const tasks = useApi<MyTasksResponse>('/api/livelihood/my-tasks');
  const projects = useApi<ProjectsResponse>('/api/livelihood/projects');
  const [reporting, setReporting] = useState<ReportTarget | null>(null);
  const data = tasks.data;
  if (!data) return tasks.error ? <ErrorAlert error={tasks.error} onRetry={tasks.reload} /> : <PageLoading />;
  const plan = projects.data?.plan;
  const targetsOf = (projectId: string) => projects.data?.projects.find((p) => p.id === projectId)?.targets ?? [];
  const columns: TableColumnsType<MyTask> = [
    { title: '措施', key: 'no', width: 70, render: (_, m) => <Link to={`/livelihood/measures/${m.id}`}>{m.projectNo}.{m.no}</Link> },
    { title: '内容', dataIndex: 'text', ellipsis: true, render: (text: string, m) => <Space direction="vertical" size={0}><Typography.Text ellipsis style={{ maxWidth: 420 }}>{text}</Typography.Text><Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.projectTitle}</Typography.Text></Space> },
    { title: '完成时限', dataIndex: 'deadline', width: 110, render: (d: string | null) => d ?? '全年持续推进' },
    { title: '本单位进度', dataIndex: 'ownProgressPercent', width: 100, render: (p: number | null) => (p === null ? '未报' : `${p}%`) },
    {
      title: `${periodLabel(data.period)}报告`, key: 'period', width: 190,
      render: (_, m) => !m.periodRequired ? <Typography.Text type="secondary">无须报送</Typography.Text>
        : m.periodReport ? <Tag color={m.periodReport.late ? 'warning' : 'success'}>{m.periodReport.late ? '逾期报送' : '已报送'} {m.periodReport.submittedOn}</Tag>
        : <Tag color={data.today > data.dueOn ? 'error' : 'processing'}>{data.today > data.dueOn ? '未报送' : `待报送（${data.dueOn}前）`}</Tag>,
    },
    { title: '灯色', key: 'light', width: 220, render: (_, m) => <Space direction="vertical" size={2}><LightTag light={m.light} /><ReasonList reasons={m.reasons.slice(0, 2)} /></Space> },
    {
      title: '操作', key: 'actions', width: 100,
      render: (_, m) => (
        <Button type="primary" size="small" disabled={!plan} data-testid={`report-${m.projectNo}-${m.no}`}
          onClick={() => setReporting({ measureId: m.id, title: `${m.projectNo}.${m.no} ${m.projectTitle}`, milestones: m.milestones, targets: targetsOf(m.projectId), defaultPeriod: data.period, progressPercent: m.ownProgressPercent })}>
          报送进展
        </Button>
      ),
    },
  ];
  return (
    <>
      <CalendarWarnings warnings={data.calendarWarnings} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Text>{data.organization}牵头 {data.items.length} 项工作措施。{periodLabel(data.period)}进展报告应于 <b>{data.dueOn}</b> 前报送（次月第5个工作日）。</Typography.Text>
      </Card>
      <ErrorAlert error={projects.error} />
      <Table<MyTask> rowKey="id" size="middle" columns={columns} dataSource={byUrgency(data.items)} pagination={false} locale={{ emptyText: <Empty description="本单位没有牵头的民生实事措施" /> }} />
      {reporting && plan ? (
        <ReportModal task={reporting} today={data.today} planYear={plan.year} startsOn={plan.reportingStartsOn} onClose={() => setReporting(null)}
          onSaved={(text) => { void message.success(text); setReporting(null); tasks.reload(); }} />
      ) : null}
    </>
  );
}
