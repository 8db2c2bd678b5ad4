import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Empty, Form, InputNumber, Modal, Input, Space, Table, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { toApiError } from '../../api';
import { useAuth, useCurrentUser } from '../../auth/AuthContext';
import { downloadFile, ErrorAlert, useApi } from '../../ui';
import { bodiesApi, DUTY_REPORT_STATUS, dutyReportsPath, fileToBase64, type DutyReport } from './bodiesApi';

/**
 * 每年…履行教育职责工作情况汇报: one item per member unit and year. The office opens the year's
 * items and reviews them; a unit's reporter hands in their own unit's file.
 */
export function DutyReportsTab({ bodyId, defaultYear }: { bodyId: string; defaultYear: number }) {
  const { can } = useAuth();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [year, setYear] = useState(defaultYear);
  const reports = useApi<{ items: DutyReport[] }>(dutyReportsPath(bodyId, year));
  const [opening, setOpening] = useState(false);
  const [returning, setReturning] = useState<DutyReport | null>(null);
  const manage = can('bodies:manage');
  const report = can('bodies:report');

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(done);
      reports.reload();
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  };

  const submit = (item: DutyReport) => async (file: File) => {
    await run(async () => bodiesApi.submitDutyReport(item.id, { fileName: file.name, contentType: file.type, contentBase64: await fileToBase64(file) }), `已报送：${item.organization}`);
    return false;
  };

  const items = reports.data?.items ?? [];
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <span>年度</span>
        <InputNumber min={2000} max={2200} value={year} onChange={(v) => v && setYear(v)} />
        {manage ? (
          <Button type="primary" onClick={() => setOpening(true)}>
            建立{year}年报送事项
          </Button>
        ) : null}
        <Typography.Text type="secondary">
          共 {items.length} 个成员单位；已报送 {items.filter((i) => i.status === 'submitted' || i.status === 'accepted').length}；逾期 {items.filter((i) => i.overdue).length}
        </Typography.Text>
      </Space>
      <ErrorAlert error={reports.error} onRetry={reports.reload} />
      <Table<DutyReport>
        rowKey="id"
        size="small"
        loading={reports.loading}
        dataSource={items}
        locale={{ emptyText: <Empty description={`${year}年尚未建立报送事项`} /> }}
        pagination={{ pageSize: 30, hideOnSinglePage: true }}
        columns={[
          { title: '成员单位', dataIndex: 'organization' },
          { title: '截止日期', dataIndex: 'dueOn', width: 120 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 170,
            render: (_, r) => (
              <Space size={4}>
                <Tag color={DUTY_REPORT_STATUS[r.status].color}>{DUTY_REPORT_STATUS[r.status].text}</Tag>
                {r.overdue ? <Tag color="red">逾期</Tag> : null}
              </Space>
            ),
          },
          {
            title: '报送',
            key: 'file',
            render: (_, r) =>
              r.fileName ? (
                <Space direction="vertical" size={0}>
                  {/* A unit's reporter downloads its own unit's file only (the server refuses the others). */}
                  {manage || !report || user.organization?.id === r.organizationId ? (
                    <Button type="link" size="small" icon={<DownloadOutlined />} style={{ padding: 0 }} onClick={() => void downloadFile(`/api/duty-reports/${r.id}/file`, r.fileName ?? undefined)}>
                      {r.fileName}
                    </Button>
                  ) : (
                    <Typography.Text>{r.fileName}</Typography.Text>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.submittedOn} {r.submittedBy}
                    {r.reviewNote ? `；审核意见：${r.reviewNote}` : ''}
                  </Typography.Text>
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 220,
            render: (_, r) => (
              <Space size={4}>
                {report && (r.status === 'pending' || r.status === 'returned') && (manage || user.organization?.id === r.organizationId) ? (
                  <Upload beforeUpload={submit(r)} showUploadList={false}>
                    <Button size="small" icon={<UploadOutlined />}>
                      报送文件
                    </Button>
                  </Upload>
                ) : null}
                {manage && r.status === 'submitted' ? (
                  <>
                    <Button size="small" type="primary" onClick={() => void run(() => bodiesApi.reviewDutyReport(r.id, 'accept'), `已审核通过：${r.organization}`)}>
                      通过
                    </Button>
                    <Button size="small" danger onClick={() => setReturning(r)}>
                      退回
                    </Button>
                  </>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {opening ? <OpenYearModal bodyId={bodyId} year={year} onClose={() => setOpening(false)} onDone={(text) => { setOpening(false); void message.success(text); reports.reload(); }} /> : null}
      {returning ? (
        <ReturnModal
          report={returning}
          onClose={() => setReturning(null)}
          onDone={() => {
            setReturning(null);
            reports.reload();
          }}
        />
      ) : null}
    </>
  );
}

function OpenYearModal({ bodyId, year, onClose, onDone }: { bodyId: string; year: number; onClose: () => void; onDone: (text: string) => void }) {
  const [dueOn, setDueOn] = useState(dayjs(`${year}-12-31`));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const ok = async () => {
    setBusy(true);
    try {
      const r = await bodiesApi.openDutyReports(bodyId, year, dueOn.format('YYYY-MM-DD'));
      onDone(`已建立 ${r.created} 个报送事项${r.existing ? `（${r.existing} 个已存在）` : ''}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={`建立${year}年履行教育职责工作情况汇报`} open onCancel={onClose} onOk={() => void ok()} confirmLoading={busy} okText="建立">
      <Typography.Paragraph type="secondary">为现行名单中每个成员单位建立一项报送事项（依据：联络员工作职责第（二）项）。</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form layout="vertical">
        <Form.Item label="报送截止日期">
          <DatePicker value={dueOn} allowClear={false} onChange={(d) => d && setDueOn(d)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReturnModal({ report, onClose, onDone }: { report: DutyReport; onClose: () => void; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const ok = async () => {
    try {
      await bodiesApi.reviewDutyReport(report.id, 'return', note);
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Modal title={`退回：${report.organization}`} open onCancel={onClose} onOk={() => void ok()} okText="退回" okButtonProps={{ danger: true }}>
      <ErrorAlert error={error} />
      <Input.TextArea rows={3} placeholder="退回原因" value={note} onChange={(e) => setNote(e.target.value)} />
    </Modal>
  );
}
