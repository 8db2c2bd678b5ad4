import { Tabs } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { PageLoading } from '../../ui';

const ApplicationsPage = lazy(() => import('./ApplicationsPage'));
const ApplicationPage = lazy(() => import('./ApplicationPage'));
const EntryPage = lazy(() => import('./EntryPage'));
const ImportPage = lazy(() => import('./ImportPage'));
const NoticesPage = lazy(() => import('./NoticesPage'));
const NoticePage = lazy(() => import('./NoticePage'));
const NoticePrintPage = lazy(() => import('./NoticePrintPage'));
const PlanPage = lazy(() => import('./PlanPage'));
const LedgerPage = lazy(() => import('./LedgerPage'));

/** Tabs of 体育奖励; who sees which tab follows the permissions (the server decides what each shows). */
const TABS = [
  { key: '', label: '奖励申请', permission: 'awards:read' },
  { key: 'new', label: '成绩录入', permission: 'awards:apply' },
  { key: 'import', label: 'Excel 导入', permission: 'awards:apply' },
  { key: 'notices', label: '公示', permission: 'awards:read' },
  { key: 'plan', label: '当年奖励方案', permission: 'awards:review|awards:approve|awards:disburse|dashboard:read' },
  { key: 'ledger', label: '台账', permission: 'awards:read' },
];

/** 体育奖励 (伊州政办规〔2023〕1号): applications, entry and import, the public notice, the plan, the ledger. */
export default function AwardsPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const { can } = useAuth();
  const tabs = TABS.filter((t) => t.permission.split('|').some((p) => can(p))).map(({ key, label }) => ({ key, label }));
  const segment = location.pathname.replace(/^\/awards\/?/, '').split('/')[0];
  const active = tabs.find((t) => t.key === segment)?.key ?? '';
  const inTabs = segment === '' || tabs.some((t) => t.key === segment);

  return (
    <>
      {inTabs ? <Tabs activeKey={active} items={tabs} onChange={(key) => navigate(`/awards${key ? `/${key}` : ''}`)} style={{ marginBottom: 8 }} /> : null}
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route index element={<ApplicationsPage />} />
          <Route path="new" element={<EntryPage />} />
          <Route path="import" element={<ImportPage />} />
          <Route path="notices" element={<NoticesPage />} />
          <Route path="notices/:id" element={<NoticePage />} />
          <Route path="notices/:id/print" element={<NoticePrintPage />} />
          <Route path="plan" element={<PlanPage />} />
          <Route path="ledger" element={<LedgerPage />} />
          <Route path=":id" element={<ApplicationPage />} />
          <Route path=":id/edit" element={<EntryPage />} />
          <Route path="*" element={<Navigate to="/awards" replace />} />
        </Routes>
      </Suspense>
    </>
  );
}
