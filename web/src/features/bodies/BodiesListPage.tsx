import { Card, Col, Empty, Row, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorAlert, PageHeader, PageLoading, useApi } from '../../ui';
import type { BodySummary } from './bodiesApi';

/** 议事协调机构: one card per body with its leader, size and the notice its roster comes from. */
export default function BodiesListPage() {
  const bodies = useApi<{ items: BodySummary[] }>('/api/bodies');
  if (bodies.loading && !bodies.data) return <PageLoading />;
  const items = bodies.data?.items ?? [];
  return (
    <>
      <PageHeader title="议事协调机构" description="由组成人员通知建立：名单按通知的成文日期生效，调整通知形成新版本，历史可查。" />
      <ErrorAlert error={bodies.error} onRetry={bodies.reload} title="加载失败" />
      {items.length === 0 && !bodies.error ? <Empty description="尚无议事协调机构：导入组成人员通知后自动建立" /> : null}
      <Row gutter={[16, 16]}>
        {items.map((b) => (
          <Col key={b.id} xs={24} md={12} xl={8}>
            <Link to={`/bodies/${b.id}`}>
              <Card hoverable title={<span style={{ whiteSpace: 'normal' }}>{b.name}</span>} style={{ height: '100%' }}>
                <Space direction="vertical" size={8} style={{ width: '100%' }}>
                  <Space wrap size={[4, 4]}>
                    {b.docNumber ? <Tag color="red">{b.docNumber}</Tag> : null}
                    {b.versions > 1 ? <Tag>第{b.versions}版</Tag> : null}
                    {b.automaticSuccession ? <Tag color="blue">自动递补</Tag> : null}
                  </Space>
                  <Typography.Text>
                    {b.leaders.map((l) => `${l.role}：${l.name}`).join('；') || '—'}
                  </Typography.Text>
                  <Space size={32}>
                    <Statistic title="组成人员" value={b.members} suffix="人" />
                    {b.liaisons > 0 ? <Statistic title="联络员" value={b.liaisons} suffix="人" /> : null}
                  </Space>
                  {b.officeUnit ? <Typography.Text type="secondary">办公室设在{b.officeUnit}</Typography.Text> : null}
                </Space>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
