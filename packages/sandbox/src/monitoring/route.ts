import { forbidden } from '../core/errors.js';
import type { RbacAuthorizer } from '../apiserver/rbac/authorizer.js';
import { forbiddenMessage } from '../apiserver/rbac/authorizer.js';
import type { ExtraRoute } from '../apiserver/http/server.js';
import { EXPOSITION_CONTENT_TYPE, expose } from './exposition.js';
import { METRICS_PATHS, type MetricsJob, type SandboxMonitoring } from './index.js';

const JOB_BY_PATH = new Map<string, MetricsJob>(
  Object.entries(METRICS_PATHS).map(([job, path]) => [path, job as MetricsJob]),
);

/**
 * The metrics endpoints. Like a component's kube-rbac-proxy they want a user allowed to `get`
 * the path (a non-resource URL: cluster-admin here), which is what Prometheus scrapes with.
 */
export function metricsRoute(
  monitoring: () => SandboxMonitoring | undefined,
  authorizer: RbacAuthorizer,
): ExtraRoute {
  return (req, res, url, user) => {
    const path = url.pathname.replace(/\/+$/, '');
    const job = JOB_BY_PATH.get(path);
    if (!job || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    if (!authorizer.authorize({ user, verb: 'get', path }).allowed)
      throw forbidden('', '', undefined, `forbidden: ${forbiddenMessage({ user, verb: 'get', path })}`);
    const collector = monitoring()?.collectors[job];
    const body = collector ? expose(collector.collect()) : '';
    res.writeHead(200, { 'Content-Type': EXPOSITION_CONTENT_TYPE });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
