import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { PageErrorBoundary } from '../ui/PageErrorBoundary.js';
import { PageLoading } from '../ui/states.js';

// Every page is its own chunk: the shell loads first, pages on demand.
const OverviewPage = lazy(() => import('../overview/OverviewPage.js'));
const TimelinePage = lazy(() => import('../timeline/TimelinePage.js'));
const ConfigLayout = lazy(() => import('../config/ConfigLayout.js'));
const StorageSection = lazy(() => import('../config/storage/StorageSection.js'));
const ReplicasSection = lazy(() => import('../config/replicas/ReplicasSection.js'));
const ProxySection = lazy(() => import('../config/proxy/ProxySection.js'));
const RoutesSection = lazy(() => import('../config/routes/RoutesSection.js'));
const RequestsSection = lazy(() => import('../config/requests/RequestsSection.js'));
const AdvancedSection = lazy(() => import('../config/advanced/AdvancedSection.js'));
const YamlSection = lazy(() => import('../config/yaml/YamlSection.js'));
const PodsPage = lazy(() => import('../pods/PodsPage.js'));
const PodLogsPage = lazy(() => import('../pods/PodLogsPage.js'));
const WorkloadsPage = lazy(() => import('../workloads/WorkloadsPage.js'));
const DeploymentPage = lazy(() => import('../workloads/DeploymentPage.js'));
const DaemonSetPage = lazy(() => import('../workloads/DaemonSetPage.js'));
const CronJobPage = lazy(() => import('../workloads/CronJobPage.js'));
const RoutesPage = lazy(() => import('../workloads/RoutesPage.js'));
const DiagnosticsPage = lazy(() => import('../diagnostics/DiagnosticsPage.js'));
const TrustPage = lazy(() => import('../trust/TrustPage.js'));
const PullSecretPage = lazy(() => import('../pullsecret/PullSecretPage.js'));
const MigrationPage = lazy(() => import('../migration/MigrationPage.js'));
const NotFoundPage = lazy(() => import('./NotFoundPage.js'));

function page(node: ReactNode): ReactNode {
  return (
    <PageErrorBoundary>
      <Suspense fallback={<PageLoading />}>{node}</Suspense>
    </PageErrorBoundary>
  );
}

/** The app's pages, relative to the shell's route prefix (standalone: `/`). */
export const pageRoutes: RouteObject[] = [
  { index: true, element: <Navigate to="overview" replace /> },
  { path: 'overview', element: page(<OverviewPage />) },
  { path: 'timeline', element: page(<TimelinePage />) },
  {
    path: 'config',
    element: page(<ConfigLayout />),
    children: [
      { index: true, element: <Navigate to="storage" replace /> },
      { path: 'storage', element: page(<StorageSection />) },
      { path: 'replicas', element: page(<ReplicasSection />) },
      { path: 'proxy', element: page(<ProxySection />) },
      { path: 'routes', element: page(<RoutesSection />) },
      { path: 'requests', element: page(<RequestsSection />) },
      { path: 'advanced', element: page(<AdvancedSection />) },
      { path: 'yaml', element: page(<YamlSection />) },
    ],
  },
  { path: 'pods', element: page(<PodsPage />) },
  { path: 'pods/:namespace/:name/logs', element: page(<PodLogsPage />) },
  { path: 'workloads', element: page(<WorkloadsPage />) },
  { path: 'workloads/deployments/:name', element: page(<DeploymentPage />) },
  { path: 'workloads/daemonsets/:name', element: page(<DaemonSetPage />) },
  { path: 'workloads/cronjobs/:name', element: page(<CronJobPage />) },
  { path: 'workloads/routes', element: page(<RoutesPage />) },
  { path: 'diagnostics', element: page(<DiagnosticsPage />) },
  { path: 'trust', element: page(<TrustPage />) },
  { path: 'pull-secret', element: page(<PullSecretPage />) },
  { path: 'migrate-images', element: page(<MigrationPage />) },
  { path: '*', element: page(<NotFoundPage />) },
];

export interface NavEntry {
  path: string;
  label: string;
}

export function navEntries(t: (key: string) => string): NavEntry[] {
  return [
    { path: '/overview', label: t('Overview') },
    { path: '/timeline', label: t('Condition timeline') },
    { path: '/config', label: t('Configuration') },
    { path: '/workloads', label: t('Workloads') },
    { path: '/pods', label: t('Pods and logs') },
    { path: '/diagnostics', label: t('Diagnostics') },
    { path: '/trust', label: t('Trusted registries') },
    { path: '/pull-secret', label: t('Registry credentials') },
    { path: '/migrate-images', label: t('Migrate image references') },
  ];
}
