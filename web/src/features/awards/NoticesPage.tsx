import { NotificationOutlined } from '@ant-design/icons';
import { App, Button, Flex, Modal, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { toApiError } from '../../api';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert, formatDate, formatYuan, useApi } from '../../ui';
import { awardsApi, listPath, NOTICE_STATE_LABEL, NOTICES_PATH, type ApplicationRow, type NoticeRow } from './awardsApi';

function PublishModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (id: string) => void }) {
  const reviewed = useApi<{ items: ApplicationRow[] }>(open ? listPath({ status: 'reviewed', pageSize: 200 }) : null);
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const items = (reviewed.data?.items ?? []).filter((r) => !r.mine);
  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      onDone((await awardsApi.publishNotice(selected)).id);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} width={820} title="发布公示（第十九条：7天公示）" okText="发布公示" okButtonProps={{ disabled: selected.length === 0 }} confirmLoading={busy} onOk={publish} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">公示期自发布次日起计算7天（含节假日），期满无异议或异议不成立后报州人民政府审批。本人提出的申请不在此列。</Typography.Paragraph>
      <ErrorAlert error={error ?? reviewed.error} />
      <Table<ApplicationRow>
        rowKey="id"
        size="small"
        loading={reviewed.loading}
        dataSource={items}
        pagination={false}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
        locale={{ emptyText: '没有审核通过待公示的申请' }}
        columns={[
          { title: '编号', dataIndex: 'ref', width: 70, render: (r: number) => `第${r}号` },
          { title: '成绩', dataIndex: 'summary' },
          { title: '申请人', dataIndex: 'applicantName', width: 120 },
          { title: '奖励合计（元）', dataIndex: 'totalFen', width: 130, align: 'right', render: (f: number) => formatYuan(f, { unit: false }) },
        ]}
      />
    </Modal>
  );
}

/** 公示: the notices published, and publishing the reviewed applications in a new one. */
export default function NoticesPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notices = useApi<{ items: NoticeRow[] }>(NOTICES_PATH);
  const [publishing, setPublishing] = useState(false);
  const columns: TableColumnsType<NoticeRow> = [
    { title: '公示', dataIndex: 'title', render: (t: string, n) => <Link to={`/awards/notices/${n.id}`}>{t}</Link> },
    { title: '发布日期', dataIndex: 'publishedOn', width: 110, render: (d: string) => formatDate(d) },
    { title: '公示期', key: 'period', width: 210, render: (_, n) => `${formatDate(n.startsOn)} 至 ${formatDate(n.endsOn)}` },
    { title: '状态', dataIndex: 'state', width: 150, render: (s: NoticeRow['state']) => <Tag color={NOTICE_STATE_LABEL[s].color}>{NOTICE_STATE_LABEL[s].text}</Tag> },
    { title: '申请数', dataIndex: 'applications', width: 80 },
    { title: '待处理异议', dataIndex: 'pendingObjections', width: 100, render: (n: number) => (n ? <Tag color="red">{n}</Tag> : '—') },
    { title: '拟奖励合计（元）', dataIndex: 'totalFen', width: 140, align: 'right', render: (f: number) => formatYuan(f, { unit: false }) },
  ];
  return (
    <>
      <ErrorAlert error={notices.error} onRetry={notices.reload} />
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        {can('awards:review') ? (
          <Button type="primary" icon={<NotificationOutlined />} onClick={() => setPublishing(true)}>发布公示</Button>
        ) : null}
      </Flex>
      <Table<NoticeRow> rowKey="id" columns={columns} dataSource={notices.data?.items ?? []} loading={notices.loading} scroll={{ x: 1000 }} />
      <PublishModal
        open={publishing}
        onClose={() => setPublishing(false)}
        onDone={(id) => {
          setPublishing(false);
          void message.success('公示已发布');
          navigate(`/awards/notices/${id}`);
        }}
      />
    </>
  );
}
