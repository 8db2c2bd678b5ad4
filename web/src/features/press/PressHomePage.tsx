import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, List, Modal, Row, Space, Switch, Table, Tabs, Tag, TimePicker, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { toApiError } from '../../api';
import { useAuth, useCurrentUser } from '../../auth/AuthContext';
import { ErrorAlert, PageHeader, useApi } from '../../ui';
import {
  conferencesByMonth, conferencesPath, KIND_LABELS, pressApi, statisticsPath, STATUS_COLORS, STATUS_LABELS,
  type Conference, type Media, type Reminder, type UnitStatistics,
} from './pressApi';

function FormStatusTags({ c }: { c: Conference }) {
  if (!c.form) return <Tag>未填写</Tag>;
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[c.form.status]}>{STATUS_LABELS[c.form.status]}</Tag>
      {c.form.late ? <Tag color="red">逾期</Tag> : null}
    </Space>
  );
}

function NewFormModal({ conference, onClose, onCreated }: { conference: Conference; onClose: () => void; onCreated: (id: string) => void }) {
  const [form] = Form.useForm<{ date: dayjs.Dayjs; time?: dayjs.Dayjs }>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const [year, month] = conference.month.split('-').map(Number);
  const create = async ({ date, time }: { date: dayjs.Dayjs; time?: dayjs.Dayjs }) => {
    setSaving(true);
    try {
      const { id } = await pressApi.createForm(conference.id, { conferenceDate: date.format('YYYY-MM-DD'), startTime: time ? time.format('HH:mm') : null });
      onCreated(id);
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  };
  return (
    <Modal title={`填写审批单：${conference.topic}`} open onCancel={onClose} onOk={() => form.submit()} okText="建立审批单" confirmLoading={saving}>
      <Typography.Paragraph type="secondary">计划于{year}年{month}月召开。审批单须于发布会前第7个工作日报州政府新闻办备案。</Typography.Paragraph>
      <ErrorAlert error={error} title="建立失败" />
      <Form form={form} layout="vertical" onFinish={(v) => void create(v)} initialValues={{ date: dayjs(`${conference.month}-15`) }}>
        <Form.Item label="发布会日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="开始时间（北京时间）" name="time">
          <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AdHocModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const [form] = Form.useForm<{ date: dayjs.Dayjs; topic: string; requestText: string }>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const submit = async (v: { date: dayjs.Dayjs; topic: string; requestText: string }) => {
    setSaving(true);
    try {
      const { id } = await pressApi.requestAdHoc({ conferenceDate: v.date.format('YYYY-MM-DD'), topic: v.topic.trim(), requestText: v.requestText.trim() });
      onCreated(id);
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  };
  return (
    <Modal title="临时新闻发布会请示" open onCancel={onClose} onOk={() => form.submit()} okText="报送请示" confirmLoading={saving} width={640}>
      <Typography.Paragraph type="secondary">计划外、临时召开的新闻发布会，须以书面形式请示州政府新闻办，批复后方可召开（6号文 二（二））。</Typography.Paragraph>
      <ErrorAlert error={error} title="报送失败" />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item label="拟召开日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="发布主题" name="topic" rules={[{ required: true, whitespace: true, message: '请填写主题' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="请示内容" name="requestText" rules={[{ required: true, whitespace: true, message: '请填写请示内容' }]}>
          <Input.TextArea rows={6} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Reminders({ items }: { items: Reminder[] }) {
  if (items.length === 0) return null;
  const urgent = items.some((r) => r.kind === 'overdue' || r.kind === 'calendar');
  return (
    <Alert
      type={urgent ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      message={`备案提醒（${items.length}）`}
      description={
        <List
          size="small"
          dataSource={items}
          renderItem={(r) => (
            <List.Item style={{ padding: '4px 0' }}>
              <Space wrap>
                {r.formId ? <Link to={`/press/forms/${r.formId}`}>{r.topic}</Link> : <span>{r.topic}</span>}
                <Typography.Text type="secondary">{r.organizationName}</Typography.Text>
                <Typography.Text type={r.kind === 'overdue' ? 'danger' : undefined}>{r.message}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      }
    />
  );
}

function FeedCard() {
  const { message } = App.useApp();
  const info = useApi<{ exists: boolean; createdAt: string | null }>('/api/press/feed');
  const [url, setUrl] = useState<string | null>(null);
  const create = async () => {
    try {
      const { path } = await pressApi.createFeed();
      setUrl(`${window.location.origin}${path}`);
      info.reload();
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  };
  return (
    <Card size="small" title={<Space><CalendarOutlined />本单位日历订阅（ICS）</Space>} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        在 Outlook、手机日历等程序中订阅本单位的新闻发布会和备案截止日。订阅地址含本单位密钥，请勿外传；重新生成后旧地址立即失效。
      </Typography.Paragraph>
      {url ? <Typography.Paragraph copyable={{ text: url }} code style={{ wordBreak: 'break-all' }}>{url}</Typography.Paragraph> : null}
      <Button onClick={() => void create()}>{info.data?.exists ? '重新生成订阅地址' : '生成订阅地址'}</Button>
      {info.data?.exists && !url ? <Typography.Text type="secondary" style={{ marginLeft: 8 }}>已于 {dayjs(info.data.createdAt).format('YYYY-MM-DD')} 生成（地址只显示一次）</Typography.Text> : null}
    </Card>
  );
}

function CalendarView({ items }: { items: Conference[] }) {
  const byMonth = conferencesByMonth(items);
  return (
    <Row gutter={[12, 12]}>
      {[...byMonth.entries()].map(([month, list]) => (
        <Col key={month} xs={24} sm={12} lg={8} xl={6}>
          <Card size="small" title={`${month}月`} extra={<Typography.Text type="secondary">{list.length}场</Typography.Text>} styles={{ body: { minHeight: 90 } }}>
            {list.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : null}
            {list.map((c) => (
              <div key={c.id} style={{ marginBottom: 6 }}>
                <Typography.Text strong>{c.form ? dayjs(c.form.conferenceDate).format('M月D日') : '日期未定'}</Typography.Text>{' '}
                {c.form ? <Link to={`/press/forms/${c.form.id}`}>{c.topic}</Link> : c.topic}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.organizationName}</Typography.Text> <FormStatusTags c={c} />
                  {c.origin === 'adHoc' ? <Tag color="purple">临时</Tag> : null}
                </div>
              </div>
            ))}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function StatisticsTab({ year }: { year: number }) {
  const stats = useApi<{ items: UnitStatistics[] }>(statisticsPath(year));
  const columns: TableColumnsType<UnitStatistics> = [
    { title: '发布单位', dataIndex: 'unit' },
    { title: '计划场次', dataIndex: 'planned', width: 100 },
    { title: '已按计划召开', dataIndex: 'heldAsPlanned', width: 120 },
    { title: '其中当月召开', dataIndex: 'heldInPlannedMonth', width: 120 },
    { title: '逾期未开', dataIndex: 'overdue', width: 100, render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n) },
    { title: '待召开', dataIndex: 'upcoming', width: 90 },
    { title: '临时发布会', dataIndex: 'heldAdHoc', width: 100 },
  ];
  return (
    <>
      <ErrorAlert error={stats.error} onRetry={stats.reload} />
      <Table rowKey="unit" size="small" columns={columns} dataSource={stats.data?.items ?? []} loading={stats.loading} pagination={false} />
    </>
  );
}

function MediaTab() {
  const { message } = App.useApp();
  const media = useApi<{ items: Media[] }>('/api/press/media');
  const [form] = Form.useForm<{ name: string; contact?: string; phone?: string }>();
  const add = async (v: { name: string; contact?: string; phone?: string }) => {
    try {
      await pressApi.addMedia({ name: v.name.trim(), contact: v.contact?.trim() || null, phone: v.phone?.trim() || null });
      form.resetFields();
      media.reload();
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  };
  const toggle = async (m: Media) => {
    try {
      await pressApi.updateMedia(m.id, { active: !m.active });
      media.reload();
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  };
  return (
    <>
      <ErrorAlert error={media.error} onRetry={media.reload} />
      <Form form={form} layout="inline" onFinish={(v) => void add(v)} style={{ marginBottom: 12 }}>
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: '媒体名称' }]}><Input placeholder="媒体名称" /></Form.Item>
        <Form.Item name="contact"><Input placeholder="联系人" /></Form.Item>
        <Form.Item name="phone"><Input placeholder="电话" /></Form.Item>
        <Button htmlType="submit" icon={<PlusOutlined />}>添加媒体</Button>
      </Form>
      <Table<Media>
        rowKey="id"
        size="small"
        dataSource={media.data?.items ?? []}
        loading={media.loading}
        pagination={false}
        columns={[
          { title: '媒体', dataIndex: 'name' },
          { title: '联系人', dataIndex: 'contact', render: (v: string | null) => v ?? '—' },
          { title: '电话', dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
          { title: '通知', dataIndex: 'active', width: 100, render: (_, m) => <Switch size="small" checked={m.active} onChange={() => void toggle(m)} /> },
        ]}
      />
    </>
  );
}

/** 新闻发布: the year's plan with each conference's approval form, a calendar of the year, statistics, the media list. */
export default function PressHomePage() {
  const { can } = useAuth();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const plans = useApi<{ items: { year: number }[] }>('/api/press/plans');
  const [chosenYear, setYear] = useState<number | null>(() => Number(params.get('year')) || null);
  // Default: the latest imported plan's year, else this year.
  const year = chosenYear ?? plans.data?.items.at(-1)?.year ?? dayjs().year();
  const tab = params.get('tab') ?? 'plan';
  const conferences = useApi<{ items: Conference[] }>(chosenYear || plans.data || plans.error ? conferencesPath(year) : null);
  const reminders = useApi<{ items: Reminder[] }>('/api/press/reminders');
  const [creating, setCreating] = useState<Conference | null>(null);
  const [adHoc, setAdHoc] = useState(false);
  const files = can('press:file');
  const items = useMemo(() => conferences.data?.items ?? [], [conferences.data]);

  const columns: TableColumnsType<Conference> = [
    { title: '序号', dataIndex: 'seq', width: 64, render: (seq: number | null, c) => (c.origin === 'adHoc' ? <Tag color="purple">临时</Tag> : seq) },
    { title: '计划月份', dataIndex: 'month', width: 96, render: (m: string) => `${Number(m.slice(5))}月` },
    { title: '发布主题', dataIndex: 'topic', render: (topic: string, c) => (c.form ? <Link to={`/press/forms/${c.form.id}`}>{topic}</Link> : topic) },
    { title: '发布单位', dataIndex: 'unit', width: 180, render: (unit: string, c) => <Space direction="vertical" size={0}><span>{unit}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{KIND_LABELS[c.formKind]}审批单</Typography.Text></Space> },
    { title: '发布日期', key: 'date', width: 120, render: (_, c) => (c.form ? `${c.form.conferenceDate}${c.form.startTime ? ` ${c.form.startTime}` : ''}` : '—') },
    { title: '备案时限', key: 'deadline', width: 110, render: (_, c) => (c.form ? (c.form.deadline ?? <Typography.Text type="warning">日历缺失</Typography.Text>) : '—') },
    { title: '状态', key: 'status', width: 170, render: (_, c) => <FormStatusTags c={c} /> },
    {
      title: '操作', key: 'actions', width: 110,
      render: (_, c) =>
        c.form ? (
          <Link to={`/press/forms/${c.form.id}`}>查看</Link>
        ) : files && c.ownUnit && c.origin === 'planned' ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setCreating(c)}>填写审批单</Button>
        ) : null,
    },
  ];

  const tabs = [
    {
      key: 'plan', label: '发布计划与审批单',
      children: (
        <Table<Conference> rowKey="id" size="middle" columns={columns} dataSource={items} loading={conferences.loading} pagination={false}
          locale={{ emptyText: <Empty description={`尚未导入${year}年新闻发布计划`} /> }} />
      ),
    },
    { key: 'calendar', label: '年度日历', children: <CalendarView items={items} /> },
    { key: 'statistics', label: '计划与召开统计', children: <StatisticsTab year={year} /> },
    ...(can('press:manage') ? [{ key: 'media', label: '媒体名单', children: <MediaTab /> }] : []),
  ];

  return (
    <>
      <PageHeader
        title="新闻发布"
        description="依据伊州政办发〔2023〕6号：按年度计划召开新闻发布会，审批单经分管领导审定后，于发布会前第7个工作日报州政府新闻办备案。"
        extra={
          <Space>
            <InputNumber value={year} min={2000} max={2200} onChange={(v) => { if (v) { setYear(v); setParams({ tab, year: String(v) }); } }} addonAfter="年" style={{ width: 120 }} />
            {files && user.organization ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdHoc(true)}>临时发布会请示</Button> : null}
          </Space>
        }
      />
      <Reminders items={reminders.data?.items ?? []} />
      <ErrorAlert error={conferences.error} onRetry={conferences.reload} />
      {files && user.organization ? <FeedCard /> : null}
      <Tabs activeKey={tab} items={tabs} onChange={(key) => setParams({ tab: key, year: String(year) })} />
      {creating ? <NewFormModal conference={creating} onClose={() => setCreating(null)} onCreated={(id) => navigate(`/press/forms/${id}`)} /> : null}
      {adHoc ? <AdHocModal onClose={() => setAdHoc(false)} onCreated={(id) => navigate(`/press/forms/${id}`)} /> : null}
    </>
  );
}
