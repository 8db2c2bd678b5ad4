import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { roleLabel } from '../../auth/roles';
import { endOfDayInstant, ErrorAlert, formatDateTime, PageHeader, startOfDayInstant, useApi } from '../../ui';
import {
  AUDIT_RESULT_LABELS,
  auditApi,
  auditListPath,
  type AuditEntry,
  type AuditPage as AuditPageData,
  type AuditQuery,
  type ChainVerification,
} from './auditApi';

interface FilterValues {
  username?: string;
  action?: string;
  days?: [Dayjs | null, Dayjs | null] | null;
}

const mono = { fontFamily: 'SFMono-Regular, Consolas, "Liberation Mono", monospace', fontSize: 12 };

const columns: TableColumnsType<AuditEntry> = [
  { title: '序号', dataIndex: 'id', width: 80 },
  { title: '时间', dataIndex: 'at', width: 170, render: (_, row) => formatDateTime(row.at) },
  { title: '用户', dataIndex: 'username', width: 120, render: (_, row) => row.username ?? '—' },
  // The record keeps the actor's roles at the time, comma-separated.
  { title: '角色', dataIndex: 'role', width: 140, render: (_, row) => (row.role ? row.role.split(',').map(roleLabel).join('、') : '—') },
  { title: '操作', dataIndex: 'action', width: 180, render: (_, row) => <span style={mono}>{row.action}</span> },
  { title: '对象', dataIndex: 'object', ellipsis: true, render: (_, row) => row.object ?? '—' },
  {
    title: '结果',
    dataIndex: 'result',
    width: 80,
    render: (_, row) => <Tag color={AUDIT_RESULT_LABELS[row.result].color}>{AUDIT_RESULT_LABELS[row.result].text}</Tag>,
  },
  { title: 'IP', dataIndex: 'ip', width: 130, render: (_, row) => row.ip ?? '—' },
  {
    title: '请求编号',
    dataIndex: 'requestId',
    width: 150,
    render: (_, row) => (
      <Typography.Text style={mono} copyable={{ text: row.requestId }}>
        {row.requestId.length > 12 ? `${row.requestId.slice(0, 12)}…` : row.requestId}
      </Typography.Text>
    ),
  },
  {
    title: '哈希',
    dataIndex: 'hash',
    width: 150,
    render: (_, row) => (
      <Typography.Text style={mono} copyable={{ text: row.hash }}>
        {row.hash.slice(0, 12)}…
      </Typography.Text>
    ),
  },
];

/** The filter form's values as query parameters; whole days in display time, sent as instants. */
function toQuery(values: FilterValues): Omit<AuditQuery, 'page' | 'pageSize'> {
  const [start, end] = values.days ?? [];
  return {
    username: values.username?.trim() || undefined,
    action: values.action?.trim() || undefined,
    from: start ? startOfDayInstant(start.format('YYYY-MM-DD')) : undefined,
    to: end ? endOfDayInstant(end.format('YYYY-MM-DD')) : undefined,
  };
}

function VerificationResult({ result }: { result: ChainVerification }) {
  if (result.ok) {
    return (
      <Alert type="success" showIcon message={`哈希链完整：已校验 ${result.checked} 条记录，未发现篡改。`} style={{ marginBottom: 16 }} />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      message="哈希链校验未通过"
      description={
        result.firstBroken
          ? `已校验 ${result.checked} 条记录；第一处断裂在序号 ${result.firstBroken.id}：${result.firstBroken.reason}`
          : `已校验 ${result.checked} 条记录。`
      }
      style={{ marginBottom: 16 }}
    />
  );
}

export default function AuditPage() {
  const [form] = Form.useForm<FilterValues>();
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 20 });
  const list = useApi<AuditPageData>(auditListPath(query));
  const [verification, setVerification] = useState<ChainVerification>();
  const [verifyError, setVerifyError] = useState<unknown>();
  const [verifying, setVerifying] = useState(false);

  const verify = async () => {
    setVerifying(true);
    setVerifyError(undefined);
    setVerification(undefined);
    try {
      setVerification(await auditApi.verify());
    } catch (e) {
      setVerifyError(e);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <>
      <PageHeader
        title="审计日志"
        description="每条记录都以哈希与上一条相连，任何修改或删除都会使校验失败。"
        extra={
          <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()}>
            校验哈希链
          </Button>
        }
      />
      {verification ? <VerificationResult result={verification} /> : null}
      <ErrorAlert error={verifyError} title="校验失败" />
      <Form<FilterValues>
        form={form}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values) => setQuery({ ...toQuery(values), page: 1, pageSize: query.pageSize })}
      >
        <Form.Item label="用户" name="username">
          <Input allowClear placeholder="用户名" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="操作" name="action">
          <Input allowClear placeholder="如 auth.login" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="日期" name="days">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setQuery({ page: 1, pageSize: query.pageSize });
              }}
            >
              重置
            </Button>
            <Button onClick={list.reload}>刷新</Button>
          </Space>
        </Form.Item>
      </Form>
      <ErrorAlert error={list.error} onRetry={list.reload} title="审计日志加载失败" />
      <Table<AuditEntry>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        scroll={{ x: 1300 }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (page, pageSize) => setQuery((q) => ({ ...q, page: pageSize === q.pageSize ? page : 1, pageSize })),
        }}
      />
    </>
  );
}
