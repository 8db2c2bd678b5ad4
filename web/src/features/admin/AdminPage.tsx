import { Tabs } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { PageHeader, PageLoading } from '../../ui';

const UsersPage = lazy(() => import('./UsersPage'));
const OrganizationsPage = lazy(() => import('./OrganizationsPage'));

const TABS = [
  { key: 'users', label: '用户', permission: 'users:read' },
  { key: 'organizations', label: '机构', permission: 'organizations:read' },
];

/** 用户与机构: two tabs, each with its own URL (/admin/users, /admin/organizations). */
export default function AdminPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const { can } = useAuth();
  const tabs = TABS.filter((t) => can(t.permission)).map(({ key, label }) => ({ key, label }));
  const active = tabs.find((t) => location.pathname.startsWith(`/admin/${t.key}`))?.key ?? 'users';

  return (
    <>
      <PageHeader title="用户与机构" description="账号、角色与机构名录的维护。角色分配遵循三权分立。" />
      <Tabs activeKey={active} items={tabs} onChange={(key) => navigate(`/admin/${key}`)} style={{ marginBottom: 8 }} />
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route index element={<Navigate to="/admin/users" replace />} />
          <Route path="users" element={<UsersPage />} />
          {can('organizations:read') ? <Route path="organizations" element={<OrganizationsPage />} /> : null}
          <Route path="*" element={<Navigate to="/admin/users" replace />} />
        </Routes>
      </Suspense>
    </>
  );
}
