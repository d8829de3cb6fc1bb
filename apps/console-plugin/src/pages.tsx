/**
 * The exposed module `pages`: one component per `console.page/route` extension
 * (console-extensions.json). Each renders the same page as the standalone app.
 */
import { Navigate } from 'react-router';
import { ROUTE_BASE } from './plugin.js';
import { PluginPage } from './PluginPage.js';

export const RegistryIndex = () => <Navigate to={`${ROUTE_BASE}/overview`} replace />;
export const OverviewPage = () => <PluginPage path="overview" />;
export const TimelinePage = () => <PluginPage path="timeline" />;
export const ConfigPage = () => <PluginPage path="config" />;
export const PodsPage = () => <PluginPage path="pods" />;
export const PodLogsPage = () => <PluginPage path="pods/:namespace/:name/logs" />;
export const WorkloadsPage = () => <PluginPage path="workloads" />;
export const DeploymentPage = () => <PluginPage path="workloads/deployments/:name" />;
export const DaemonSetPage = () => <PluginPage path="workloads/daemonsets/:name" />;
export const CronJobPage = () => <PluginPage path="workloads/cronjobs/:name" />;
export const RoutesPage = () => <PluginPage path="workloads/routes" />;
export const DiagnosticsPage = () => <PluginPage path="diagnostics" />;
export const TrustPage = () => <PluginPage path="trust" />;
export const PullSecretPage = () => <PluginPage path="pull-secret" />;
export const MigrationPage = () => <PluginPage path="migrate-images" />;
