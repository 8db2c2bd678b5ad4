import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Select, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { toApiError, withQuery } from '../../api';
import { downloadFile, ErrorAlert, useApi } from '../../ui';
import { periodLabel, quarterlyPath, REPORT_STATE_COLORS, REPORT_STATE_LABELS, type ProjectsResponse, type ReportingResponse } from './livelihoodApi';

type Item = ReportingResponse['items'][number];

/** 督查室: a month's reports (due, on time, late, missing, not yet due) and the quarterly reports per project. */
export default function ReportingPage() {
  const { message } = App.useApp();
  const projects = useApi<ProjectsResponse>('/api/livelihood/projects');
  const [chosen, setPeriod] = useState<string | null>(null);
  // Default: the month before the server's today (the month whose reports are being collected).
  const serverToday = projects.data?.today ?? null;
  const period = chosen ?? (serverToday ? dayjs(serverToday).subtract(1, 'month').format('YYYY-MM') : null);
  const status = useApi<ReportingResponse>(period ? withQuery('/api/livelihood/reporting', { period }) : null);
  const [project, setProject] = useState(1);
  const [chosenQuarter, setQuarter] = useState<number | null>(null);
  const quarter = chosenQuarter ?? (period ? Math.floor((Number(period.slice(5)) - 1) / 3) + 1 : 1);
  const year = period ? Number(period.slice(0, 4)) : (projects.data?.plan.year ?? dayjs().year());
  const download = async (format: 'xlsx' | 'docx') => {
    try {
      await downloadFile(quarterlyPath(format, year, quarter, project));
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  };
  const counts = status.data?.counts;
  const columns: TableColumnsType<Item> = [
    { title: '措施', key: 'no', width: 70, render: (_, i) => <Link to={`/livelihood/measures/${i.measureId}`}>{i.projectNo}.{i.measureNo}</Link> },
    { title: '项目', dataIndex: 'projectTitle', ellipsis: true },
    { title: '单位', dataIndex: 'unit', width: 220 },
    {
      title: '状态', dataIndex: 'state', width: 110,
      filters: (Object.keys(REPORT_STATE_LABELS) as (keyof typeof REPORT_STATE_LABELS)[]).map((s) => ({ text: REPORT_STATE_LABELS[s], value: s })),
      onFilter: (v, i) => i.state === v,
      render: (s: Item['state']) => <Tag color={REPORT_STATE_COLORS[s]}>{REPORT_STATE_LABELS[s]}</Tag>,
    },
    { title: '报送日期', dataIndex: 'submittedOn', width: 120, render: (d: string | null) => d ?? '—' },
    { title: '进度', dataIndex: 'progressPercent', width: 80, render: (p: number | null) => (p === null ? '—' : `${p}%`) },
  ];
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }} title="季度报告（报督查室）">
        <Space wrap>
          <Select value={project} onChange={setProject} style={{ width: 320 }} options={(projects.data?.projects ?? []).map((p) => ({ value: p.no, label: `${p.no}. ${p.title}` }))} />
          <Select value={quarter} onChange={setQuarter} style={{ width: 120 }} options={[1, 2, 3, 4].map((q) => ({ value: q, label: `${year}年第${q}季度` }))} />
          <Button icon={<FileExcelOutlined />} onClick={() => void download('xlsx')}>导出 Excel</Button>
          <Button icon={<FileWordOutlined />} onClick={() => void download('docx')}>导出 Word</Button>
        </Space>
      </Card>
      <Flex gap={16} wrap align="center" style={{ marginBottom: 12 }}>
        <Space>
          <Typography.Text>月份：</Typography.Text>
          <DatePicker picker="month" value={period ? dayjs(`${period}-01`) : null} allowClear={false} onChange={(d) => d && setPeriod(d.format('YYYY-MM'))} />
        </Space>
        {status.data?.dueOn && period ? <Typography.Text type="secondary">{periodLabel(period)}报告应于 {status.data.dueOn} 前报送</Typography.Text> : null}
      </Flex>
      <ErrorAlert error={status.error} onRetry={status.reload} />
      {counts ? (
        <Space size={32} style={{ marginBottom: 12 }} data-testid="reporting-counts">
          <Statistic title="应报" value={counts.due} />
          <Statistic title="按时" value={counts.onTime} valueStyle={{ color: '#52c41a' }} />
          <Statistic title="逾期" value={counts.late} valueStyle={{ color: '#faad14' }} />
          <Statistic title="未报" value={counts.missing} valueStyle={{ color: '#f5222d' }} />
          <Statistic title="未到期" value={counts.pending} />
        </Space>
      ) : null}
      <Table<Item> rowKey={(i) => `${i.measureId}-${i.unit}`} size="small" columns={columns} dataSource={status.data?.items ?? []} loading={status.loading} pagination={{ pageSize: 20 }} />
    </>
  );
}
