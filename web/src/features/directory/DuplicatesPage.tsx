import { App, Button, Card, Col, Empty, Row, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { toApiError } from '../../api';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert, formatDateTime, PageLoading, useApi } from '../../ui';
import { directoryApi, duplicatesPath, type Duplicate, type DuplicatePerson } from './directoryApi';

const STATUS = { pending: { text: '待核对', color: 'orange' }, confirmed: { text: '已确认为同一人', color: 'gold' }, rejected: { text: '已排除', color: 'default' } } as const;

function PersonCard({ p }: { p: DuplicatePerson }) {
  return (
    <Card size="small" type="inner" title={<Link to={`/directory/people/${p.id}`}>{p.name}</Link>}>
      <div>{p.organization ?? '单位未知'}</div>
      {p.positions.map((x) => (
        <Typography.Text key={x} type="secondary" style={{ display: 'block' }}>
          {x}
        </Typography.Text>
      ))}
    </Card>
  );
}

/** Probable duplicates (吐/土, 布/不 …): a person confirms or rejects each pair; nothing merges by itself. */
export default function DuplicatesPage() {
  const [all, setAll] = useState(false);
  const list = useApi<{ items: Duplicate[] }>(duplicatesPath(all));
  const canManage = useAuth().can('directory:manage');
  const { message } = App.useApp();
  const decide = async (d: Duplicate, decision: 'confirmed' | 'rejected') => {
    try {
      await directoryApi.review([d.people[0].id, d.people[1].id], decision);
      void message.success(decision === 'confirmed' ? `已确认：${d.names.join(' / ')} 为同一人` : `已排除：${d.names.join(' / ')}`);
      list.reload();
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  };
  if (list.loading && !list.data) return <PageLoading />;
  const items = list.data?.items ?? [];
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Switch checked={all} onChange={setAll} aria-label="显示已处理" />
        <span>显示已确认和已排除的</span>
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {items.length === 0 ? <Empty description="没有待核对的疑似重复人员" /> : null}
      {items.map((d) => (
        <Card
          key={`${d.people[0].id}${d.people[1].id}`}
          size="small"
          style={{ marginBottom: 12 }}
          title={
            <Space>
              <span>{d.names.join(' / ')}</span>
              <Tag color={STATUS[d.status].color}>{STATUS[d.status].text}</Tag>
            </Space>
          }
          extra={
            canManage ? (
              <Space>
                <Button size="small" type="primary" disabled={d.status === 'confirmed'} onClick={() => void decide(d, 'confirmed')}>
                  是同一人
                </Button>
                <Button size="small" disabled={d.status === 'rejected'} onClick={() => void decide(d, 'rejected')}>
                  不是同一人
                </Button>
              </Space>
            ) : null
          }
        >
          <Typography.Paragraph>{d.reason}</Typography.Paragraph>
          <Row gutter={12}>
            <Col span={12}>
              <PersonCard p={d.people[0]} />
            </Col>
            <Col span={12}>
              <PersonCard p={d.people[1]} />
            </Col>
          </Row>
          {d.decidedBy ? (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
              {d.decidedBy} 于 {formatDateTime(d.decidedAt)} 处理{d.note ? `：${d.note}` : ''}
            </Typography.Text>
          ) : null}
        </Card>
      ))}
    </>
  );
}
