import { DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorAlert } from '../../ui';
import { directoryApi, type AppointmentResult } from './directoryApi';

interface Values {
  name: string;
  position: string;
  effectiveOn: Dayjs;
  note?: string;
}

/**
 * 登记任职: a new holder of a post from a day. In bodies with automatic succession (自动递补) the
 * seat of the person replaced passes to the new holder from that day.
 */
export function AppointmentModal({
  replaces,
  position,
  onClose,
  onDone,
}: {
  replaces?: { personId: string; name: string } | null;
  position?: string;
  onClose: () => void;
  onDone: (result: AppointmentResult) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const finish = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      onDone(
        await directoryApi.appoint({
          name: v.name.trim(), position: v.position.trim(), effectiveOn: v.effectiveOn.format('YYYY-MM-DD'),
          replacesPersonId: replaces?.personId ?? null, note: v.note?.trim() || null,
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={replaces ? `登记接替：${replaces.name}` : '登记任职'} open onCancel={onClose} onOk={() => form.submit()} okText="登记" confirmLoading={busy}>
      <Typography.Paragraph type="secondary">
        依据伊州政办函〔2023〕22号，教育督导委员会副主任及成员单位有关人员发生变化的，由承担相关工作职能部门负责同志自动递补：登记后，名单自任职日期起显示接任者。
      </Typography.Paragraph>
      <ErrorAlert error={error} title="登记失败" />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void finish(v)} initialValues={{ position, effectiveOn: dayjs() }}>
        <Form.Item label="新任职人员姓名" name="name" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input autoFocus autoComplete="off" />
        </Form.Item>
        <Form.Item label="单位及职务" name="position" rules={[{ required: true, whitespace: true, message: '请输入单位及职务' }]} extra="如：州教育局副局长">
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="任职日期" name="effectiveOn" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item label="说明" name="note">
          <Input.TextArea rows={2} placeholder="如：任免文件文号" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
