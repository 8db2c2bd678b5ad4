import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Layout, Menu, Result, Space } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { toApiError } from '../api';
import { useAuth, useCurrentUser } from '../auth/AuthContext';
import { featureForPath, features } from '../features/registry';
import { PageErrorBoundary, PageLoading } from '../ui';

const PasswordPage = lazy(() => import('../features/account/PasswordPage'));

const { Header, Sider, Content } = Layout;

function Forbidden() {
  return <Result status="403" title="无权访问" subTitle="您的账号没有访问此模块的权限，如需开通请联系系统管理员。" />;
}

function NotFound() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}

function UserArea() {
  const user = useCurrentUser();
  const { logout } = useAuth();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [leaving, setLeaving] = useState(false);

  // On success the auth state turns anonymous and the route guard (App.tsx) shows the login page.
  const onLogout = async () => {
    setLeaving(true);
    try {
      await logout();
    } catch (error) {
      setLeaving(false);
      void message.error(`退出失败：${toApiError(error).message}`);
    }
  };

  const light = { color: '#fff' };
  return (
    <Space size={4} style={light}>
      <UserOutlined />
      <span>{user.displayName}</span>
      {user.organization ? <span style={{ opacity: 0.8 }}>（{user.organization.name}）</span> : null}
      <Button type="text" size="small" icon={<KeyOutlined />} style={light} onClick={() => navigate('/account/password')}>
        修改密码
      </Button>
      <Button type="text" size="small" icon={<LogoutOutlined />} style={light} loading={leaving} onClick={() => void onLogout()}>
        退出
      </Button>
    </Space>
  );
}

/**
 * The pages. Each registry entry owns its path and everything below it; an entry the user lacks
 * the permission for answers 无权访问 rather than 页面不存在. While the server says the password
 * must be changed, the password page is the only page.
 */
function ShellRoutes({ mustChangePassword }: { mustChangePassword: boolean }) {
  const { can } = useAuth();
  if (mustChangePassword) {
    return (
      <Routes>
        <Route path="/account/password" element={<PasswordPage />} />
        <Route path="*" element={<Navigate to="/account/password" replace />} />
      </Routes>
    );
  }
  return (
    <Routes>
      {features.map((f) => (
        <Route
          key={f.key}
          path={f.path === '/' ? '/' : `${f.path}/*`}
          element={can(f.permission) ? <f.page /> : <Forbidden />}
        />
      ))}
      <Route path="/account/password" element={<PasswordPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

/** The authenticated layout: header, a menu of the modules this user may open, and the page. */
export default function AppShell() {
  const { can } = useAuth();
  const { mustChangePassword } = useCurrentUser();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);

  const menuItems = useMemo(
    () =>
      mustChangePassword
        ? []
        : features
            .filter((f) => can(f.permission))
            .map((f) => ({ key: f.key, icon: f.icon, label: <Link to={f.path}>{f.label}</Link> })),
    [can, mustChangePassword],
  );
  const selected = featureForPath(location.pathname);

  // AntApp gives pages message/modal/notification through App.useApp(). It wraps the shell, not
  // main.tsx, so that the login route does not load the Modal and notification code.
  return (
    <AntApp>
      <Layout style={{ minHeight: '100vh' }}>
        <Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16 }}>
          <Link to="/" style={{ color: '#fff', display: 'flex', alignItems: 'baseline', gap: 12, whiteSpace: 'nowrap' }}>
            <span style={{ fontSize: 20, fontWeight: 600, letterSpacing: 4 }}>伊政通</span>
            <span style={{ color: 'rgba(255,255,255,0.85)', fontSize: 13 }}>伊犁哈萨克自治州人民政府办公厅</span>
          </Link>
          <UserArea />
        </Header>
        <Layout>
          <Sider width={200} collapsible collapsed={collapsed} onCollapse={setCollapsed} theme="light" breakpoint="lg">
            <Menu
              mode="inline"
              items={menuItems}
              selectedKeys={selected ? [selected.key] : []}
              style={{ borderInlineEnd: 0 }}
            />
          </Sider>
          <Content style={{ padding: 24, minWidth: 0 }}>
            <PageErrorBoundary key={selected?.key ?? location.pathname}>
              <Suspense fallback={<PageLoading />}>
                <ShellRoutes mustChangePassword={mustChangePassword} />
              </Suspense>
            </PageErrorBoundary>
          </Content>
        </Layout>
      </Layout>
    </AntApp>
  );
}
