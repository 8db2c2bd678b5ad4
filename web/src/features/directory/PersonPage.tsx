import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert, PageHeader, PageLoading, useApi } from '../../ui';
import { period, type PersonDetail } from './directoryApi';

const RANK: Record<string, string> = { leader: 'blue', deputy: 'cyan', member: 'default' };

function Source({ documentId, docNumber, line }: { documentId: string | null; docNumber: string | null; line: number | null }) {
  if (!docNumber) return <>—</>;
  return documentId ? <Link to={`/documents/${documentId}#l${line}`}>{docNumber} 第{line}行</Link> : <>{docNumber}</>;
}

/** A person: posts over time, every body seat, liaison and office role, and what other modules say. */
export default function PersonPage() {
  const { id = '' } = useParams();
  const person = useApi<PersonDetail>(`/api/people/${id}`);
  if (person.loading && !person.data) return <PageLoading />;
  if (!person.data) return <ErrorAlert error={person.error} onRetry={person.reload} title="加载失败" />;
  const p = person.data;
  return (
    <>
      <PageHeader
        title={p.name}
        description={
          <Space wrap>
            <span>{p.organization ?? '单位未知'}</span>
            {p.sameAs.map((s) => (
              <Tag key={s.id} color="gold">
                已确认与 <Link to={`/directory/people/${s.id}`}>{s.name}</Link> 为同一人
              </Tag>
            ))}
          </Space>
        }
        extra={
          <Link to="/directory/people">
            <Button icon={<ArrowLeftOutlined />}>返回</Button>
          </Link>
        }
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title={`议事协调机构（${p.memberships.length}）`}>
          <Table
            rowKey={(m) => `${m.bodyId}${m.validFrom}${m.role}`}
            size="small"
            pagination={false}
            dataSource={p.memberships}
            locale={{ emptyText: '未担任议事协调机构组成人员' }}
            columns={[
              { title: '机构', dataIndex: 'body', render: (b: string, m) => <Link to={`/bodies/${m.bodyId}?on=${m.validFrom}`}>{b}</Link> },
              { title: '职务', dataIndex: 'role', width: 110, render: (r: string, m) => <Tag color={RANK[m.rank]}>{r}</Tag> },
              { title: '时任职务', dataIndex: 'position' },
              { title: '期间', key: 'period', width: 220, render: (_, m) => period(m.validFrom, m.validTo) },
              { title: '依据', key: 'source', width: 260, render: (_, m) => (m.bySuccession ? <Tag color="blue">自动递补</Tag> : <Source {...m} />) },
            ]}
          />
        </Card>
        <Card size="small" title="职务（据公文和任职登记）">
          <Table
            rowKey={(h) => `${h.postId}${h.docNumber}${h.validFrom}`}
            size="small"
            pagination={false}
            dataSource={p.posts}
            columns={[
              { title: '职务', dataIndex: 'post', width: 260 },
              { title: '公文写法', dataIndex: 'position' },
              { title: '期间', key: 'period', width: 220, render: (_, h) => period(h.validFrom, h.validTo) },
              {
                title: '依据',
                key: 'source',
                width: 240,
                render: (_, h) => (h.source === 'appointment' ? <Tag color="purple">任职登记{h.predecessor ? `（接替${h.predecessor}）` : ''}{h.note ? `：${h.note}` : ''}</Tag> : <Source {...h} />),
              },
            ]}
          />
        </Card>
        {p.liaisons.length + p.offices.length > 0 ? (
          <Card size="small" title="联络员与办公室">
            <List
              size="small"
              dataSource={[
                ...p.offices.map((o) => ({ key: `o${o.bodyId}${o.docNumber}`, text: `${o.body} ${o.role}（办公室设在${o.unit}）`, bodyId: o.bodyId, docNumber: o.docNumber })),
                ...p.liaisons.map((l) => ({ key: `l${l.bodyId}${l.docNumber}`, text: `${l.body} 联络员（${l.unit}）`, bodyId: l.bodyId, docNumber: l.docNumber })),
              ]}
              renderItem={(i) => (
                <List.Item key={i.key}>
                  <Link to={`/bodies/${i.bodyId}`}>{i.text}</Link>
                  <Typography.Text type="secondary">{i.docNumber}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        ) : null}
        <Card size="small" title="其他事项中的记载（民生实事等）">
          {p.mentions.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无" />
          ) : (
            <List
              size="small"
              dataSource={p.mentions}
              renderItem={(m) => (
                <List.Item>
                  <Space>
                    <Tag>{m.kind}</Tag>
                    {m.link ? <Link to={m.link}>{m.title}</Link> : m.title}
                    {m.role ? <Typography.Text type="secondary">{m.role}</Typography.Text> : null}
                    {m.docNumber ? <Typography.Text type="secondary">{m.docNumber}</Typography.Text> : null}
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Space>
    </>
  );
}
