import { createHash } from 'node:crypto';
import type { KubeObject } from '../core/types.js';
import { R } from '../core/refs.js';
import { arr, errorMessage, labelsOf, rec, str, tryGet } from '../core/objects.js';
import { isServed } from '../cluster/served.js';
import type { OperatorEnv, StorageResult } from './context.js';
import { SyncError } from './context.js';
import { applyObject, deleteObject } from './apply.js';
import { NS, SUPPLEMENTAL_GROUPS_ANNOTATION } from './defaults.js';
import { syncStorage } from './storage/index.js';
import { registryDeployment } from './resources/registry-deployment.js';
import {
  clusterRole,
  clusterRoleBinding,
  networkPolicy,
  podDisruptionBudget,
  privateConfigSecret,
  pullSecretCopy,
  service,
  serviceAccount,
} from './resources/registry-objects.js';
import { desiredRoutes, staleRoutes } from './resources/routes.js';

export interface ManagedResult {
  storage?: StorageResult;
  error?: SyncError;
}

/** verify(): the checks the CRD does not encode (op:pkg/operator/verify.go). */
export function verifyConfig(spec: Record<string, unknown>): SyncError | undefined {
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : 0;
  if (replicas < 0)
    return new SyncError(
      'unable to complete resource: replicas must be greater than or equal to 0',
      'VerificationFailed',
    );
  const names = new Set<string>(['default-route']);
  for (const r of arr(spec, 'routes')) {
    const name = str(r.name) ?? '';
    if (names.has(name))
      return new SyncError(
        'unable to complete resource: duplication of names has been detected in the additional routes',
        'VerificationFailed',
      );
    names.add(name);
  }
  return undefined;
}

function sha256(parts: unknown[]): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(parts)).digest('hex')}`;
}

/**
 * One Managed sync (domain.md §6.2): verify → storage → apply ClusterRole, CRB, SA, pull secret
 * copy, storage secret, Service, Deployment, PDB, NetworkPolicy, Routes → delete stale routes.
 * `certificates` is the data of image-registry-certificates (part of the dependency checksum).
 */
export function syncManaged(
  env: OperatorEnv,
  cfg: KubeObject,
  httpSecret: string,
  certificates: Record<string, string> | undefined,
): ManagedResult {
  const spec = rec(cfg, 'spec');
  const verifyError = verifyConfig(spec);
  if (verifyError) return { error: verifyError };
  let storage: StorageResult;
  try {
    storage = syncStorage(env, cfg);
  } catch (e) {
    if (e instanceof SyncError) {
      return {
        error: e.permanentReason ? e : new SyncError(`unable to sync storage configuration: ${e.message}`),
      };
    }
    throw e;
  }
  if (storage.error) return { storage, error: storage.error };
  try {
    applyAll(env, cfg, storage, httpSecret, certificates);
  } catch (e) {
    return { storage, error: new SyncError(`unable to apply objects: ${errorMessage(e)}`) };
  }
  return { storage };
}

function applyAll(
  env: OperatorEnv,
  cfg: KubeObject,
  storage: StorageResult,
  httpSecret: string,
  certificates: Record<string, string> | undefined,
): void {
  const { api } = env;
  const spec = rec(cfg, 'spec');
  applyObject(env, R.clusterRoles, clusterRole());
  applyObject(env, R.clusterRoleBindings, clusterRoleBinding());
  applyObject(env, R.serviceAccounts, serviceAccount());
  const globalPull = tryGet(api, R.secrets, 'openshift-config', 'pull-secret');
  const pull = applyObject(
    env,
    R.secrets,
    pullSecretCopy(str(rec(globalPull, 'data')['.dockerconfigjson'])),
  ).object;
  // only storage credentials: empty for emptyDir/PVC (the httpSecret is a Deployment env value)
  const priv = applyObject(env, R.secrets, privateConfigSecret(storage.secretData)).object;
  applyObject(env, R.services, service());
  let clusterProxy: Record<string, unknown> = {};
  if (isServed(api, R.proxies)) clusterProxy = rec(tryGet(api, R.proxies, undefined, 'cluster'), 'status');
  const trusted = tryGet(api, R.configMaps, NS, 'trusted-ca');
  const zoned = api.list(R.nodes, undefined).items.some((n) => 'topology.kubernetes.io/zone' in labelsOf(n));
  // any change to what the pods mount or read rolls them (the dependency checksum annotation)
  const depsChecksum = sha256([
    rec(priv, 'data'),
    rec(pull, 'data'),
    certificates ?? {},
    rec(trusted, 'data'),
  ]);
  let deployment: KubeObject;
  try {
    deployment = registryDeployment({
      spec,
      storage,
      depsChecksum,
      httpSecret,
      clusterProxy,
      zonedNodes: zoned,
      supplementalGroups: tryGet(api, R.namespaces, undefined, NS)?.metadata.annotations?.[
        SUPPLEMENTAL_GROUPS_ANNOTATION
      ],
    });
  } catch (e) {
    throw new Error(
      `failed to update object *v1.Deployment, Namespace=${NS}, Name=image-registry: ${errorMessage(e)}`,
    );
  }
  applyObject(env, R.deployments, deployment);
  if (isServed(api, R.pdbs)) applyObject(env, R.pdbs, podDisruptionBudget(spec));
  if (isServed(api, R.networkPolicies)) applyObject(env, R.networkPolicies, networkPolicy());
  if (!isServed(api, R.routes)) return;
  const routes = desiredRoutes(api, spec);
  for (const r of routes) {
    if (r.error)
      throw new Error(
        `failed to create object *v1.Route, Namespace=${NS}, Name=${r.obj.metadata.name}: ${r.error}`,
      );
    applyObject(env, R.routes, r.obj);
  }
  for (const stale of staleRoutes(
    api,
    routes.map((r) => r.obj.metadata.name ?? ''),
  ))
    deleteObject(env, R.routes, stale);
}
