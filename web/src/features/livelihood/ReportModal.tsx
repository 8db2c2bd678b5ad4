import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../ui';
import { livelihoodApi, periodLabel, reportablePeriods, type Milestone, type Target } from './livelihoodApi';

interface ReportValues {
  period: string;
  progressPercent: number;
  narrative: string;
  indicators: Record<string, number | null>;
  milestonesDone: string[];
}

export interface ReportTarget {
  measureId: string;
  title: string;
  milestones: Milestone[];
  targets: Target[];
  defaultPeriod: string;
  progressPercent: number | null;
}

/** 月度进展报告: progress, narrative, indicator values, milestones done, and an optional file. */
export function ReportModal({ task, today, planYear, startsOn, onClose, onSaved }: {
  task: ReportTarget; today: string; planYear: number; startsOn: string; onClose: () => void; onSaved: (text: string) => void;
}) {
  const [form] = Form.useForm<ReportValues>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const periods = reportablePeriods(today, planYear, startsOn);
  const save = async (v: ReportValues) => {
    setSaving(true);
    setError(undefined);
    try {
      const indicators = Object.entries(v.indicators ?? {})
        .filter((e): e is [string, number] => typeof e[1] === 'number')
        .map(([targetId, value]) => ({ targetId, value }));
      const { id, revision } = await livelihoodApi.report(task.measureId, {
        period: v.period, progressPercent: v.progressPercent, narrative: v.narrative.trim(), indicators, milestonesDone: v.milestonesDone ?? [],
      });
      if (file) await livelihoodApi.attach(id, file);
      onSaved(`${periodLabel(v.period)}进展已报送${revision > 1 ? `（第${revision}次更正）` : ''}`);
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  };
  return (
    <Modal title={`报送进展：${task.title}`} open width={680} onCancel={onClose} onOk={() => form.submit()} okText="报送" confirmLoading={saving}>
      <ErrorAlert error={error} title="报送失败" />
      {periods.length === 0 ? <Alert type="info" showIcon message="当前没有可报送的月份" /> : null}
      <Form<ReportValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{ period: periods.includes(task.defaultPeriod) ? task.defaultPeriod : periods[0], progressPercent: task.progressPercent ?? 0, milestonesDone: [], indicators: {} }}
      >
        <Form.Item label="报告月份" name="period" rules={[{ required: true }]} extra="月度报告应于次月第5个工作日前报送；同一月份再次报送即为更正。">
          <Select options={periods.map((p) => ({ value: p, label: periodLabel(p) }))} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="完成进度（%）" name="progressPercent" rules={[{ required: true, message: '请填写完成进度' }]} extra="本单位承担部分的累计完成比例；100% 表示已完成。">
          <InputNumber min={0} max={100} precision={0} addonAfter="%" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="进展情况" name="narrative" rules={[{ required: true, whitespace: true, message: '请填写本月进展' }]}>
          <Input.TextArea rows={4} maxLength={5000} showCount placeholder="本月完成的工作、存在的问题、下一步安排" />
        </Form.Item>
        {task.targets.length > 0 ? (
          <Form.Item label="指标完成情况（累计）">
            <Space direction="vertical" style={{ width: '100%' }}>
              {task.targets.map((t) => (
                <Space key={t.id}>
                  <Typography.Text style={{ display: 'inline-block', minWidth: 140 }}>目标 {t.text}</Typography.Text>
                  <Form.Item name={['indicators', t.id]} noStyle>
                    <InputNumber min={0} addonAfter={t.unit} placeholder="已完成" style={{ width: 200 }} />
                  </Form.Item>
                </Space>
              ))}
            </Space>
          </Form.Item>
        ) : null}
        {task.milestones.length > 0 ? (
          <Form.Item label="已完成的节点" name="milestonesDone">
            <Checkbox.Group options={[...new Set(task.milestones.map((m) => m.text))].map((text) => ({ value: text, label: text }))} />
          </Form.Item>
        ) : null}
        <Form.Item label="附件（可选）" extra="PDF、Word、Excel 或图片，不超过 10MB">
          <Upload beforeUpload={(f) => { setFile(f); return false; }} onRemove={() => setFile(null)} maxCount={1} fileList={file ? [{ uid: '1', name: file.name }] : []}>
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
