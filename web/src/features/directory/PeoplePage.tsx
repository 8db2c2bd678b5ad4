import { Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert, useApi } from '../../ui';
import { peoplePath, type PersonSummary } from './directoryApi';

const columns: TableColumnsType<PersonSummary> = [
  { title: '姓名', dataIndex: 'name', width: 200, render: (n: string, p) => <Link to={`/directory/people/${p.id}`}>{n}</Link> },
  { title: '单位', dataIndex: 'organization', width: 260, render: (o: string | null) => o ?? '—' },
  {
    title: '现任职务（据公文）',
    dataIndex: 'positions',
    render: (positions: string[]) => (
      <Space size={[0, 4]} wrap>
        {positions.map((p) => (
          <Tag key={p}>{p}</Tag>
        ))}
      </Space>
    ),
  },
  { title: '议事协调机构', dataIndex: 'bodies', width: 120, align: 'center', render: (n: number) => (n > 0 ? n : '—') },
];

/** People: type a name in Chinese, its full pinyin (dalie) or initials (dlbk); or a unit. */
export default function PeoplePage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const people = useApi<{ items: PersonSummary[] }>(peoplePath(q));
  return (
    <>
      <Space direction="vertical" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          autoFocus
          placeholder="姓名、拼音或首字母（如 dalie、dlbk），或单位名称"
          defaultValue={q}
          onChange={(e) => setParams(e.target.value.trim() ? { q: e.target.value } : {}, { replace: true })}
          style={{ width: 420 }}
          aria-label="查找人员"
        />
        <Typography.Text type="secondary">{q ? `找到 ${people.data?.items.length ?? 0} 人` : '共列出前 200 人，输入后即时查找'}</Typography.Text>
      </Space>
      <ErrorAlert error={people.error} onRetry={people.reload} />
      <Table<PersonSummary> rowKey="id" size="middle" columns={columns} dataSource={people.data?.items ?? []} loading={people.loading} pagination={{ pageSize: 20, showSizeChanger: false }} />
    </>
  );
}
