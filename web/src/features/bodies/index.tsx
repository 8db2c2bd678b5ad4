import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { PageLoading } from '../../ui';

const BodiesListPage = lazy(() => import('./BodiesListPage'));
const BodyPage = lazy(() => import('./BodyPage'));

/** 议事协调机构: the list, and one body (/bodies/:id). */
export default function BodiesPage() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route index element={<BodiesListPage />} />
        <Route path=":id" element={<BodyPage />} />
      </Routes>
    </Suspense>
  );
}
