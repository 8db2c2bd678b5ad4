import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useAuth, useCurrentUser } from '../../auth/AuthContext';
import { roleLabel } from '../../auth/roles';
import { formatChineseDate, PageHeader, todayDate } from '../../ui';
import { features } from '../registry';

/** Dashboard placeholder: greets the user and lists the modules they can open. */
export default function HomePage() {
  const user = useCurrentUser();
  const { can } = useAuth();
  const modules = features.filter((f) => f.key !== 'home' && can(f.permission));

  return (
    <>
      <PageHeader
        title={`您好，${user.displayName}`}
        description={`${user.organization?.name ?? '未分配机构'} · 今天是${formatChineseDate(todayDate())}`}
      />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Typography.Text type="secondary">您的角色：</Typography.Text>
          {user.roles.length > 0 ? (
            user.roles.map((r) => <Tag key={r}>{roleLabel(r)}</Tag>)
          ) : (
            <Typography.Text type="secondary">暂无角色，请联系系统管理员分配</Typography.Text>
          )}
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        {modules.map((f) => (
          <Col key={f.key} xs={24} sm={12} lg={8} xl={6}>
            <Link to={f.path}>
              <Card hoverable>
                <Space size="middle">
                  <span style={{ fontSize: 24 }}>{f.icon}</span>
                  <Typography.Text strong>{f.label}</Typography.Text>
                </Space>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
