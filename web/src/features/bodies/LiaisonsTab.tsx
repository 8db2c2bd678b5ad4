import { Card, Empty, List, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { BodyDetail, RosterLiaison } from './bodiesApi';

/** 联络员: one per member unit, and their duties as the notice lists them. */
export function LiaisonsTab({ body }: { body: BodyDetail }) {
  const duties = body.version?.liaisonDuties ?? [];
  if (body.liaisons.length === 0) return <Empty description="该机构未建立联络员制度" />;
  return (
    <>
      <Table<RosterLiaison>
        rowKey="seat"
        size="small"
        pagination={false}
        dataSource={body.liaisons}
        columns={[
          { title: '序号', dataIndex: 'seat', width: 64, align: 'center' },
          { title: '姓名', dataIndex: 'name', width: 180, render: (n: string, l) => <Link to={`/directory/people/${l.personId}`}>{n}</Link> },
          { title: '成员单位', dataIndex: 'unit', width: 220 },
          { title: '职务', dataIndex: 'position' },
        ]}
      />
      {duties.length > 0 ? (
        <Card size="small" title="联络员工作职责" style={{ marginTop: 16 }}>
          <List
            dataSource={duties}
            renderItem={(d, k) => (
              <List.Item>
                <Typography.Text>
                  （{k + 1}）{d}
                </Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
    </>
  );
}
