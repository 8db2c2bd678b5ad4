import { Tabs } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { PageHeader, PageLoading } from '../../ui';

const UsersPage = lazy(() => import('./UsersPage'));
const OrganizationsPage = lazy(() => import('./OrganizationsPage'));

const TABS = [
  { key: 'users', label: '用户' },
  { key: 'organizations', label: '机构' },
];

/** 用户与机构: two tabs, each with its own URL (/admin/users, /admin/organizations). */
export default function AdminPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const active = TABS.find((t) => location.pathname.startsWith(`/admin/${t.key}`))?.key ?? 'users';

  return (
    <>
      <PageHeader title="用户与机构" description="账号、角色与机构名录的维护。角色分配遵循三权分立。" />
      <Tabs activeKey={active} items={TABS} onChange={(key) => navigate(`/admin/${key}`)} style={{ marginBottom: 8 }} />
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route index element={<Navigate to="users" replace />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="organizations" element={<OrganizationsPage />} />
          <Route path="*" element={<Navigate to="users" replace />} />
        </Routes>
      </Suspense>
    </>
  );
}
