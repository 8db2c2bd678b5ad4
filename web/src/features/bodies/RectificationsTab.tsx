import { App, Button, Card, DatePicker, Empty, Form, Input, List, Modal, Select, Space, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { toApiError } from '../../api';
import { useAuth, useCurrentUser } from '../../auth/AuthContext';
import { ErrorAlert, formatDateTime, useApi } from '../../ui';
import { bodiesApi, RECTIFICATION_ACTIONS, RECTIFICATION_STATUS, type BodyDetail, type Rectification } from './bodiesApi';

type Step = { item: Rectification; action: 'submit-plan' | 'submit-report' | 'close' | 'reopen' };

const STEP_TITLES: Record<Step['action'], string> = {
  'submit-plan': '报送整改方案',
  'submit-report': '报送整改报告',
  close: '销号',
  reopen: '退回重新整改',
};

/** 整改事项: raised by a higher authority, assigned to a member unit, tracked to closure (销号). */
export function RectificationsTab({ body }: { body: BodyDetail }) {
  const { can } = useAuth();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const list = useApi<{ items: Rectification[] }>(`/api/bodies/${body.id}/rectifications`);
  const [creating, setCreating] = useState(false);
  const [step, setStep] = useState<Step | null>(null);
  const manage = can('bodies:manage');
  const ownUnit = (r: Rectification) => can('bodies:report') && (manage || user.organization?.id === r.organizationId);
  const units = [...new Map(body.liaisons.filter((l) => l.organizationId).map((l) => [l.organizationId ?? '', l.unit])).entries()].map(([value, label]) => ({ value, label }));

  const actions = (r: Rectification) => {
    const out: Step['action'][] = [];
    if (ownUnit(r) && (r.status === 'open' || r.status === 'plan-submitted')) out.push('submit-plan');
    if (ownUnit(r) && (r.status === 'plan-submitted' || r.status === 'report-submitted')) out.push('submit-report');
    if (manage && r.status === 'report-submitted') out.push('close');
    if (manage && (r.status === 'report-submitted' || r.status === 'closed')) out.push('reopen');
    return out;
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {manage ? (
          <Button type="primary" onClick={() => setCreating(true)}>
            登记整改事项
          </Button>
        ) : null}
        <Typography.Text type="secondary">上级部门在督导中发现的问题，由责任单位报送整改方案和整改报告，办公室审核销号。</Typography.Text>
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <List
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无整改事项" /> }}
        renderItem={(r) => (
          <Card size="small" style={{ marginBottom: 12 }} title={r.title} extra={
            <Space size={4}>
              <Tag color={RECTIFICATION_STATUS[r.status].color}>{RECTIFICATION_STATUS[r.status].text}</Tag>
              {r.overdue ? <Tag color="red">逾期</Tag> : null}
            </Space>
          }>
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              责任单位：{r.organization}；提出：{r.raisedBy}（{r.raisedOn}）；整改期限：{r.dueOn ?? '未定'}
              {r.closedOn ? `；销号：${r.closedOn}` : ''}
            </Typography.Paragraph>
            <Timeline
              items={r.history.map((h) => ({
                children: (
                  <>
                    <Typography.Text strong>{RECTIFICATION_ACTIONS[h.action] ?? h.action}</Typography.Text> {h.by} {formatDateTime(h.at)}
                    {h.note ? <div>{h.note}</div> : null}
                  </>
                ),
              }))}
            />
            <Space>
              {actions(r).map((a) => (
                <Button key={a} size="small" danger={a === 'reopen'} type={a === 'close' ? 'primary' : 'default'} onClick={() => setStep({ item: r, action: a })}>
                  {STEP_TITLES[a]}
                </Button>
              ))}
            </Space>
          </Card>
        )}
      />
      {creating ? (
        <CreateModal
          bodyId={body.id}
          units={units}
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            void message.success('已登记整改事项');
            list.reload();
          }}
        />
      ) : null}
      {step ? (
        <StepModal
          step={step}
          onClose={() => setStep(null)}
          onDone={(status) => {
            setStep(null);
            void message.success(`已${STEP_TITLES[step.action]}（${RECTIFICATION_STATUS[status as Rectification['status']]?.text ?? status}）`);
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}

interface CreateValues {
  organizationId: string;
  title: string;
  raisedBy: string;
  raisedOn: Dayjs;
  dueOn?: Dayjs;
}

function CreateModal({ bodyId, units, onClose, onDone }: { bodyId: string; units: { value: string; label: string }[]; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<CreateValues>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const finish = async (v: CreateValues) => {
    setBusy(true);
    try {
      await bodiesApi.createRectification(bodyId, {
        organizationId: v.organizationId, title: v.title.trim(), raisedBy: v.raisedBy.trim(), raisedOn: v.raisedOn.format('YYYY-MM-DD'), dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null,
      });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="登记整改事项" open onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okText="登记">
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(v) => void finish(v)}>
        <Form.Item name="title" label="问题" rules={[{ required: true, whitespace: true, message: '请填写发现的问题' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="organizationId" label="责任单位" rules={[{ required: true, message: '请选择责任单位' }]}>
          <Select showSearch optionFilterProp="label" options={units} />
        </Form.Item>
        <Form.Item name="raisedBy" label="提出部门" initialValue="自治区人民政府教育督导委员会" rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Space>
          <Form.Item name="raisedOn" label="提出日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="dueOn" label="整改期限">
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function StepModal({ step, onClose, onDone }: { step: Step; onClose: () => void; onDone: (status: string) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const ok = async () => {
    setBusy(true);
    try {
      const { action, item } = step;
      const r =
        action === 'submit-plan' || action === 'submit-report'
          ? await bodiesApi.progressRectification(item.id, action, text)
          : await bodiesApi.reviewRectification(item.id, action, text);
      onDone(r.status);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const placeholder = { 'submit-plan': '整改方案', 'submit-report': '整改报告（整改情况、成效）', close: '销号意见（可不填）', reopen: '退回原因' }[step.action];
  return (
    <Modal title={`${STEP_TITLES[step.action]}：${step.item.title}`} open onCancel={onClose} onOk={() => void ok()} confirmLoading={busy}>
      <ErrorAlert error={error} />
      <Input.TextArea rows={5} placeholder={placeholder} value={text} onChange={(e) => setText(e.target.value)} />
    </Modal>
  );
}
