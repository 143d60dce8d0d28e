import { Result, Spin } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ApiError, setUnauthenticatedHandler } from '../api/client';
import { ChangePasswordPage } from '../pages/ChangePasswordPage';
import { LoginPage } from '../pages/LoginPage';
import { AppLayout } from './AppLayout';
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
const ImportPage = lazy(() => import('../modules/imports/ImportPage'));
const UserListPage = lazy(() => import('../modules/users/UserListPage'));
const AuditLogPage = lazy(() => import('../modules/audit/AuditLogPage'));

const HOME_BY_MODULE: Record<string, string> = {
  overview: '/',
  schools: '/schools',
  teachers: '/teachers',
  imports: '/imports',
  users: '/users',
  audit: '/audit',
};

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
  const home = HOME_BY_MODULE[me.modules[0]?.key ?? ''] ?? '/';
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
