import type { KubeObject, ResourceRef } from '../core/types.js';
import { R } from '../core/refs.js';
import { errorMessage, tryGet } from '../core/objects.js';
import { isServed } from '../cluster/served.js';
import type { CondSpec } from './conditions.js';
import type { OperatorEnv } from './context.js';
import { deleteObject } from './apply.js';
import {
  CLUSTER_ROLE,
  CLUSTER_ROLE_BINDING,
  NETWORK_POLICY,
  NS,
  PDB_NAME,
  PRIVATE_CONFIG_SECRET,
  PULL_SECRET_COPY,
  REGISTRY_NAME,
  REGISTRY_SA,
  ROUTE_OWNER_ANNOTATION,
} from './defaults.js';
import { removeStorage } from './storage/index.js';

/** Operand objects in the order the operator deletes them (op:pkg/operator/controller.go RemoveResources). */
const OWNED: Array<{ ref: ResourceRef; ns?: string; name: string }> = [
  { ref: R.clusterRoles, name: CLUSTER_ROLE },
  { ref: R.clusterRoleBindings, name: CLUSTER_ROLE_BINDING },
  { ref: R.serviceAccounts, ns: NS, name: REGISTRY_SA },
  { ref: R.secrets, ns: NS, name: PULL_SECRET_COPY },
  { ref: R.secrets, ns: NS, name: PRIVATE_CONFIG_SECRET },
  { ref: R.services, ns: NS, name: REGISTRY_NAME },
  { ref: R.deployments, ns: NS, name: REGISTRY_NAME },
  { ref: R.pdbs, ns: NS, name: PDB_NAME },
  { ref: R.networkPolicies, ns: NS, name: NETWORK_POLICY },
];

export interface RemovalResult {
  error?: string;
  storageConditions: CondSpec[];
  /** storage was deleted in this pass: the bucket name must be cleared from spec */
  storageRemoved: boolean;
}

/**
 * managementState Removed (and Config deletion): deletes every operand object (foreground, grace
 * 0 — the registry pods still terminate gracefully), then the storage when the operator manages
 * it. node-ca and the pruner stay. Idempotent: each sync deletes what is left.
 */
export function removeRegistry(env: OperatorEnv, cfg: KubeObject): RemovalResult {
  const { api } = env;
  const result: RemovalResult = { storageConditions: [], storageRemoved: false };
  try {
    for (const o of OWNED) {
      if (!isServed(api, o.ref)) continue;
      const obj = tryGet(api, o.ref, o.ns, o.name);
      if (obj && !obj.metadata.deletionTimestamp) deleteObject(env, o.ref, obj, { foreground: true });
    }
    if (isServed(api, R.routes)) {
      for (const r of api.list(R.routes, NS).items) {
        if (r.metadata.annotations?.[ROUTE_OWNER_ANNOTATION] === 'true' && !r.metadata.deletionTimestamp)
          deleteObject(env, R.routes, r, { foreground: true });
      }
    }
    const status = (cfg.status ?? {}) as Record<string, unknown>;
    const storage = (status.storage ?? {}) as Record<string, unknown>;
    if (Object.keys(storage).some((k) => k !== 'managementState')) {
      result.storageConditions = removeStorage(env, cfg);
      result.storageRemoved = true;
    }
  } catch (e) {
    result.error = errorMessage(e);
  }
  return result;
}
