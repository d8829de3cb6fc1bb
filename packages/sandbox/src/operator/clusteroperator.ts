import type { ObjectReference } from '@irc/shared';
import type { KubeObject } from '../core/types.js';
import { R } from '../core/refs.js';
import { arr, rec, stableStringify, tryGet } from '../core/objects.js';
import type { Condition } from './conditions.js';
import { aggregateClusterOperator } from './clusteroperator-status.js';
import type { OperatorEnv } from './context.js';
import { CO_NAME, NS, RELEASE_VERSION } from './defaults.js';

export const RELATED_OBJECTS: ObjectReference[] = [
  { group: 'imageregistry.operator.openshift.io', resource: 'configs', name: 'cluster' },
  { group: 'imageregistry.operator.openshift.io', resource: 'imagepruners', name: 'cluster' },
  { group: 'rbac.authorization.k8s.io', resource: 'clusterroles', name: 'system:registry' },
  { group: 'rbac.authorization.k8s.io', resource: 'clusterrolebindings', name: 'registry-registry-role' },
  {
    group: 'rbac.authorization.k8s.io',
    resource: 'clusterrolebindings',
    name: 'openshift-image-registry-pruner',
  },
  { group: '', resource: 'namespaces', name: NS },
];

/**
 * ClusterOperatorStatusController: writes `clusteroperators/image-registry` status from the
 * Config and ImagePruner conditions. `versions` moves to this release only once the registry is
 * available and fully rolled out (or when it is Removed/Unmanaged, where nothing rolls).
 */
export function syncClusterOperator(
  env: OperatorEnv,
  config: Condition[],
  pruner: Condition[],
  versionReached: boolean,
): void {
  const { api } = env;
  let co: KubeObject | undefined;
  try {
    co = tryGet(api, R.clusterOperators, undefined, CO_NAME);
    if (!co) {
      co = api.create(R.clusterOperators, undefined, {
        apiVersion: 'config.openshift.io/v1',
        kind: 'ClusterOperator',
        metadata: {
          name: CO_NAME,
          annotations: {
            'capability.openshift.io/name': 'ImageRegistry',
            'include.release.openshift.io/self-managed-high-availability': 'true',
          },
        },
        spec: {},
      }).object;
    }
  } catch {
    return; // ClusterOperators are not served by this sandbox
  }
  const prevConds = arr(co, 'status', 'conditions');
  const conditions = aggregateClusterOperator(config, pruner).map((c) => {
    // the CO keeps its own transition time unless the status flipped
    const old = prevConds.find((o) => o.type === c.type);
    return old && old.status === c.status && typeof old.lastTransitionTime === 'string'
      ? { ...c, lastTransitionTime: old.lastTransitionTime }
      : c;
  });
  const versions = versionReached
    ? [{ name: 'operator', version: RELEASE_VERSION }]
    : (rec(co, 'status').versions ?? undefined);
  const status = {
    conditions,
    ...(versions ? { versions } : {}),
    relatedObjects: RELATED_OBJECTS,
    extension: null,
  };
  if (stableStringify(status) !== stableStringify({ ...rec(co, 'status'), extension: null })) {
    api.patch(R.clusterOperators, undefined, CO_NAME, 'merge', { status }, { subresource: 'status' });
  }
}
