import { Button, Flex } from 'antd';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth/AuthContext';
// Imported file by file, not from the ui/ barrel, to keep the first chunk (the login route) lean.
import { ErrorAlert } from './ui/ErrorAlert';
import { PageErrorBoundary } from './ui/PageErrorBoundary';
import { PageLoading } from './ui/PageLoading';

// The login page and the authenticated shell are separate chunks: a visitor to /login loads
// neither the layout nor any feature page.
const LoginPage = lazy(() => import('./features/auth/LoginPage'));
const AppShell = lazy(() => import('./shell/AppShell'));

/** Renders the shell for a logged-in user; sends everyone else to /login and back afterwards. */
function RequireAuth() {
  const { state, refresh } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') return <PageLoading fullScreen />;
  if (state.status === 'error') {
    return (
      <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16 }}>
        <ErrorAlert error={state.error} title="暂时无法连接伊政通服务器" style={{ width: '100%', maxWidth: 480 }} />
        <Button type="primary" onClick={() => void refresh()}>
          重试
        </Button>
      </Flex>
    );
  }
  if (state.status === 'anonymous') {
    const from = state.reason === 'logout' ? undefined : location.pathname + location.search;
    return <Navigate to="/login" replace state={from ? { from } : null} />;
  }
  return <AppShell />;
}

export function App() {
  return (
    <BrowserRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <AuthProvider>
        <PageErrorBoundary>
          <Suspense fallback={<PageLoading fullScreen />}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/*" element={<RequireAuth />} />
            </Routes>
          </Suspense>
        </PageErrorBoundary>
      </AuthProvider>
    </BrowserRouter>
  );
}
