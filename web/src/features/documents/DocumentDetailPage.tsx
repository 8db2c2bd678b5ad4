import { ArrowLeftOutlined, FileTextOutlined } from '@ant-design/icons';
import { Anchor, Button, Col, Descriptions, Drawer, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ErrorAlert, formatDateTime, PageHeader, PageLoading, useApi } from '../../ui';
import { documentPath, documentToc, printedDate, type DocumentDetail } from './documentsApi';
import { OfficialDocumentView } from './OfficialDocumentView';

/** One document: the printed layout in the middle, its contents on the right, the source on demand. */
export default function DocumentDetailPage() {
  const { id = '' } = useParams();
  const doc = useApi<DocumentDetail>(documentPath(id));
  const [showSource, setShowSource] = useState(false);
  const toc = useMemo(() => (doc.data ? documentToc(doc.data.structure) : []), [doc.data]);
  const { hash } = useLocation();

  // A link to a line (from a roster's source) arrives before the text: scroll once it is there.
  useEffect(() => {
    if (!doc.data || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    target.style.background = '#fff7cc';
  }, [doc.data, hash]);

  if (doc.loading && !doc.data) return <PageLoading />;
  if (!doc.data) return <ErrorAlert error={doc.error} onRetry={doc.reload} title="公文加载失败" />;
  const d = doc.data;
  return (
    <>
      <PageHeader
        title={d.title}
        description={
          <Space wrap size={[12, 4]}>
            <Tag color="red">{d.docNumber}</Tag>
            <span>成文日期：{d.signedOn ? printedDate(d.signedOn) : '未注明'}</span>
            <span>发文机关：{d.issuer ?? '未署名'}</span>
          </Space>
        }
        extra={
          <>
            <Link to="/documents">
              <Button icon={<ArrowLeftOutlined />}>返回列表</Button>
            </Link>
            <Button icon={<FileTextOutlined />} onClick={() => setShowSource(true)}>
              原文
            </Button>
          </>
        }
      />
      <Row gutter={16} wrap={false}>
        <Col flex="auto" style={{ minWidth: 0 }}>
          <OfficialDocumentView doc={d} />
        </Col>
        <Col flex="260px" style={{ maxWidth: 260 }}>
          <div style={{ position: 'sticky', top: 16 }}>
            <Typography.Text strong>目录</Typography.Text>
            <Anchor items={toc} offsetTop={16} targetOffset={24} style={{ maxHeight: 'calc(100vh - 120px)', overflow: 'auto', marginTop: 8 }} />
          </div>
        </Col>
      </Row>
      <Drawer title={`原文：${d.docNumber}`} width={720} open={showSource} onClose={() => setShowSource(false)}>
        <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="来源">{d.sourceName ?? '—'}（第{d.firstLine}行起）</Descriptions.Item>
          <Descriptions.Item label="导入">
            {d.importedBy ?? '—'}，{formatDateTime(d.importedAt)}
          </Descriptions.Item>
          <Descriptions.Item label="内容校验值">
            <Typography.Text code copyable style={{ fontSize: 12 }}>
              {d.contentHash}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <pre style={{ whiteSpace: 'pre-wrap', fontSize: 13, lineHeight: 1.7, background: '#fafafa', padding: 12 }}>
          {d.originalText
            .split('\n')
            .map((l, i) => `${String(d.firstLine + i).padStart(4, ' ')}  ${l}`)
            .join('\n')}
        </pre>
      </Drawer>
    </>
  );
}
