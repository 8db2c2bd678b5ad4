import { Button, Card, Descriptions, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { groupByRank, RANK_LABELS, type BodyDetail, type RosterMember } from './bodiesApi';

function sourceOf(m: RosterMember) {
  if (m.succeeded) {
    return (
      <Tag color="blue">
        {m.validFrom}起自动递补（接替<Link to={`/directory/people/${m.succeeded.personId}`}>{m.succeeded.name}</Link>）
      </Tag>
    );
  }
  return m.docNumber ? (
    <Link to={`/documents/${m.documentId}#l${m.line}`}>
      {m.docNumber} 第{m.line}行
    </Link>
  ) : (
    '—'
  );
}

function columnsFor(onSucceed?: (m: RosterMember) => void): TableColumnsType<RosterMember> {
  const columns: TableColumnsType<RosterMember> = [
    { title: '序号', dataIndex: 'seat', width: 64, align: 'center' },
    { title: '职务', dataIndex: 'role', width: 110 },
    { title: '姓名', dataIndex: 'name', width: 190, render: (name: string, m) => <Link to={`/directory/people/${m.personId}`}>{name}</Link> },
    { title: '单位及职务', dataIndex: 'position' },
    { title: '依据', key: 'source', width: 260, render: (_, m) => sourceOf(m) },
  ];
  if (onSucceed) {
    columns.push({
      title: '',
      key: 'succeed',
      width: 96,
      render: (_, m) =>
        m.rank === 'leader' ? null : (
          <Button type="link" size="small" onClick={() => onSucceed(m)}>
            登记接替
          </Button>
        ),
    });
  }
  return columns;
}

/**
 * The roster on the chosen day, grouped by rank, and the office. `onSucceed` (bodies with
 * automatic succession, for directory managers) records a new holder of a member's post.
 */
export function RosterTab({ body, onSucceed }: { body: BodyDetail; onSucceed?: (m: RosterMember) => void }) {
  if (!body.version) return <Empty description={`${body.day}尚无名单（最早的通知晚于该日）`} />;
  const columns = columnsFor(onSucceed);
  const office = body.version.office;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {groupByRank(body.members).map((g) => (
        <Card
          key={g.rank}
          size="small"
          title={
            <Space>
              <span>{RANK_LABELS[g.rank]}</span>
              <Typography.Text type="secondary">（{g.roles.join('、')}，{g.members.length}人）</Typography.Text>
            </Space>
          }
          data-testid={`rank-${g.rank}`}
        >
          <Table<RosterMember> rowKey="membershipId" size="small" columns={columns} dataSource={g.members} pagination={false} />
        </Card>
      ))}
      {office ? (
        <Card size="small" title="办公室">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="设在">{office.unit}</Descriptions.Item>
            <Descriptions.Item label="主任">{office.director ? holder(office.director) : '—'}</Descriptions.Item>
            {office.deputyDirectors.length > 0 ? (
              <Descriptions.Item label="副主任">
                <Space split="、" wrap>
                  {office.deputyDirectors.map((d) => (
                    <span key={`${d.name}${d.position}`}>{holder(d)}</span>
                  ))}
                </Space>
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label="依据">
              <Link to={`/documents/${body.version.documentId}#l${office.line}`}>
                {body.version.docNumber} 第{office.line}行
              </Link>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
    </Space>
  );
}

function holder(h: { name: string | null; position: string | null; personId: string | null }) {
  const name = h.personId && h.name ? <Link to={`/directory/people/${h.personId}`}>{h.name}</Link> : (h.name ?? '');
  return (
    <>
      {name}
      {h.position ? <Typography.Text type="secondary">（{h.position}）</Typography.Text> : null}
    </>
  );
}
