import type { MeResponse, PodSummary } from '../api/contract.js';
import type { ConfigData } from '../api/config.js';

/** GET /api/v1/me; `patch: false` denies config.patch with the reason a viewer gets. */
export function meResponse(options: { username?: string; patch?: boolean } = {}): MeResponse {
  const allowed = options.patch ?? true;
  return {
    user: { username: options.username ?? (allowed ? 'admin' : 'viewer'), groups: [] },
    authMode: 'kubeconfig',
    permissions: [
      {
        id: 'config.patch',
        verb: 'patch',
        group: 'imageregistry.operator.openshift.io',
        resource: 'configs',
        allowed,
        reason: allowed ? '' : 'viewer cannot patch configs',
      },
    ],
  };
}

export function podSummary(name: string, overrides: Partial<PodSummary> = {}): PodSummary {
  return {
    name,
    namespace: 'openshift-image-registry',
    component: 'registry',
    phase: 'Running',
    ready: true,
    readyContainers: '1/1',
    restarts: 0,
    deleting: false,
    containers: [{ name: 'registry', ready: true, restartCount: 0, state: 'running', hasPreviousLog: false }],
    ...overrides,
  };
}

export function configData(
  resourceVersion: string,
  spec: Record<string, unknown>,
  status?: Record<string, unknown>,
): ConfigData {
  return {
    config: {
      apiVersion: 'imageregistry.operator.openshift.io/v1',
      kind: 'Config',
      metadata: { name: 'cluster', resourceVersion },
      spec,
      ...(status ? { status } : {}),
    } as ConfigData['config'],
    resourceVersion,
  };
}
