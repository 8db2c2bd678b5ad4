import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert, formatDate, formatDateTime, formatYuan, PageHeader, useApi } from '../../ui';
import { GROUND_LABEL, ledgerPath, STATUS_COLOR, STATUS_LABEL, type AwardLedger } from './awardsApi';

const thisYear = new Date().getFullYear();
const ref = (id: string, n: number) => <Link to={`/awards/${id}`}>第{n}号</Link>;

/** 台账: disbursements, revocations and recoveries, and what each county owes (a county sees its own). */
export default function LedgerPage() {
  const [year, setYear] = useState<number | null>(null);
  const ledger = useApi<AwardLedger>(ledgerPath(year));
  const l = ledger.data;
  return (
    <>
      <PageHeader
        title="奖励台账"
        description="拨付、撤销与追回；各县（市）应承担的追踪奖（第十七条）。"
        extra={<Select allowClear placeholder="全部年度" value={year ?? undefined} onChange={(v: number | undefined) => setYear(v ?? null)} style={{ width: 120 }} options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年` }))} />}
      />
      <ErrorAlert error={ledger.error} onRetry={ledger.reload} />
      <Card size="small" title="县（市）应承担的追踪奖" loading={ledger.loading && !l}>
        {(l?.countyObligations ?? []).length === 0 ? <Typography.Text type="secondary">暂无已批准的县（市）追踪奖。</Typography.Text> : null}
        {(l?.countyObligations ?? []).map((c) => (
          <div key={c.county} style={{ marginBottom: 12 }} data-testid="county-obligation">
            <Typography.Title level={5} style={{ marginTop: 0 }}>{c.county}：{formatYuan(c.amountFen)}</Typography.Title>
            <Table size="small" rowKey={(r) => `${r.applicationId}-${r.basis}`} pagination={false} dataSource={c.lines} columns={[
              { title: '申请', dataIndex: 'ref', width: 80, render: (n: number, r) => ref(r.applicationId, n) },
              { title: '成绩', dataIndex: 'summary' },
              { title: '状态', dataIndex: 'status', width: 110, render: (s: keyof typeof STATUS_LABEL) => <Tag color={STATUS_COLOR[s]}>{STATUS_LABEL[s]}</Tag> },
              { title: '依据', dataIndex: 'basis' },
              { title: '金额（元）', dataIndex: 'amountFen', width: 110, align: 'right', render: (f: number) => formatYuan(f, { unit: false }) },
            ]} />
          </div>
        ))}
      </Card>
      <Card size="small" title="拨付（州财政）" style={{ marginTop: 16 }}>
        <Table size="small" rowKey="applicationId" pagination={false} dataSource={l?.disbursements ?? []} columns={[
          { title: '申请', dataIndex: 'ref', width: 80, render: (n: number, r) => ref(r.applicationId, n) },
          { title: '成绩', dataIndex: 'summary' },
          { title: '拨付日期', dataIndex: 'paidOn', width: 110, render: (d: string | null) => formatDate(d) },
          { title: '凭证号', dataIndex: 'voucher', width: 120 },
          { title: '金额（元）', dataIndex: 'amountFen', width: 120, align: 'right', render: (f: number) => formatYuan(f, { unit: false }) },
          { title: '', dataIndex: 'revoked', width: 80, render: (r: boolean) => (r ? <Tag color="error">已撤销</Tag> : null) },
        ]} />
      </Card>
      <Card size="small" title="撤销与追回（第二十一条至第二十三条）" style={{ marginTop: 16 }}>
        <Table size="small" rowKey="applicationId" pagination={false} dataSource={l?.revocations ?? []} columns={[
          { title: '申请', dataIndex: 'ref', width: 80, render: (n: number, r) => ref(r.applicationId, n) },
          { title: '成绩', dataIndex: 'summary' },
          { title: '撤销时间', dataIndex: 'revokedAt', width: 170, render: (t: string | null) => formatDateTime(t) },
          { title: '情形', dataIndex: 'ground', width: 200, render: (g: keyof typeof GROUND_LABEL | null, r) => <Space direction="vertical" size={0}>{g ? GROUND_LABEL[g] : '—'}<Typography.Text type="secondary">{r.reason}</Typography.Text></Space> },
          { title: '应追回（元）', dataIndex: 'recoveryDueFen', width: 120, align: 'right', render: (f: number) => formatYuan(f, { unit: false }) },
          { title: '已追回（元）', dataIndex: 'recoveredFen', width: 120, align: 'right', render: (f: number) => formatYuan(f, { unit: false }) },
          { title: '尚欠（元）', dataIndex: 'outstandingFen', width: 120, align: 'right', render: (f: number) => (f > 0 ? <Typography.Text type="danger">{formatYuan(f, { unit: false })}</Typography.Text> : '0.00') },
        ]} />
        {(l?.recoveries ?? []).length ? (
          <Table style={{ marginTop: 12 }} size="small" rowKey={(r) => `${r.applicationId}-${r.recoveredOn}-${r.amountFen}`} pagination={false} dataSource={l?.recoveries ?? []} columns={[
            { title: '追回记录', dataIndex: 'ref', width: 90, render: (n: number, r) => ref(r.applicationId, n) },
            { title: '日期', dataIndex: 'recoveredOn', width: 110, render: (d: string) => formatDate(d) },
            { title: '金额（元）', dataIndex: 'amountFen', width: 120, align: 'right', render: (f: number) => formatYuan(f, { unit: false }) },
            { title: '备注', dataIndex: 'note' },
          ]} />
        ) : null}
      </Card>
    </>
  );
}
