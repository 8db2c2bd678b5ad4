import { App, Button, DatePicker, Form, Input, Modal, Radio, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { toApiError, withQuery } from '../../api';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert, useApi } from '../../ui';
import { livelihoodApi, type Supervision } from './livelihoodApi';

function RecordModal({ task, onClose, onSaved }: { task: Supervision; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ visitOn?: dayjs.Dayjs; findings?: string; followUp?: string }>();
  const [error, setError] = useState<unknown>();
  const save = async (v: { visitOn?: dayjs.Dayjs; findings?: string; followUp?: string }) => {
    try {
      await livelihoodApi.recordSupervision(task.id, { visitOn: v.visitOn ? v.visitOn.format('YYYY-MM-DD') : null, findings: v.findings ?? null, followUp: v.followUp ?? null });
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Modal title={`现场督办：措施 ${task.projectNo}.${task.measureNo}`} open onCancel={onClose} onOk={() => form.submit()} okText="保存" width={640}>
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary">亮红灯原因：{task.reasons.join('；')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}
        initialValues={{ visitOn: task.visitOn ? dayjs(task.visitOn) : undefined, findings: task.findings ?? undefined, followUp: task.followUp ?? undefined }}>
        <Form.Item label="督办日期" name="visitOn"><DatePicker /></Form.Item>
        <Form.Item label="现场发现的问题" name="findings"><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        <Form.Item label="整改跟进措施" name="followUp"><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** 现场督办: tasks opened for red measures (by the lights job or 督查室), with findings and follow-up. */
export default function SupervisionsPage() {
  const { can } = useAuth();
  const { message } = App.useApp();
  const [status, setStatus] = useState<'open' | 'closed' | ''>('open');
  const list = useApi<{ items: Supervision[] }>(withQuery('/api/livelihood/supervisions', { status }));
  const [editing, setEditing] = useState<Supervision | null>(null);
  const supervise = can('livelihood:supervise');
  const close = async (task: Supervision) => {
    try {
      await livelihoodApi.closeSupervision(task.id);
      void message.success('已办结');
      list.reload();
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  };
  const refresh = async () => {
    try {
      const r = await livelihoodApi.refreshLights();
      void message.success(r.skipped ? `未执行：${r.skipped}` : `已计算 ${r.measures} 项措施，红灯 ${r.red} 项，新建督办 ${r.supervisionsOpened} 项`);
      list.reload();
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  };
  const columns: TableColumnsType<Supervision> = [
    { title: '措施', key: 'no', width: 70, render: (_, t) => <Link to={`/livelihood/measures/${t.measureId}`}>{t.projectNo}.{t.measureNo}</Link> },
    { title: '项目', dataIndex: 'projectTitle', ellipsis: true },
    { title: '生成', key: 'opened', width: 170, render: (_, t) => <Space direction="vertical" size={0}><span>{t.openedOn}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t.openedBy}</Typography.Text></Space> },
    { title: '红灯原因', dataIndex: 'reasons', render: (r: string[]) => <Typography.Text type="danger" style={{ fontSize: 12 }}>{r.join('；')}</Typography.Text> },
    { title: '现场督办', key: 'record', render: (_, t) => (t.visitOn ? <Space direction="vertical" size={0}><span>{t.visitOn}：{t.findings ?? ''}</span><Typography.Text type="secondary">跟进：{t.followUp ?? '—'}</Typography.Text></Space> : <Typography.Text type="secondary">未督办</Typography.Text>) },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: Supervision['status'], t) => (s === 'open' ? <Tag color="error">办理中</Tag> : <Tag color="success">已办结 {t.closedOn}</Tag>) },
    ...(supervise ? [{
      title: '操作', key: 'actions', width: 140,
      render: (_: unknown, t: Supervision) => (t.status === 'open' ? (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(t)}>登记</Button>
          <Button type="link" size="small" onClick={() => void close(t)}>办结</Button>
        </Space>
      ) : null),
    }] : []),
  ];
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Radio.Group value={status} onChange={(e) => setStatus(e.target.value as typeof status)} optionType="button"
          options={[{ value: 'open', label: '办理中' }, { value: 'closed', label: '已办结' }, { value: '', label: '全部' }]} />
        {supervise ? <Button onClick={() => void refresh()}>立即计算灯色并生成督办</Button> : null}
        <Typography.Text type="secondary">系统每6小时计算一次灯色，亮红灯的措施自动生成现场督办。</Typography.Text>
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<Supervision> rowKey="id" size="small" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} pagination={{ pageSize: 20 }} />
      {editing ? <RecordModal task={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); list.reload(); }} /> : null}
    </>
  );
}
