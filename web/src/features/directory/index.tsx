import { Tabs } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { PageHeader, PageLoading } from '../../ui';

const PeoplePage = lazy(() => import('./PeoplePage'));
const PersonPage = lazy(() => import('./PersonPage'));
const OrganizationsPage = lazy(() => import('./OrganizationsPage'));
const DuplicatesPage = lazy(() => import('./DuplicatesPage'));

const TABS = [
  { key: 'people', label: '人员' },
  { key: 'organizations', label: '单位与简称' },
  { key: 'duplicates', label: '疑似重复' },
];

/** 机构与人员: people (pinyin search, person pages), organisations with aliases, duplicates to review. */
export default function DirectoryPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const active = TABS.find((t) => location.pathname.startsWith(`/directory/${t.key}`))?.key ?? 'people';
  const onPerson = /^\/directory\/people\/[^/]+/.test(location.pathname);
  return (
    <>
      {onPerson ? null : (
        <>
          <PageHeader title="机构与人员" description="人员及其职务均来自已导入的公文，每条记录可追溯到公文的具体行；译名用字不同的疑似同一人由人工确认，系统不自动合并。" />
          <Tabs activeKey={active} items={TABS} onChange={(key) => navigate(`/directory/${key}`)} style={{ marginBottom: 8 }} />
        </>
      )}
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route index element={<Navigate to="/directory/people" replace />} />
          <Route path="people" element={<PeoplePage />} />
          <Route path="people/:id" element={<PersonPage />} />
          <Route path="organizations" element={<OrganizationsPage />} />
          <Route path="duplicates" element={<DuplicatesPage />} />
          <Route path="*" element={<Navigate to="/directory/people" replace />} />
        </Routes>
      </Suspense>
    </>
  );
}
