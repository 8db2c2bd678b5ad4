import { FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { toApiError } from '../../api';
import { useAuth } from '../../auth/AuthContext';
import { downloadFile, ErrorAlert, formatDate, formatDateTime, formatYuan, PageHeader, PageLoading, useApi } from '../../ui';
import { awardsApi, NOTICE_STATE_LABEL, noticePath, PAYEE_ROLE_LABEL, STATUS_COLOR, STATUS_LABEL, type NoticeDetail } from './awardsApi';

type Objection = NoticeDetail['objections'][number];

function ObjectionModal({ notice, open, onClose, onDone }: { notice: NoticeDetail; open: boolean; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ applicationId: string; receivedOn: Dayjs; objector: string; content: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await awardsApi.recordObjection(notice.id, { applicationId: v.applicationId, receivedOn: v.receivedOn.format('YYYY-MM-DD'), objector: v.objector, content: v.content });
      onDone();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title="登记异议" okText="登记" onOk={save} confirmLoading={busy} onCancel={onClose} destroyOnHidden>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ receivedOn: dayjs() }}>
        <Form.Item name="applicationId" label="针对的申请" rules={[{ required: true, message: '请选择' }]}>
          <Select options={notice.items.filter((i) => i.status === 'in-notice').map((i) => ({ value: i.applicationId, label: `第${i.ref}号 ${i.summary}` }))} />
        </Form.Item>
        <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="objector" label="异议人" rules={[{ required: true, whitespace: true, message: '请填写' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="content" label="异议内容" rules={[{ required: true, whitespace: true, message: '请填写' }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function HandleModal({ objection, onClose, onDone }: { objection: Objection | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ outcome: 'dismissed' | 'upheld'; handling: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!objection) return null;
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await awardsApi.handleObjection(objection.id, v.outcome, v.handling);
      onDone();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="处理异议" okText="保存处理结果" onOk={save} confirmLoading={busy} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph>{objection.objector}：{objection.content}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ outcome: 'dismissed' }}>
        <Form.Item name="outcome" label="结论">
          <Radio.Group options={[{ value: 'dismissed', label: '异议不成立' }, { value: 'upheld', label: '异议成立（退回申请人修改）' }]} />
        </Form.Item>
        <Form.Item name="handling" label="核查与处理情况" rules={[{ required: true, whitespace: true, message: '请填写' }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One 公示: the period, the list, objections with their handling, and the report to the government. */
export default function NoticePage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notice = useApi<NoticeDetail>(noticePath(id));
  const [recording, setRecording] = useState(false);
  const [handling, setHandling] = useState<Objection | null>(null);
  const [reporting, setReporting] = useState(false);
  const n = notice.data;
  if (!n) return notice.error ? <ErrorAlert error={notice.error} /> : <PageLoading />;
  const reviewer = can('awards:review');
  const refOf = (applicationId: string) => n.items.find((i) => i.applicationId === applicationId)?.ref;

  const report = async () => {
    setReporting(true);
    try {
      const { reported } = await awardsApi.reportNotice(n.id);
      void message.success(`已将 ${reported} 项申请报州人民政府审批`);
      notice.reload();
    } catch (e) {
      void message.error(toApiError(e).message);
    } finally {
      setReporting(false);
    }
  };
  const done = (text: string) => () => {
    void message.success(text);
    setRecording(false);
    setHandling(null);
    notice.reload();
  };

  const rows = n.items.flatMap((item, i) => item.lines.map((l, j) => ({ key: `${item.applicationId}-${j}`, first: j === 0, span: item.lines.length, index: i + 1, item, line: l })));

  return (
    <>
      <PageHeader
        title={<Space>{n.title}<Tag color={NOTICE_STATE_LABEL[n.state].color} data-testid="notice-state">{NOTICE_STATE_LABEL[n.state].text}</Tag></Space>}
        description={`公示期：${formatDate(n.startsOn)} 至 ${formatDate(n.endsOn)}（${n.days}天，自发布次日起计算）`}
        extra={
          <>
            <Button icon={<PrinterOutlined />} onClick={() => navigate(`/awards/notices/${n.id}/print`)}>打印</Button>
            <Button icon={<FileWordOutlined />} onClick={() => downloadFile(`${noticePath(n.id)}/notice.docx`).catch((e: unknown) => void message.error(toApiError(e).message))}>下载 Word</Button>
            {reviewer && n.state === 'open' ? <Button onClick={() => setRecording(true)}>登记异议</Button> : null}
            {reviewer && n.state === 'ended' ? <Button type="primary" loading={reporting} onClick={report}>报州人民政府审批</Button> : null}
          </>
        }
      />
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="发布日期">{formatDate(n.publishedOn)}</Descriptions.Item>
          <Descriptions.Item label="发布人">{n.publishedByName}</Descriptions.Item>
          <Descriptions.Item label="拟奖励合计">{formatYuan(n.totalFen)}</Descriptions.Item>
          {n.reportedAt ? <Descriptions.Item label="上报时间">{formatDateTime(n.reportedAt)}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <Card size="small" title="公示名单" style={{ marginTop: 16 }}>
        <Table
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: '序号', key: 'index', width: 60, onCell: (r) => ({ rowSpan: r.first ? r.span : 0 }), render: (_, r) => r.index },
            {
              title: '成绩',
              key: 'summary',
              onCell: (r) => ({ rowSpan: r.first ? r.span : 0 }),
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/awards/${r.item.applicationId}`}>第{r.item.ref}号 {r.item.summary}</Link>
                  <Tag color={STATUS_COLOR[r.item.status]}>{STATUS_LABEL[r.item.status]}</Tag>
                </Space>
              ),
            },
            { title: '奖励对象', key: 'payee', render: (_, r) => r.line.payee },
            { title: '类别', key: 'role', render: (_, r) => PAYEE_ROLE_LABEL[r.line.role] },
            { title: '拟奖励金额（元）', key: 'amount', align: 'right', render: (_, r) => formatYuan(r.line.amountFen, { unit: false }) },
          ]}
        />
      </Card>
      <Card size="small" title="异议及处理" style={{ marginTop: 16 }}>
        <Table<Objection>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={n.objections}
          locale={{ emptyText: '公示期内未收到异议' }}
          columns={[
            { title: '收到日期', dataIndex: 'receivedOn', width: 110, render: (d: string) => formatDate(d) },
            { title: '申请', dataIndex: 'applicationId', width: 80, render: (a: string) => `第${refOf(a) ?? '?'}号` },
            { title: '异议人', dataIndex: 'objector', width: 100 },
            { title: '内容', dataIndex: 'content' },
            {
              title: '处理',
              key: 'handling',
              render: (_, o) =>
                o.outcome ? (
                  <>
                    <Tag color={o.outcome === 'upheld' ? 'red' : 'green'}>{o.outcome === 'upheld' ? '异议成立' : '异议不成立'}</Tag>
                    {o.handling}
                  </>
                ) : reviewer ? (
                  <Button size="small" onClick={() => setHandling(o)}>处理</Button>
                ) : (
                  <Tag color="orange">待处理</Tag>
                ),
            },
          ]}
        />
      </Card>
      <ObjectionModal notice={n} open={recording} onClose={() => setRecording(false)} onDone={done('已登记异议')} />
      <HandleModal objection={handling} onClose={() => setHandling(null)} onDone={done('已保存处理结果')} />
    </>
  );
}
