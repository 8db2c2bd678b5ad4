import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, Modal, Radio, Row, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, toApiError, type ApiError } from '../../api';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert, PageHeader, PageLoading, useApi } from '../../ui';
import {
  calendarApi, monthGrid, ORIGIN_LABELS, SOURCE_LABELS, STATUS_LABELS, WEEKDAY_LABELS, workdaysIn,
  type DayKind, type DaySource, type GridCell, type YearCalendar, type YearListItem,
} from './calendarApi';

const CELL_STYLE: Record<GridCell['kind'], { background: string; color: string }> = {
  holiday: { background: '#fff1f0', color: '#cf1322' },
  makeUpWorkday: { background: '#fff7e6', color: '#d46b08' },
  weekend: { background: '#fafafa', color: '#8c8c8c' },
  weekday: { background: '#fff', color: 'rgba(0,0,0,0.88)' },
};

function MonthCard({ year, month, calendar, onPick }: { year: number; month: number; calendar: YearCalendar | null; onPick?: (cell: GridCell) => void }) {
  const weeks = monthGrid(year, month, calendar);
  return (
    <Card size="small" title={`${month}月`} extra={calendar ? <Typography.Text type="secondary">{workdaysIn(weeks)}个工作日</Typography.Text> : null} data-testid={`month-${month}`}>
      <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: 12 }}>
        <thead>
          <tr>{WEEKDAY_LABELS.map((w) => <th key={w} style={{ fontWeight: 400, color: '#8c8c8c', padding: 2 }}>{w}</th>)}</tr>
        </thead>
        <tbody>
          {weeks.map((week, i) => (
            <tr key={i}>
              {week.map((cell, j) => {
                if (!cell) return <td key={j} />;
                const style = CELL_STYLE[cell.kind];
                const mark = cell.kind === 'holiday' ? '休' : cell.kind === 'makeUpWorkday' ? '班' : null;
                const body = (
                  <div
                    onClick={onPick ? () => onPick(cell) : undefined}
                    style={{ ...style, textAlign: 'center', borderRadius: 4, padding: '2px 0', cursor: onPick ? 'pointer' : 'default', border: cell.source === 'regional' ? '1px solid #cf1322' : '1px solid transparent' }}
                  >
                    <div>{cell.day}</div>
                    <div style={{ fontSize: 10, minHeight: 14 }}>{mark}</div>
                  </div>
                );
                return (
                  <td key={j} style={{ padding: 1 }}>
                    {cell.name ? <Tooltip title={`${cell.name}（${cell.source ? SOURCE_LABELS[cell.source] : ''}${cell.kind === 'holiday' ? '放假' : '调休上班'}）`}>{body}</Tooltip> : body}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

interface DayValues {
  kind: DayKind;
  name: string;
  source: DaySource;
}

function DayModal({ year, cell, onClose, onSaved }: { year: number; cell: GridCell; onClose: () => void; onSaved: (text: string) => void }) {
  const [form] = Form.useForm<DayValues>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const listed = cell.kind === 'holiday' || cell.kind === 'makeUpWorkday';
  const save = async (values: DayValues) => {
    setSaving(true);
    setError(undefined);
    try {
      await calendarApi.setDay(year, { date: cell.date, ...values, name: values.name.trim() });
      onSaved(`已登记 ${cell.date}`);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  const remove = async () => {
    setSaving(true);
    try {
      await calendarApi.removeDay(year, cell.date);
      onSaved(`已删除 ${cell.date} 的安排`);
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  };
  return (
    <Modal
      title={`${cell.date} 的安排`}
      open
      onCancel={onClose}
      footer={[
        listed ? <Button key="remove" danger onClick={() => void remove()} loading={saving}>删除安排（恢复为普通工作日/周末）</Button> : null,
        <Button key="cancel" onClick={onClose}>取消</Button>,
        <Button key="ok" type="primary" onClick={() => form.submit()} loading={saving}>保存</Button>,
      ]}
    >
      <ErrorAlert error={error} title="保存失败" />
      <Form<DayValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{ kind: cell.kind === 'makeUpWorkday' ? 'makeUpWorkday' : 'holiday', name: cell.name ?? '', source: cell.source ?? 'regional' }}
      >
        <Form.Item label="类型" name="kind">
          <Radio.Group options={[{ value: 'holiday', label: '放假' }, { value: 'makeUpWorkday', label: '调休上班（周末）' }]} />
        </Form.Item>
        <Form.Item label="节日" name="name" rules={[{ required: true, whitespace: true, message: '请填写节日名称，如 肉孜节' }]}>
          <Input placeholder="如：肉孜节、古尔邦节、春节" maxLength={30} />
        </Form.Item>
        <Form.Item label="依据" name="source">
          <Radio.Group options={[{ value: 'regional', label: '自治区安排' }, { value: 'national', label: '全国安排' }]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DeadlineCheck() {
  const [result, setResult] = useState<{ date: string; deadline: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const check = async (date: string) => {
    setError(null);
    setResult(null);
    try {
      setResult(await api.get<{ date: string; deadline: string }>(`/api/calendar/deadline?date=${date}`));
    } catch (e) {
      setError(toApiError(e));
    }
  };
  return (
    <Space wrap>
      <Typography.Text>新闻发布会备案时限：</Typography.Text>
      <DatePicker placeholder="发布会日期" onChange={(d) => (d ? void check(d.format('YYYY-MM-DD')) : setResult(null))} />
      {result ? <Typography.Text data-testid="deadline-result">最迟于 <b>{result.deadline}</b> 报州政府新闻办备案（前第7个工作日）</Typography.Text> : null}
      {error ? <Typography.Text type="danger">{error.message}</Typography.Text> : null}
    </Space>
  );
}

/** 工作日历: the Xinjiang working-day calendar of a year (national + regional days), kept by the system admin. */
export default function CalendarPage() {
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const manage = can('calendar:manage');
  const [params] = useSearchParams();
  const [year, setYear] = useState(() => Number(params.get('year')) || dayjs().year());
  const [picked, setPicked] = useState<GridCell | null>(null);
  const years = useApi<{ items: YearListItem[] }>('/api/calendar/years');
  const calendar = useApi<YearCalendar>(`/api/calendar/years/${year}`);
  const data = calendar.data?.year === year ? calendar.data : null;
  const missing = calendar.error?.code === 'CALENDAR_MISSING';
  const known = useMemo(() => (years.data?.items ?? []).map((y) => y.year), [years.data]);

  const saved = (text: string) => {
    void message.success(text);
    setPicked(null);
    calendar.reload();
    years.reload();
  };
  const addYear = async () => {
    try {
      await calendarApi.addYear(year);
      saved(`已添加${year}年（请补录自治区节假日后确认）`);
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  };
  const confirm = () =>
    modal.confirm({
      title: `确认${year}年工作日历完整？`,
      content: '确认后，备案时限、报送期限等将按本年日历计算。请先核对全国节假日及自治区肉孜节、古尔邦节安排。',
      okText: '确认完整',
      onOk: async () => {
        try {
          await calendarApi.confirm(year, null);
          saved(`${year}年工作日历已确认`);
        } catch (e) {
          void message.error(toApiError(e).message);
        }
      },
    });

  return (
    <>
      <PageHeader
        title="工作日历"
        description="新疆工作日历：国务院节假日安排加自治区肉孜节、古尔邦节安排。按工作日计算的期限（新闻发布会备案、月度报送）均以此为准。"
        extra={
          <Space>
            <Button icon={<LeftOutlined />} onClick={() => setYear(year - 1)} aria-label="上一年" />
            <Typography.Text strong style={{ fontSize: 16 }}>{year}年</Typography.Text>
            <Button icon={<RightOutlined />} onClick={() => setYear(year + 1)} aria-label="下一年" />
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <DeadlineCheck />
      </Card>
      {missing ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`没有${year}年的工作日历`}
          description={
            <>
              <div>{calendar.error?.message}</div>
              <div>该年的工作日计算将被拒绝，不会按周一至周五推算。</div>
              {known.length ? <div>已有年度：{known[0]}–{known[known.length - 1]}</div> : null}
            </>
          }
          action={manage ? <Button icon={<PlusOutlined />} onClick={() => void addYear()}>添加{year}年</Button> : undefined}
        />
      ) : (
        <ErrorAlert error={calendar.error} onRetry={calendar.reload} />
      )}
      {data?.status === 'national-only' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`${year}年工作日历不完整：尚缺自治区节假日（肉孜节、古尔邦节）`}
          description="请导入自治区当年节假日放假安排的通知，或由系统管理员点选日期补录后确认。确认前，该年的工作日计算将被拒绝。"
          action={manage ? <Button type="primary" onClick={confirm}>确认本年日历完整</Button> : undefined}
        />
      ) : null}
      {calendar.loading && !data ? <PageLoading /> : null}
      {data ? (
        <>
          <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
            <Tag color={data.status === 'complete' ? 'green' : 'orange'}>{STATUS_LABELS[data.status]}</Tag>
            <Tag>{ORIGIN_LABELS[data.origin]}{data.note ? `：${data.note}` : ''}</Tag>
            <Typography.Text type="secondary">
              放假 {data.holidays.length} 天（其中自治区 {data.holidays.filter((d) => d.source === 'regional').length} 天），调休上班 {data.makeUpWorkdays.length} 天
            </Typography.Text>
            <Space size={4} style={{ marginLeft: 'auto' }}>
              <Tag color="red">休 放假</Tag>
              <Tag color="orange">班 调休上班</Tag>
              <Tag style={{ borderColor: '#cf1322' }}>红框 自治区安排</Tag>
              {manage ? <Typography.Text type="secondary">点选日期可修改</Typography.Text> : null}
            </Space>
          </Flex>
          <Row gutter={[12, 12]}>
            {Array.from({ length: 12 }, (_, i) => (
              <Col key={i} xs={24} sm={12} lg={8} xl={6}>
                <MonthCard year={year} month={i + 1} calendar={data} onPick={manage ? setPicked : undefined} />
              </Col>
            ))}
          </Row>
        </>
      ) : null}
      {picked ? <DayModal year={year} cell={picked} onClose={() => setPicked(null)} onSaved={saved} /> : null}
    </>
  );
}
