import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { PageLoading } from '../../ui';

const PressHomePage = lazy(() => import('./PressHomePage'));
const FormPage = lazy(() => import('./FormPage'));
const PrintPage = lazy(() => import('./PrintPage'));

/** 新闻发布 (伊州政办发〔2023〕6号): the plan and its forms, one form (/press/forms/:id), its print layout. */
export default function PressPage() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route index element={<PressHomePage />} />
        <Route path="forms/:id" element={<FormPage />} />
        <Route path="forms/:id/print" element={<PrintPage />} />
      </Routes>
    </Suspense>
  );
}
