import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { toApiError } from '../../api';
import { useAuth } from '../../auth/AuthContext';
import { downloadFile, ErrorAlert, formatYuan, PageHeader, useApi } from '../../ui';
import { awardsApi, PAYEE_ROLE_LABEL, planPath, STATUS_COLOR, STATUS_LABEL, type AwardPlan } from './awardsApi';

const thisYear = new Date().getFullYear();

/** 当年奖励方案: what goes to the prefecture government, its totals by role and by who pays, and approval. */
export default function PlanPage() {
  const { can } = useAuth();
  const { message } = App.useApp();
  const [year, setYear] = useState(thisYear);
  const plan = useApi<AwardPlan>(planPath(year));
  const [busy, setBusy] = useState<string | null>(null);
  const p = plan.data;

  const approve = async (id: string) => {
    setBusy(id);
    try {
      await awardsApi.approve(id, null);
      void message.success('已批准');
      plan.reload();
    } catch (e) {
      void message.error(toApiError(e).message);
    } finally {
      setBusy(null);
    }
  };
  const download = (path: string) => downloadFile(path).catch((e: unknown) => void message.error(toApiError(e).message));

  return (
    <>
      <PageHeader
        title="当年奖励方案"
        description="公示期满、报州人民政府审批的奖励，按奖励对象和资金来源（州财政、各县市财政）汇总。"
        extra={
          <>
            <Select value={year} onChange={setYear} style={{ width: 110 }} options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年` }))} aria-label="年度" />
            <Button icon={<FileExcelOutlined />} onClick={() => download(`${planPath(year)}/plan.xlsx`)}>导出 Excel</Button>
            <Button icon={<FileWordOutlined />} onClick={() => download(`${planPath(year)}/plan.docx`)}>导出 Word</Button>
          </>
        }
      />
      <ErrorAlert error={plan.error} onRetry={plan.reload} />
      {p ? (
        <>
          <Row gutter={16}>
            <Col xs={24} md={8}><Card size="small"><Statistic title="奖励合计（元）" value={formatYuan(p.totalFen, { unit: false })} /></Card></Col>
            <Col xs={24} md={8}><Card size="small"><Statistic title="州财政（元）" value={formatYuan(p.prefectureFen, { unit: false })} /></Card></Col>
            <Col xs={24} md={8}><Card size="small"><Statistic title="各县（市）财政追踪奖（元）" value={formatYuan(p.countyFen, { unit: false })} /></Card></Col>
          </Row>
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col xs={24} md={12}>
              <Card size="small" title="按奖励对象">
                <Table size="small" rowKey="role" pagination={false} dataSource={p.byRole} columns={[
                  { title: '奖励对象', dataIndex: 'label' },
                  { title: '笔数', dataIndex: 'lines', width: 70 },
                  { title: '金额（元）', dataIndex: 'amountFen', align: 'right', render: (f: number) => formatYuan(f, { unit: false }) },
                ]} />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small" title="按资金来源">
                <Table size="small" rowKey="payer" pagination={false} dataSource={p.byFunding} columns={[
                  { title: '资金来源', dataIndex: 'payer' },
                  { title: '金额（元）', dataIndex: 'amountFen', align: 'right', render: (f: number) => formatYuan(f, { unit: false }) },
                ]} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={`奖励明细（${p.applications.length} 项）`} style={{ marginTop: 16 }}>
            <Table
              size="small"
              rowKey="id"
              dataSource={p.applications}
              pagination={false}
              expandable={{
                expandedRowRender: (a) =>
                  a.lines.map((l) => (
                    <div key={`${l.payee}-${l.role}-${l.basis}`}>
                      {l.payee}（{PAYEE_ROLE_LABEL[l.role]}）{formatYuan(l.amountFen)} — <Typography.Text type="secondary">{l.basis}</Typography.Text>
                    </div>
                  )),
              }}
              columns={[
                { title: '编号', dataIndex: 'ref', width: 70, render: (r: number, a) => <Link to={`/awards/${a.id}`}>第{r}号</Link> },
                { title: '成绩', dataIndex: 'summary' },
                { title: '申请人', dataIndex: 'applicantName', width: 120 },
                { title: '状态', dataIndex: 'status', width: 130, render: (s: keyof typeof STATUS_LABEL) => <Tag color={STATUS_COLOR[s]}>{STATUS_LABEL[s]}</Tag> },
                { title: '金额（元）', dataIndex: 'totalFen', width: 120, align: 'right', render: (f: number) => formatYuan(f, { unit: false }) },
                ...(can('awards:approve')
                  ? [{
                      title: '审批',
                      key: 'approve',
                      width: 100,
                      render: (_: unknown, a: AwardPlan['applications'][number]) =>
                        a.status === 'reported' ? (
                          <Space><Button size="small" type="primary" loading={busy === a.id} onClick={() => approve(a.id)}>批准</Button></Space>
                        ) : null,
                    }]
                  : []),
              ]}
            />
          </Card>
        </>
      ) : null}
    </>
  );
}
