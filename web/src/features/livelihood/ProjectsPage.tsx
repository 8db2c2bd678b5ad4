import { App, Card, Collapse, DatePicker, Empty, Flex, Progress, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { toApiError } from '../../api';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert, PageLoading, useApi } from '../../ui';
import { CalendarWarnings, LightTag, ReasonList } from './LightTag';
import { livelihoodApi, type MeasureSummary, type ProjectsResponse } from './livelihoodApi';

const columns: TableColumnsType<MeasureSummary> = [
  { title: '措施', dataIndex: 'no', width: 60, render: (no: number, m) => <Link to={`/livelihood/measures/${m.id}`}>{m.projectNo}.{no}</Link> },
  { title: '内容', dataIndex: 'text', ellipsis: true, render: (text: string, m) => <Link to={`/livelihood/measures/${m.id}`}>{text}</Link> },
  { title: '牵头单位', dataIndex: 'units', width: 200, render: (units: string[]) => units.join('、') },
  { title: '完成时限', dataIndex: 'deadline', width: 110, render: (d: string | null) => d ?? '全年持续推进' },
  {
    title: '进度', dataIndex: 'progressPercent', width: 150,
    render: (p: number, m) => (
      <>
        <Progress percent={p} size="small" />
        {m.elapsedPercent !== null ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>时间进度 {m.elapsedPercent}%</Typography.Text> : null}
      </>
    ),
  },
  { title: '状态', dataIndex: 'light', width: 260, render: (_, m) => <Space direction="vertical" size={2}><LightTag light={m.light} /><ReasonList reasons={m.reasons.slice(0, 2)} /></Space> },
];

export default function ProjectsPage() {
  const { can } = useAuth();
  const { message } = App.useApp();
  const projects = useApi<ProjectsResponse>('/api/livelihood/projects');
  const data = projects.data;
  if (!data) return projects.error ? <ErrorAlert error={projects.error} onRetry={projects.reload} /> : <PageLoading />;
  const setStart = async (date: string) => {
    try {
      await livelihoodApi.setReportingStart(data.plan.id, date);
      void message.success(`报送起始日已设为 ${date}`);
      projects.reload();
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  };
  if (data.projects.length === 0) return <Empty description="尚未导入民生实事方案" />;
  return (
    <>
      <CalendarWarnings warnings={data.calendarWarnings} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{data.plan.docNumber}，{data.projects.length}项民生实事、{data.projects.reduce((n, p) => n + p.measures.length, 0)}项工作措施；灯色按 {data.today} 计算。</Typography.Text>
        <Typography.Text type="secondary">月度报告自 {data.plan.reportingStartsOn} 起报送，次月第5个工作日前报送。</Typography.Text>
        {can('livelihood:manage') ? (
          <Space>
            <Typography.Text>报送起始日：</Typography.Text>
            <DatePicker value={dayjs(data.plan.reportingStartsOn)} allowClear={false} onChange={(d) => d && void setStart(d.format('YYYY-MM-DD'))} />
          </Space>
        ) : null}
      </Flex>
      <Collapse
        defaultActiveKey={data.projects.filter((p) => p.lights.red > 0).slice(0, 1).map((p) => p.id)}
        items={data.projects.map((p) => ({
          key: p.id,
          label: (
            <Flex justify="space-between" wrap gap={8}>
              <Typography.Text strong>{p.no}. {p.title}</Typography.Text>
              <Space size={4}>
                {p.lights.red ? <Tag color="error">红 {p.lights.red}</Tag> : null}
                {p.lights.yellow ? <Tag color="warning">黄 {p.lights.yellow}</Tag> : null}
                {p.lights.green ? <Tag color="success">绿 {p.lights.green}</Tag> : null}
              </Space>
            </Flex>
          ),
          children: (
            <>
              <Card size="small" style={{ marginBottom: 8 }}>
                <Typography.Paragraph style={{ margin: 0 }}><b>目标任务：</b>{p.targetText}</Typography.Paragraph>
              </Card>
              <Table<MeasureSummary> rowKey="id" size="small" columns={columns} dataSource={p.measures} pagination={false} />
            </>
          ),
        }))}
      />
    </>
  );
}
