import { UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Segmented, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert, PageHeader, useApi } from '../../ui';
import { documentsPath, SEARCH_FIELDS, type DocumentList, type DocumentListItem, type SearchField } from './documentsApi';

const PAGE_SIZE = 20;

/** 公文 list and search: title, 发文字号 or full text (Chinese substring). The query lives in the URL. */
export default function DocumentsListPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const field = (SEARCH_FIELDS.find((f) => f.value === params.get('field'))?.value ?? 'all') as SearchField;
  const page = Number(params.get('page') ?? '1') || 1;
  const [draft, setDraft] = useState(q);
  const list = useApi<DocumentList>(documentsPath(q, field, page, PAGE_SIZE));

  const update = (next: { q?: string; field?: SearchField; page?: number }) => {
    const merged = { q, field, page: 1, ...next };
    const search = new URLSearchParams();
    if (merged.q) search.set('q', merged.q);
    if (merged.field !== 'all') search.set('field', merged.field);
    if (merged.page > 1) search.set('page', String(merged.page));
    setParams(search);
  };

  const columns: TableColumnsType<DocumentListItem> = [
    { title: '发文字号', dataIndex: 'docNumber', width: 210, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
    {
      title: '标题',
      dataIndex: 'title',
      render: (_, row) => (
        <>
          <Link to={`/documents/${row.id}`}>{row.title}</Link>
          {row.snippet ? (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }} ellipsis={{ rows: 2 }}>
              {row.snippet}
            </Typography.Paragraph>
          ) : null}
        </>
      ),
    },
    { title: '成文日期', dataIndex: 'signedOn', width: 120, render: (v: string | null) => v ?? '未注明' },
    { title: '附件', dataIndex: 'attachments', width: 70, align: 'center', render: (v: number) => (v > 0 ? v : '—') },
  ];

  return (
    <>
      <PageHeader
        title="公文"
        description="按标题、发文字号或全文检索已导入的公文；点击标题按印发版式查看，目录可跳转到各章、条。"
        extra={
          can('documents:import') ? (
            <Button type="primary" icon={<UploadOutlined />} onClick={() => navigate('/documents/import')}>
              导入公文
            </Button>
          ) : null
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Segmented options={SEARCH_FIELDS} value={field} onChange={(v) => update({ field: v as SearchField })} />
        <Input.Search
          allowClear
          placeholder="输入标题、发文字号（如 伊州政办函〔2023〕22号）或正文中的词语"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onSearch={(v) => update({ q: v.trim() })}
          enterButton="检索"
          style={{ maxWidth: 560 }}
        />
      </Flex>
      <ErrorAlert error={list.error} onRetry={list.reload} title="公文列表加载失败" />
      <Table<DocumentListItem>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        locale={{ emptyText: q ? `没有找到含“${q}”的公文` : '尚未导入公文' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 份`,
          onChange: (p) => update({ page: p }),
        }}
      />
    </>
  );
}
