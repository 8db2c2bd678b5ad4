import { DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { toApiError } from '../../api';
import { ErrorAlert, formatYuan } from '../../ui';
import { awardsApi, GROUND_LABEL, yuanTextToFen, type ApplicationDetail, type Ground } from './awardsApi';

export type ActionKind = 'pass' | 'return' | 'approve' | 'decline' | 'disburse' | 'revoke' | 'recover';

const TITLES: Record<ActionKind, string> = {
  pass: '审核通过',
  return: '退回修改',
  approve: '批准',
  decline: '不予批准',
  disburse: '登记拨付',
  revoke: '撤销奖励',
  recover: '登记追回',
};

interface Values {
  comment?: string;
  paidOn?: Dayjs;
  voucher?: string;
  ground?: Ground;
  reason?: string;
  amount?: string;
  recoveredOn?: Dayjs;
  note?: string;
}

const day = (d: Dayjs | undefined) => (d ?? dayjs()).format('YYYY-MM-DD');

async function perform(kind: ActionKind, d: ApplicationDetail, v: Values): Promise<void> {
  const comment = v.comment?.trim() || null;
  if (kind === 'pass' || kind === 'return') await awardsApi.review(d.id, kind, comment);
  else if (kind === 'approve') await awardsApi.approve(d.id, comment);
  else if (kind === 'decline') await awardsApi.decline(d.id, comment ?? '');
  else if (kind === 'disburse') await awardsApi.disburse(d.id, day(v.paidOn), v.voucher ?? '');
  else if (kind === 'revoke') await awardsApi.revoke(d.id, v.ground ?? 'fraud', v.reason ?? '');
  else {
    const fen = yuanTextToFen(v.amount ?? '');
    if (fen === null) throw new Error('追回金额应为大于0、最多两位小数的元数');
    await awardsApi.recover(d.id, fen, day(v.recoveredOn), v.note?.trim() || null);
  }
}

/** One decision on an application, with what it needs (comment, voucher, ground …). */
export function ActionModal({ kind, detail, onClose, onDone }: { kind: ActionKind | null; detail: ApplicationDetail; onClose: () => void; onDone: (text: string) => void }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!kind) return null;

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await perform(kind, detail, values);
      onDone(`已${TITLES[kind]}`);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const commentRequired = kind === 'return' || kind === 'decline';
  return (
    <Modal open title={`${TITLES[kind]}：第${detail.ref}号`} okText={TITLES[kind]} onOk={submit} confirmLoading={busy} onCancel={onClose} destroyOnHidden okButtonProps={{ danger: kind === 'revoke' || kind === 'decline' }}>
      <ErrorAlert error={error} />
      <Form<Values> form={form} layout="vertical" initialValues={{ paidOn: dayjs(), recoveredOn: dayjs(), ground: 'fraud' }}>
        {kind === 'pass' || kind === 'return' || kind === 'approve' || kind === 'decline' ? (
          <Form.Item name="comment" label={kind === 'return' ? '退回原因' : kind === 'decline' ? '不予批准的理由' : '意见'} rules={commentRequired ? [{ required: true, whitespace: true, message: '请填写' }] : []}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : null}
        {kind === 'disburse' ? (
          <>
            <Typography.Paragraph>
              拨付州财政承担部分 {formatYuan(detail.computation.prefectureFen)}；县（市）追踪奖 {formatYuan(detail.computation.countyFen)} 由各县（市）财政承担（第十七条）。
            </Typography.Paragraph>
            <Form.Item name="paidOn" label="拨付日期" rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="voucher" label="凭证号" rules={[{ required: true, whitespace: true, message: '请填写凭证号' }]}>
              <Input maxLength={100} />
            </Form.Item>
          </>
        ) : null}
        {kind === 'revoke' ? (
          <>
            <Form.Item name="ground" label="撤销情形" rules={[{ required: true }]}>
              <Select options={Object.entries(GROUND_LABEL).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="reason" label="事实与理由" rules={[{ required: true, whitespace: true, message: '请填写' }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            {detail.status === 'disbursed' ? <Typography.Text type="warning">奖励已拨付：撤销后应追回 {formatYuan(detail.disbursedFen ?? 0)}。</Typography.Text> : null}
          </>
        ) : null}
        {kind === 'recover' ? (
          <>
            <Typography.Paragraph>尚未追回：{formatYuan(detail.recoveryDueFen - detail.recoveredFen)}</Typography.Paragraph>
            <Form.Item name="amount" label="追回金额（元）" rules={[{ required: true, validator: (_, v: string | undefined) => (yuanTextToFen(v ?? '') === null ? Promise.reject(new Error('应为大于0、最多两位小数的元数')) : Promise.resolve()) }]}>
              <Input />
            </Form.Item>
            <Form.Item name="recoveredOn" label="追回日期" rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="note" label="备注">
              <Input maxLength={500} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
