import { Tabs } from 'antd';
import { lazy, Suspense } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { PageHeader, PageLoading } from '../../ui';

const ProjectsPage = lazy(() => import('./ProjectsPage'));
// ECharts is only loaded with the dashboard (its own chunk).
const DashboardPage = lazy(() => import('./DashboardPage'));
const MyTasksPage = lazy(() => import('./MyTasksPage'));
const ReportingPage = lazy(() => import('./ReportingPage'));
const SupervisionsPage = lazy(() => import('./SupervisionsPage'));
const MeasurePage = lazy(() => import('./MeasurePage'));

const TABS = [
  { key: '', label: '项目与措施', permission: 'livelihood:read' },
  { key: 'dashboard', label: '领导驾驶舱', permission: 'livelihood:read' },
  { key: 'my-tasks', label: '我的任务', permission: 'livelihood:report' },
  { key: 'reporting', label: '报送情况', permission: 'livelihood:read' },
  { key: 'supervisions', label: '现场督办', permission: 'livelihood:read' },
];

/** 民生实事 (伊州政办发〔2023〕8号): projects and lights, the leaders' dashboard, a unit's tasks, reporting, supervision. */
export default function LivelihoodPage() {
  const { can } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const tabs = TABS.filter((t) => can(t.permission));
  const segment = location.pathname.replace(/^\/livelihood\/?/, '').split('/')[0];
  const active = tabs.some((t) => t.key === segment) ? segment : '';
  return (
    <>
      <PageHeader title="民生实事" description="依据伊州政办发〔2023〕8号：十件民生实事，责任单位每月报送进展，按季度报自治州人民政府督查室；红黄绿灯由系统按报送情况计算。" />
      {segment !== 'measures' ? (
        <Tabs activeKey={active} items={tabs.map(({ key, label }) => ({ key, label }))} onChange={(key) => navigate(key ? `/livelihood/${key}` : '/livelihood')} style={{ marginBottom: 8 }} />
      ) : null}
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route index element={<ProjectsPage />} />
          <Route path="dashboard" element={<DashboardPage />} />
          {can('livelihood:report') ? <Route path="my-tasks" element={<MyTasksPage />} /> : null}
          <Route path="reporting" element={<ReportingPage />} />
          <Route path="supervisions" element={<SupervisionsPage />} />
          <Route path="measures/:id" element={<MeasurePage />} />
        </Routes>
      </Suspense>
    </>
  );
}
