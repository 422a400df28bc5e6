import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from '../auth/SessionContext';
import { CALLBACK_PATH } from '../auth/console-config';
import { SignInPage } from '../auth/SignInPage';
import { NotFoundPage } from '../pages/errors/FailurePages';
import { workbenchChunk } from '../pages/workbench/workbench-chunk';
import { ConsoleLayout } from './ConsoleLayout';
import { lazyPage } from './lazy-page';

// Each page is its own chunk: the first page loads only what it shows. The 工作台's is usually
// here before the first render (main.tsx fetched it), and then renders without suspending.
const WorkbenchPage = lazyPage(workbenchChunk);
const BoardPage = lazy(() => import('../pages/board/BoardPage'));
const MatterPage = lazy(() => import('../pages/board/MatterPage'));
const DocumentsPage = lazy(() => import('../pages/documents/DocumentsPage'));
const DocumentPage = lazy(() => import('../pages/documents/DocumentPage'));
const InfoPage = lazy(() => import('../pages/info/InfoPage'));
const CataloguePage = lazy(() => import('../pages/catalogue/CataloguePage'));
const AssessmentPage = lazy(() => import('../pages/assessment/AssessmentPage'));
const QueriesPage = lazy(() => import('../pages/queries/QueriesPage'));
const AdminPage = lazy(() => import('../pages/admin/AdminPage'));
const OidcCallbackPage = lazy(() => import('../auth/OidcCallbackPage'));

export function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (!session) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return children;
}

const loading = <Spin style={{ display: 'block', margin: 48 }} />;

export function ConsoleRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route
        path={CALLBACK_PATH}
        element={
          <Suspense fallback={loading}>
            <OidcCallbackPage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireSession>
            <ConsoleLayout />
          </RequireSession>
        }
      >
        <Route
          index
          element={
            <Suspense fallback={loading}>
              <WorkbenchPage />
            </Suspense>
          }
        />
        <Route
          path="board"
          element={
            <Suspense fallback={loading}>
              <BoardPage />
            </Suspense>
          }
        />
        <Route
          path="board/matters/:id"
          element={
            <Suspense fallback={loading}>
              <MatterPage />
            </Suspense>
          }
        />
        <Route
          path="documents"
          element={
            <Suspense fallback={loading}>
              <DocumentsPage />
            </Suspense>
          }
        />
        <Route
          path="documents/:id"
          element={
            <Suspense fallback={loading}>
              <DocumentPage />
            </Suspense>
          }
        />
        <Route
          path="info"
          element={
            <Suspense fallback={loading}>
              <InfoPage />
            </Suspense>
          }
        />
        <Route
          path="catalogue"
          element={
            <Suspense fallback={loading}>
              <CataloguePage />
            </Suspense>
          }
        />
        <Route
          path="assessment"
          element={
            <Suspense fallback={loading}>
              <AssessmentPage />
            </Suspense>
          }
        />
        <Route
          path="queries"
          element={
            <Suspense fallback={loading}>
              <QueriesPage />
            </Suspense>
          }
        />
        <Route
          path="admin"
          element={
            <Suspense fallback={loading}>
              <AdminPage />
            </Suspense>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
