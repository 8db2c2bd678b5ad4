import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, List, Progress, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { toApiError } from '../../api';
import { useAuth, useCurrentUser } from '../../auth/AuthContext';
import { downloadFile, ErrorAlert, formatYuan, PageLoading, useApi } from '../../ui';
import { CalendarWarnings, LightTag, ReasonList } from './LightTag';
import { ReportModal, type ReportTarget } from './ReportModal';
import { livelihoodApi, periodLabel, type MeasureDetail, type ProjectsResponse } from './livelihoodApi';

/** One 工作措施: its responsibility, milestones, fundings, light with reasons, reports and supervision. */
export default function MeasurePage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const detail = useApi<MeasureDetail>(`/api/livelihood/measures/${id}`);
  const plan = useApi<ProjectsResponse>('/api/livelihood/projects');
  const [reporting, setReporting] = useState<ReportTarget | null>(null);
  const m = detail.data;
  if (!m) return detail.error ? <ErrorAlert error={detail.error} onRetry={detail.reload} /> : <PageLoading />;
  const ownUnit = user.organization !== null && m.organizationIds.includes(user.organization.id) && can('livelihood:report');
  const targetName = new Map(m.targets.map((t) => [t.id, t]));
  const openSupervision = async () => {
    try {
      await livelihoodApi.openSupervision(m.id);
      void message.success('已生成现场督办');
      detail.reload();
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  };
  const today = plan.data?.today ?? '';
  return (
    <>
      <CalendarWarnings warnings={m.calendarWarnings} />
      <Space style={{ marginBottom: 12 }} wrap>
        <Link to="/livelihood">民生实事</Link><span>/</span><span>{m.projectNo}. {m.projectTitle}</span><span>/</span><b>措施 {m.no}</b>
        <LightTag light={m.light} />
        {ownUnit && plan.data ? (
          <Button type="primary" size="small" onClick={() => setReporting({ measureId: m.id, title: `${m.projectNo}.${m.no} ${m.projectTitle}`, milestones: m.milestones, targets: m.targets, defaultPeriod: today.slice(0, 7), progressPercent: m.progressPercent })}>
            报送进展
          </Button>
        ) : null}
        {can('livelihood:supervise') && m.light === 'red' && !m.supervisions.some((s) => s.status === 'open') ? <Button size="small" danger onClick={() => void openSupervision()}>生成现场督办</Button> : null}
      </Space>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Paragraph>{m.text}</Typography.Paragraph>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="牵头单位">{m.units.join('、')}</Descriptions.Item>
          <Descriptions.Item label="完成时限">{m.deadlineText ?? '全年持续推进'}</Descriptions.Item>
          <Descriptions.Item label="牵头领导">{m.leadLeader ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="责任领导">{m.responsibleLeader ?? '—'}</Descriptions.Item>
          {m.fundings.length ? <Descriptions.Item label="资金" span={2}>{m.fundings.map((f) => `${f.text}（${formatYuan(f.fen)}${f.per ? `/${f.per}` : ''}）`).join('；')}</Descriptions.Item> : null}
        </Descriptions>
        <Space align="start" size={32} wrap>
          <div style={{ width: 280 }}>
            <Typography.Text type="secondary">完成进度{m.elapsedPercent !== null ? `（时间进度 ${m.elapsedPercent}%）` : ''}</Typography.Text>
            <Progress percent={m.progressPercent} />
          </div>
          <div><Typography.Text type="secondary">灯色依据</Typography.Text><div><ReasonList reasons={m.reasons} /></div></div>
        </Space>
      </Card>
      {m.milestones.length ? (
        <Card size="small" title="时间节点" style={{ marginBottom: 12 }}>
          <Timeline items={m.milestones.map((ms) => {
            const done = m.reports.some((r) => r.milestonesDone.includes(ms.text));
            return { color: done ? 'green' : today > ms.date ? 'red' : 'blue', children: `${ms.date}　${ms.text}${done ? '（已完成）' : ''}` };
          })} />
        </Card>
      ) : null}
      <Card size="small" title={`进展报告（${m.reports.length}）`} style={{ marginBottom: 12 }}>
        {m.reports.length === 0 ? <Empty description="尚无进展报告" /> : (
          <List
            dataSource={m.reports}
            renderItem={(r) => (
              <List.Item>
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Space wrap>
                    <b>{periodLabel(r.period)}</b><span>{r.unit}</span><Tag>{r.progressPercent}%</Tag>
                    <Typography.Text type="secondary">{r.submittedOn} 报送{r.revision > 1 ? `，更正${r.revision - 1}次` : ''}{r.submittedBy ? `（${r.submittedBy}）` : ''}</Typography.Text>
                  </Space>
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{r.narrative}</Typography.Paragraph>
                  {r.indicators.length ? <Typography.Text type="secondary">指标：{r.indicators.map((i) => `${targetName.get(i.targetId)?.text ?? ''}目标已完成${i.value}${targetName.get(i.targetId)?.unit ?? ''}`).join('；')}</Typography.Text> : null}
                  {r.milestonesDone.length ? <Typography.Text type="secondary">完成节点：{r.milestonesDone.join('；')}</Typography.Text> : null}
                  {r.attachments.map((a) => <Button key={a.id} size="small" type="link" icon={<DownloadOutlined />} onClick={() => void downloadFile(`/api/livelihood/attachments/${a.id}`, a.fileName)}>{a.fileName}</Button>)}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      {m.supervisions.length ? (
        <Card size="small" title="现场督办">
          <Table rowKey="id" size="small" pagination={false} dataSource={m.supervisions} columns={[
            { title: '生成', dataIndex: 'openedOn', width: 110 },
            { title: '原因', dataIndex: 'reasons', render: (r: string[]) => r.join('；') },
            { title: '督办发现', dataIndex: 'findings', render: (f: string | null) => f ?? '—' },
            { title: '跟进', dataIndex: 'followUp', render: (f: string | null) => f ?? '—' },
            { title: '状态', dataIndex: 'status', width: 90, render: (s: string) => (s === 'open' ? <Tag color="error">办理中</Tag> : <Tag color="success">已办结</Tag>) },
          ]} />
        </Card>
      ) : null}
      {reporting && plan.data ? (
        <ReportModal task={reporting} today={today} planYear={plan.data.plan.year} startsOn={plan.data.plan.reportingStartsOn} onClose={() => setReporting(null)}
          onSaved={(text) => { void message.success(text); setReporting(null); detail.reload(); }} />
      ) : null}
    </>
  );
}
