import { Result, Spin } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ApiError, setUnauthenticatedHandler } from '../api/client';
import { ChangePasswordPage } from '../pages/ChangePasswordPage';
import { LoginPage } from '../pages/LoginPage';
import { AppLayout, MODULE_PATHS } from './AppLayout';
import { SessionProvider, useMe } from './session';

const OverviewPage = lazy(() => import('../modules/overview/OverviewPage'));
const IndicatorsPage = lazy(() => import('../modules/indicators/IndicatorsPage'));
const BalancePage = lazy(() => import('../modules/indicators/BalancePage'));
const StatsPage = lazy(() => import('../modules/stats/StatsPage'));
const SchoolListPage = lazy(() => import('../modules/schools/SchoolListPage'));
const SchoolDetailPage = lazy(() => import('../modules/schools/SchoolDetailPage'));
const TeacherListPage = lazy(() => import('../modules/teachers/TeacherListPage'));
const TeacherDetailPage = lazy(() => import('../modules/teachers/TeacherDetailPage'));
const TeacherAnalysisPage = lazy(() => import('../modules/teachers/AnalysisPage'));
const TrainingPage = lazy(() => import('../modules/teachers/TrainingPage'));
const AidListsPage = lazy(() => import('../modules/aid/ListsPage'));
const AidListDetailPage = lazy(() => import('../modules/aid/ListDetailPage'));
const AidBatchesPage = lazy(() => import('../modules/aid/BatchesPage'));
const AidBatchDetailPage = lazy(() => import('../modules/aid/BatchDetailPage'));
const AidDashboardPage = lazy(() => import('../modules/aid/DashboardPage'));
const AidProgramsPage = lazy(() => import('../modules/aid/ProgramsPage'));
const AidPublicityPage = lazy(() => import('../modules/aid/PublicityPage'));
const AidHistoryPage = lazy(() => import('../modules/aid/HistoryPage'));
const ReportListPage = lazy(() => import('../modules/reports/ReportListPage'));
const ReportEditorPage = lazy(() => import('../modules/reports/ReportEditorPage'));
const ImportPage = lazy(() => import('../modules/imports/ImportPage'));
const UserListPage = lazy(() => import('../modules/users/UserListPage'));
const AuditLogPage = lazy(() => import('../modules/audit/AuditLogPage'));

function Loading() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', height: '60vh' }}>
      <Spin size="large" />
    </div>
  );
}

function Authenticated() {
  const { data: me, error, isLoading } = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(
    () => setUnauthenticatedHandler(() => navigate('/login', { replace: true, state: { from: location.pathname } })),
    [navigate, location.pathname],
  );
  if (isLoading) return <Loading />;
  if (error instanceof ApiError && (error.status === 401 || error.status === 403))
    return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (error || !me) return <Result status="error" title="无法连接服务器" subTitle={(error as Error)?.message} />;
  if (me.mustChangePassword) return <ChangePasswordPage forced />;
  const modules = new Set(me.modules.map((m) => m.key));
  const home = MODULE_PATHS[me.modules[0]?.key ?? ''] ?? '/';
  return (
    <SessionProvider me={me}>
      <AppLayout>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={modules.has('overview') ? <OverviewPage /> : <Navigate to={home} replace />} />
            {modules.has('indicators') && <Route path="/indicators" element={<IndicatorsPage />} />}
            {modules.has('balance') && <Route path="/balance" element={<BalancePage />} />}
            {modules.has('stats') && <Route path="/stats" element={<StatsPage />} />}
            {modules.has('schools') && <Route path="/schools" element={<SchoolListPage />} />}
            {modules.has('schools') && <Route path="/schools/:id" element={<SchoolDetailPage />} />}
            {modules.has('teachers') && <Route path="/teachers" element={<TeacherListPage />} />}
            {modules.has('teachers') && <Route path="/teachers/analysis" element={<TeacherAnalysisPage />} />}
            {modules.has('teachers') && <Route path="/teachers/training" element={<TrainingPage />} />}
            {modules.has('teachers') && <Route path="/teachers/:id" element={<TeacherDetailPage />} />}
            {modules.has('aid') && <Route path="/aid" element={<AidListsPage />} />}
            {modules.has('aid') && <Route path="/aid/lists/:id" element={<AidListDetailPage />} />}
            {modules.has('aid') && <Route path="/aid/batches" element={<AidBatchesPage />} />}
            {modules.has('aid') && <Route path="/aid/batches/:id" element={<AidBatchDetailPage />} />}
            {modules.has('aid') && <Route path="/aid/dashboard" element={<AidDashboardPage />} />}
            {modules.has('aid') && <Route path="/aid/programs" element={<AidProgramsPage />} />}
            {modules.has('aid') && <Route path="/aid/publicity" element={<AidPublicityPage />} />}
            {modules.has('aid') && <Route path="/aid/history" element={<AidHistoryPage />} />}
            {modules.has('reports') && <Route path="/reports" element={<ReportListPage />} />}
            {modules.has('reports') && <Route path="/reports/:id" element={<ReportEditorPage />} />}
            {modules.has('imports') && <Route path="/imports" element={<ImportPage />} />}
            {modules.has('users') && <Route path="/users" element={<UserListPage />} />}
            {modules.has('audit') && <Route path="/audit" element={<AuditLogPage />} />}
            <Route path="/password" element={<ChangePasswordPage />} />
            <Route
              path="*"
              element={<Result status="404" title="页面不存在" subTitle="该页面不存在，或您没有访问权限。" />}
            />
          </Routes>
        </Suspense>
      </AppLayout>
    </SessionProvider>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/*" element={<Authenticated />} />
    </Routes>
  );
}
