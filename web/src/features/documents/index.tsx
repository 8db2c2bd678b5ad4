import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { PageLoading } from '../../ui';

const DocumentsListPage = lazy(() => import('./DocumentsListPage'));
const DocumentDetailPage = lazy(() => import('./DocumentDetailPage'));
const ImportPage = lazy(() => import('./ImportPage'));

/** 公文: list and search, import, and one document in its printed layout (/documents/:id). */
export default function DocumentsPage() {
  const { can } = useAuth();
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route index element={<DocumentsListPage />} />
        <Route path="import" element={can('documents:import') ? <ImportPage /> : <Navigate to="/documents" replace />} />
        <Route path=":id" element={<DocumentDetailPage />} />
      </Routes>
    </Suspense>
  );
}
