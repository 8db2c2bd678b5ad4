import { DeleteOutlined, DownloadOutlined, FileWordOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert, App, Button, Card, Checkbox, Col, DatePicker, Descriptions, Form, Input, List, Modal, Row, Select, Space, Steps, Tag, TimePicker, Typography, Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { toApiError } from '../../api';
import { useAuth } from '../../auth/AuthContext';
import { downloadFile, ErrorAlert, PageHeader, PageLoading, useApi } from '../../ui';
import {
  ACTION_LABELS, ATTACHMENT_LABELS, KIND_LABELS, missingForSubmit, pressApi, STATUS_COLORS, STATUS_LABELS,
  type AttachmentKind, type FormAction, type FormDetail, type Media,
} from './pressApi';

const FLOW: FormDetail['status'][] = ['draft', 'submitted', 'leaderApproved', 'sent', 'filed', 'held'];

interface EditValues {
  date: dayjs.Dayjs;
  time: [dayjs.Dayjs, dayjs.Dayjs | null] | null;
  venue: string;
  host?: string;
  attendingLeaders?: string;
  topic: string;
  printedCopiesConfirmed: boolean;
}

function EditForm({ form, onSaved }: { form: FormDetail; onSaved: () => void }) {
  const [antForm] = Form.useForm<EditValues>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const save = async (v: EditValues) => {
    setSaving(true);
    setError(undefined);
    try {
      await pressApi.updateForm(form.id, {
        conferenceDate: v.date.format('YYYY-MM-DD'),
        startTime: v.time?.[0] ? v.time[0].format('HH:mm') : null,
        endTime: v.time?.[1] ? v.time[1].format('HH:mm') : null,
        venue: v.venue,
        host: v.host ?? null,
        attendingLeaders: v.attendingLeaders ?? null,
        topic: v.topic,
        printedCopiesConfirmed: v.printedCopiesConfirmed,
      });
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  const time = (t: string | null) => (t ? dayjs(`2000-01-01T${t}`) : null);
  return (
    <Card title="审批单内容" size="small" style={{ marginBottom: 16 }}>
      <ErrorAlert error={error} title="保存失败" />
      <Form<EditValues>
        form={antForm}
        layout="vertical"
        onFinish={(v) => void save(v)}
        disabled={saving}
        initialValues={{
          date: dayjs(form.conferenceDate),
          time: form.startTime ? [time(form.startTime), time(form.endTime)] : null,
          venue: form.venue,
          host: form.host ?? undefined,
          attendingLeaders: form.attendingLeaders ?? undefined,
          topic: form.topic,
          printedCopiesConfirmed: form.printedCopiesConfirmed,
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}><Form.Item label="发布日期" name="date" rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={24} md={8}><Form.Item label="发布时间（北京时间）" name="time"><TimePicker.RangePicker format="HH:mm" minuteStep={5} allowEmpty={[false, true]} style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={24} md={8}><Form.Item label="发布地点" name="venue"><Input maxLength={100} /></Form.Item></Col>
          <Col xs={24}><Form.Item label="发布主题" name="topic" rules={[{ required: true, whitespace: true }]}><Input maxLength={200} /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item label="主持人" name="host"><Input maxLength={100} placeholder="姓名及职务" /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item label="出席领导" name="attendingLeaders"><Input maxLength={500} placeholder="姓名及职务，多人以顿号分隔" /></Form.Item></Col>
          <Col xs={24}>
            <Form.Item name="printedCopiesConfirmed" valuePropName="checked">
              <Checkbox>已准备书面材料（新闻发布稿、答记者问）{form.printedCopies}份</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={saving}>保存</Button>
      </Form>
    </Card>
  );
}

function Attachments({ form, onChanged }: { form: FormDetail; onChanged: () => void }) {
  const { message } = App.useApp();
  const kinds: AttachmentKind[] = form.conference.origin === 'adHoc' ? ['request', 'release', 'qa'] : ['release', 'qa'];
  const upload = (kind: AttachmentKind) => async (file: File) => {
    try {
      const { fileName } = await pressApi.upload(form.id, kind, file);
      void message.success(`已上传：${fileName}`);
      onChanged();
    } catch (e) {
      void message.error(toApiError(e).message);
    }
    return false;
  };
  const remove = async (id: string) => {
    try {
      await pressApi.removeAttachment(id);
      onChanged();
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  };
  return (
    <Card title="材料" size="small" style={{ marginBottom: 16 }}>
      {kinds.map((kind) => {
        const files = form.attachments.filter((a) => a.kind === kind);
        return (
          <div key={kind} style={{ marginBottom: 12 }}>
            <Space wrap>
              <Typography.Text strong>{ATTACHMENT_LABELS[kind]}</Typography.Text>
              {form.editable && (kind !== 'request' || form.status === 'requested') ? (
                <Upload beforeUpload={upload(kind)} showUploadList={false} accept={kind === 'request' ? '.pdf,.doc,.docx,.jpg,.jpeg,.png' : '.pdf,.doc,.docx'}>
                  <Button size="small" icon={<UploadOutlined />} data-testid={`upload-${kind}`}>上传</Button>
                </Upload>
              ) : null}
              {files.length === 0 ? <Typography.Text type="secondary">未上传</Typography.Text> : null}
            </Space>
            <List
              size="small"
              dataSource={files}
              renderItem={(a) => (
                <List.Item
                  actions={[
                    <Button key="d" type="link" size="small" icon={<DownloadOutlined />} onClick={() => void downloadFile(`/api/press/attachments/${a.id}`, a.fileName)}>下载</Button>,
                    ...(form.editable ? [<Button key="r" type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => void remove(a.id)}>删除</Button>] : []),
                  ]}
                >
                  <Space direction="vertical" size={0}>
                    <span>{a.fileName}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>上传文件：{a.originalName}，{Math.ceil(a.size / 1024)} KB</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </div>
        );
      })}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>只接受 PDF、Word 文件（书面请示另可为扫描图片），单个不超过 10MB；按文件内容识别类型，保存时由系统命名。</Typography.Text>
    </Card>
  );
}

function ActionBar({ form, onDone }: { form: FormDetail; onDone: () => void }) {
  const { message, modal } = App.useApp();
  const [reasonFor, setReasonFor] = useState<FormAction | null>(null);
  const [reason, setReason] = useState('');
  const missing = missingForSubmit(form);
  const run = async (action: FormAction, body?: Record<string, unknown>) => {
    try {
      const result = await pressApi.act(form.id, action, body);
      void message.success(`${ACTION_LABELS[action]}：${STATUS_LABELS[result.status]}${result.late ? '（逾期）' : ''}`);
      setReasonFor(null);
      setReason('');
      onDone();
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  };
  const click = (action: FormAction) => {
    if (action === 'returnToDraft' || (action === 'file' && form.late) || action === 'approveRequest') {
      setReasonFor(action);
      return;
    }
    if (action === 'send' && form.late) {
      modal.confirm({ title: '已超过备案时限', content: `备案时限为 ${form.deadline}。逾期报送将被标记，须经州政府新闻办说明原因后受理。仍要报送吗？`, okText: '仍然报送', onOk: () => run('send') });
      return;
    }
    void run(action);
  };
  if (form.actions.length === 0) return null;
  const reasonTitle = reasonFor === 'returnToDraft' ? '退回原因' : reasonFor === 'file' ? '逾期备案受理原因' : '批复意见';
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        {form.actions.map((action) => (
          <Button
            key={action}
            type={action === 'returnToDraft' ? 'default' : 'primary'}
            danger={action === 'returnToDraft'}
            disabled={action === 'submit' && missing.length > 0}
            onClick={() => click(action)}
          >
            {ACTION_LABELS[action]}
          </Button>
        ))}
        {form.actions.includes('submit') && missing.length > 0 ? <Typography.Text type="warning">提交前请补全：{missing.join('、')}</Typography.Text> : null}
      </Space>
      <Modal
        title={reasonTitle}
        open={reasonFor !== null}
        onCancel={() => setReasonFor(null)}
        okText={reasonFor ? ACTION_LABELS[reasonFor] : '确定'}
        okButtonProps={{ disabled: reasonFor !== 'approveRequest' && !reason.trim() }}
        onOk={() => {
          if (reasonFor === 'returnToDraft') void run('returnToDraft', { reason: reason.trim() });
          else if (reasonFor === 'file') void run('file', { lateReason: reason.trim() });
          else if (reasonFor === 'approveRequest') void run('approveRequest', { reply: reason.trim() || null });
        }}
      >
        {reasonFor === 'file' ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`本审批单于 ${form.sentOn} 报送，已超过备案时限 ${form.deadline}。`} /> : null}
        <Input.TextArea rows={4} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} placeholder={reasonFor === 'approveRequest' ? '同意召开（可不填）' : '请填写'} />
      </Modal>
    </>
  );
}

function MediaNotice({ form, onDone }: { form: FormDetail; onDone: () => void }) {
  const { message } = App.useApp();
  const media = useApi<{ items: Media[] }>('/api/press/media');
  const [selected, setSelected] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const record = async () => {
    try {
      await pressApi.notify(form.id, selected, note.trim() || null);
      void message.success('已记录媒体通知');
      setSelected([]);
      setNote('');
      onDone();
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  };
  return (
    <Card title="通知媒体" size="small" style={{ marginBottom: 16 }}>
      <Space wrap>
        <Select mode="multiple" style={{ minWidth: 320 }} placeholder="从媒体名单选择" value={selected} onChange={setSelected}
          options={(media.data?.items ?? []).filter((m) => m.active).map((m) => ({ value: m.id, label: m.name }))} />
        <Input placeholder="备注（如通知方式）" value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 220 }} />
        <Button type="primary" disabled={selected.length === 0} onClick={() => void record()}>记录通知</Button>
      </Space>
    </Card>
  );
}

/** One approval form: its content, material, the next steps this user may take, and the record. */
export default function FormPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const detail = useApi<FormDetail>(`/api/press/forms/${id}`);
  const form = detail.data;
  if (!form) return detail.error ? <ErrorAlert error={detail.error} onRetry={detail.reload} /> : <PageLoading />;
  const step = form.status === 'filedLate' ? FLOW.indexOf('filed') : Math.max(0, FLOW.indexOf(form.status));
  return (
    <>
      <PageHeader
        title={form.topic}
        description={<Space wrap><Link to="/press">新闻发布</Link><span>/</span><span>{form.conference.organizationName}</span><Tag>{KIND_LABELS[form.kind]}审批单</Tag>{form.conference.origin === 'adHoc' ? <Tag color="purple">临时发布会</Tag> : <Tag>计划第{form.conference.seq}场</Tag>}</Space>}
        extra={
          <Space>
            <Link to={`/press/forms/${form.id}/print`}><Button icon={<PrinterOutlined />}>打印</Button></Link>
            <Button icon={<FileWordOutlined />} onClick={() => void downloadFile(`/api/press/forms/${form.id}/docx`)}>下载 Word</Button>
          </Space>
        }
      />
      <ErrorAlert error={detail.error} onRetry={detail.reload} />
      {form.calendarProblem ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="无法计算备案时限" description={form.calendarProblem} /> : null}
      {form.late ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message={form.sentOn ? `逾期报送：${form.sentOn} 报送，备案时限为 ${form.deadline}` : `已超过备案时限（${form.deadline}），尚未报送`}
          description={form.lateReason ? `新闻办受理原因：${form.lateReason}` : '逾期报送的审批单须经州政府新闻办说明原因后受理。'} />
      ) : null}
      {form.returnReason && form.status === 'draft' ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`分管领导退回：${form.returnReason}`} /> : null}
      {form.status !== 'requested' && form.status !== 'approvedByNewsOffice' ? (
        <Steps size="small" current={step} style={{ marginBottom: 16 }} items={FLOW.map((s) => ({ title: s === 'filed' && form.status === 'filedLate' ? '逾期备案' : STATUS_LABELS[s] }))} />
      ) : null}
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }} data-testid="form-summary">
        <Descriptions.Item label="状态"><Tag color={STATUS_COLORS[form.status]}>{STATUS_LABELS[form.status]}</Tag></Descriptions.Item>
        <Descriptions.Item label="备案时限">{form.deadline ?? '—'}（发布会前第7个工作日）</Descriptions.Item>
        <Descriptions.Item label="发布时间">{form.conferenceDate} {form.startTime ?? ''}{form.endTime ? `—${form.endTime}` : ''}</Descriptions.Item>
        <Descriptions.Item label="地点">{form.venue}</Descriptions.Item>
        <Descriptions.Item label="主持人">{form.host ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="出席领导">{form.attendingLeaders ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="分管领导审定">{form.leaderApprovedBy ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="报送 / 备案">{form.sentOn ?? '—'} / {form.filedOn ?? '—'}{form.filedBy ? `（${form.filedBy}）` : ''}</Descriptions.Item>
        {form.requestText ? <Descriptions.Item label="书面请示" span={2}><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{form.requestText}</Typography.Paragraph></Descriptions.Item> : null}
        {form.requestReply ? <Descriptions.Item label="新闻办批复" span={2}>{form.requestReply}</Descriptions.Item> : null}
      </Descriptions>
      <ActionBar form={form} onDone={detail.reload} />
      {form.editable ? <EditForm form={form} onSaved={detail.reload} /> : null}
      <Attachments form={form} onChanged={detail.reload} />
      {can('press:manage') && ['filed', 'filedLate', 'held'].includes(form.status) ? <MediaNotice form={form} onDone={detail.reload} /> : null}
      {form.notifications.length > 0 ? (
        <Card title="媒体通知记录" size="small">
          <List size="small" dataSource={form.notifications} renderItem={(n) => <List.Item>{n.notifiedOn}：{n.media.join('、')}{n.note ? `（${n.note}）` : ''}</List.Item>} />
        </Card>
      ) : null}
    </>
  );
}
