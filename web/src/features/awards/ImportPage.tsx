import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Space, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { toApiError } from '../../api';
import { downloadFile, ErrorAlert, formatYuan, PageHeader } from '../../ui';
import { awardsApi, PAYEE_ROLE_LABEL, TEMPLATE_PATH, type ImportResponse } from './awardsApi';

type Row = ImportResponse['rows'][number];

/** Excel 导入: the batch shape's columns, one result per row, each computed; an eligible row becomes a draft. */
export default function ImportPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [result, setResult] = useState<ImportResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [applicantName, setApplicantName] = useState('');
  const [created, setCreated] = useState<Record<number, string>>({});

  const read = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await awardsApi.importSheet(file));
      setCreated({});
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const createDraft = async (row: Row) => {
    if (!applicantName.trim()) {
      void message.warning('请先填写生成草稿时的申请人（教练员或单位）');
      return;
    }
    try {
      const { id: _rowId, ...entry } = row.entry;
      const { id } = await awardsApi.create({ applicantKind: 'coach', applicantName: applicantName.trim(), entry, people: [] });
      setCreated((c) => ({ ...c, [row.row]: id }));
      void message.success(`第${row.row}行已生成申请草稿，请补充身份证号码和材料后提交`);
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  };

  const columns: TableColumnsType<Row> = [
    { title: '行', dataIndex: 'row', width: 60 },
    {
      title: '结果',
      key: 'eligible',
      width: 110,
      render: (_, r) => (r.computation.eligible ? <Tag color="success">可奖励</Tag> : <Tag color="warning">不予奖励</Tag>),
    },
    { title: '奖励合计（元）', key: 'total', width: 130, align: 'right', render: (_, r) => formatYuan(r.computation.totalFen, { unit: false }) },
    {
      title: '奖励明细 / 原因',
      key: 'lines',
      render: (_, r) => (
        <>
          {r.computation.lines.map((l) => (
            <div key={`${l.payee}-${l.role}-${l.basis}`}>
              {l.payee}（{PAYEE_ROLE_LABEL[l.role]}）{formatYuan(l.amountFen)} — <Typography.Text type="secondary">{l.basis}</Typography.Text>
            </div>
          ))}
          {r.computation.reasons.map((reason) => (
            <div key={reason}>
              <Typography.Text type={r.computation.eligible ? 'secondary' : 'warning'}>{reason}</Typography.Text>
            </div>
          ))}
        </>
      ),
    },
    {
      title: '操作',
      key: 'action',
      width: 140,
      render: (_, r) =>
        created[r.row] ? (
          <Button type="link" onClick={() => navigate(`/awards/${created[r.row]}`)}>打开草稿</Button>
        ) : r.computation.eligible ? (
          <Button size="small" onClick={() => createDraft(r)}>生成申请草稿</Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader title="Excel 导入成绩" description="按模板每行填写一项成绩（列与成绩记录的字段一一对应），上传后逐行计算奖励；可奖励的行可生成申请草稿。" />
      <Card size="small">
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => downloadFile(TEMPLATE_PATH, '体育奖励成绩导入模板.xlsx').catch((e: unknown) => setError(toApiError(e)))}>
            下载模板
          </Button>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            beforeUpload={(file) => {
              void read(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={busy}>上传并计算</Button>
          </Upload>
          <Typography.Text type="secondary">生成草稿时的申请人：</Typography.Text>
          <Input aria-label="申请人" value={applicantName} onChange={(e) => setApplicantName(e.target.value)} placeholder="教练员或单位" style={{ width: 200 }} />
        </Space>
      </Card>
      <ErrorAlert error={error} title="导入失败" style={{ marginTop: 16 }} />
      {result ? (
        <Card size="small" style={{ marginTop: 16 }} title={`共 ${result.rows.length} 行`}>
          {result.ignoredColumns.length ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`未识别的列已忽略：${result.ignoredColumns.join('、')}`} /> : null}
          <Table<Row> rowKey="row" size="small" columns={columns} dataSource={result.rows} pagination={{ pageSize: 50 }} scroll={{ x: 1000 }} />
        </Card>
      ) : null}
    </>
  );
}
