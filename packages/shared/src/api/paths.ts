/**
 * Route paths of the BFF, relative to the API base. The web app prefixes them with `/api/v1`
 * standalone, or with `/api/proxy/plugin/image-registry-console-plugin/api/api/v1` behind the
 * console proxy: routes must stay path-relative, so both work.
 */
export const API_PREFIX = '/api/v1';

export const ApiPaths = {
  config: '/api/v1/config',
  storageCredentials: '/api/v1/storage/credentials',
  stream: '/api/v1/stream',
  timeline: '/api/v1/timeline',
  historyTraffic: '/api/v1/history/traffic',
  pods: '/api/v1/pods',
  /** `:namespace/:name/log`: fill with {@link podLogPath}. */
  podLog: '/api/v1/pods/:namespace/:name/log',
  diagnostics: '/api/v1/diagnostics',
  me: '/api/v1/me',
  openapi: '/api/openapi.json',
  healthz: '/healthz',
  readyz: '/readyz',
  metrics: '/metrics',
} as const;

export function podLogPath(namespace: string, name: string): string {
  return `/api/v1/pods/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}/log`;
}

/** Double-submit CSRF: the same names the OpenShift console uses, so one web client fits both. */
export const CSRF_COOKIE = 'csrf-token';
export const CSRF_HEADER = 'x-csrftoken';
