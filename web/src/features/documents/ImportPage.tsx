import { ArrowLeftOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, List, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { toApiError } from '../../api';
import { ErrorAlert, PageHeader } from '../../ui';
import { documentsApi, errorLine, type ImportReport } from './documentsApi';

/** Paste 公文 text or choose a .txt file (UTF-8); the server imports all of it or none of it. */
export default function ImportPage() {
  const [text, setText] = useState('');
  const [sourceName, setSourceName] = useState('粘贴文本');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);

  const readFile = (file: File) => {
    const reader = new FileReader();
    reader.onload = () => {
      setText(typeof reader.result === 'string' ? reader.result : '');
      setSourceName(file.name);
      setReport(null);
      setError(null);
    };
    reader.readAsText(file, 'utf-8');
    return false;
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      setReport(await documentsApi.importText(text, sourceName));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const bad = error ? errorLine(toApiError(error).message) : null;
  const badText = bad !== null ? text.split(/\r\n|\r|\n/)[bad - 1] : undefined;

  return (
    <>
      <PageHeader
        title="导入公文"
        description="粘贴公文全文或选择 .txt 文件（UTF-8 编码），可一次导入多份。全部解析成功才会导入；同一份公文重复导入不会产生变化。"
        extra={
          <Link to="/documents">
            <Button icon={<ArrowLeftOutlined />}>返回列表</Button>
          </Link>
        }
      />
      <Card>
        <Upload.Dragger accept=".txt,text/plain" beforeUpload={readFile} showUploadList={false} style={{ marginBottom: 16 }}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖入 .txt 文件</p>
          <p className="ant-upload-hint">{sourceName !== '粘贴文本' ? `已读取：${sourceName}` : '也可以直接在下面粘贴文本'}</p>
        </Upload.Dragger>
        <Input.TextArea
          aria-label="公文文本"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (sourceName !== '粘贴文本' && e.target.value === '') setSourceName('粘贴文本');
          }}
          rows={14}
          placeholder="关于……的通知&#10;&#10;伊州政办函〔2023〕22号&#10;……"
          style={{ fontFamily: 'monospace' }}
        />
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" loading={busy} disabled={text.trim() === ''} onClick={() => void submit()}>
            导入
          </Button>
          <Typography.Text type="secondary">共 {text === '' ? 0 : text.split(/\r\n|\r|\n/).length} 行</Typography.Text>
        </Space>
      </Card>
      {error ? (
        <div style={{ marginTop: 16 }}>
          <ErrorAlert error={error} title="导入失败，未导入任何内容" />
          {badText !== undefined ? (
            <Alert type="warning" showIcon message={`第${bad}行的内容`} description={<Typography.Text code>{badText || '（空行）'}</Typography.Text>} />
          ) : null}
        </div>
      ) : null}
      {report ? <ImportResult report={report} /> : null}
    </>
  );
}

function ImportResult({ report }: { report: ImportReport }) {
  return (
    <Card title="导入结果" style={{ marginTop: 16 }}>
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16 }}
        message={`共 ${report.documents.length} 份公文：新增 ${report.added} 份，未变 ${report.unchanged} 份`}
      />
      <Table
        rowKey="docNumber"
        size="small"
        pagination={false}
        dataSource={report.documents}
        columns={[
          { title: '状态', dataIndex: 'status', width: 80, render: (s: string) => (s === 'added' ? <Tag color="green">新增</Tag> : <Tag>未变</Tag>) },
          { title: '发文字号', dataIndex: 'docNumber', width: 210 },
          { title: '标题', dataIndex: 'title', render: (t: string, row) => <Link to={`/documents/${row.id}`}>{t}</Link> },
          { title: '起始行', dataIndex: 'line', width: 80 },
        ]}
      />
      {report.built.length > 0 ? (
        <List
          style={{ marginTop: 16 }}
          header={<Typography.Text strong>据此建立</Typography.Text>}
          dataSource={report.built.flatMap((b) => b.items.map((item) => ({ key: `${b.importer}${b.docNumber}${item}`, label: b.label, item, docNumber: b.docNumber })))}
          renderItem={(b) => (
            <List.Item key={b.key}>
              <Space>
                <Tag color="blue">{b.label}</Tag>
                {b.item}
                <Typography.Text type="secondary">{b.docNumber}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : null}
      {report.warnings.map((w) => (
        <Alert key={`${w.source}${w.line}`} type="warning" showIcon style={{ marginTop: 12 }} message={`${w.source}：${w.message}`} />
      ))}
    </Card>
  );
}
