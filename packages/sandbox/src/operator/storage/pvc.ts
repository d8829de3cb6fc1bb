import { R } from '../../core/refs.js';
import { rec, str, tryDelete, tryGet } from '../../core/objects.js';
import type { Json } from '../../core/objects.js';
import type { CondSpec } from '../conditions.js';
import type { OperatorEnv, StorageResult } from '../context.js';
import { SyncError } from '../context.js';
import { NS, PVC_NAME, STORAGE_OWNER_ANNOTATION } from '../defaults.js';

const FS_ENV = [
  { name: 'REGISTRY_STORAGE', value: 'filesystem' },
  { name: 'REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY', value: '/registry' },
];

function cond(status: CondSpec['status'], reason: string, message: string): CondSpec {
  return { type: 'StorageExists', status, reason, message };
}

/**
 * The PVC driver: uses `spec.storage.pvc.claim` (default `image-registry-storage`, created by the
 * operator as 100Gi RWX when absent, of the default StorageClass), and refuses a ReadWriteOnce claim with more than one
 * replica or with the RollingUpdate strategy.
 */
export function syncPVC(
  env: OperatorEnv,
  spec: Json,
  cfgSpec: Json,
  current: { storageManagementState?: string },
): StorageResult {
  const claimName = str(rec(spec, 'pvc').claim) || PVC_NAME;
  const conditions: CondSpec[] = [];
  let managementState = current.storageManagementState;
  let claim = tryGet(env.api, R.pvcs, NS, claimName);
  const base = (error?: SyncError): StorageResult => ({
    specStorage: { pvc: { claim: claimName }, ...(managementState ? { managementState } : {}) },
    statusStorage: { pvc: { claim: claimName }, ...(managementState ? { managementState } : {}) },
    conditions,
    env: FS_ENV,
    volumes: [{ name: 'registry-storage', persistentVolumeClaim: { claimName } }],
    mounts: [{ name: 'registry-storage', mountPath: '/registry' }],
    secretData: {},
    ...(error ? { error } : {}),
  });
  if (!claim) {
    if (claimName !== PVC_NAME) {
      // the client-go NotFound text, as the real operator puts it in both places
      const notFound = `persistentvolumeclaims "${claimName}" not found`;
      conditions.push(cond('False', 'PVC Issues Found', notFound));
      return base(new SyncError(`unable to sync storage configuration: ${notFound}`));
    }
    claim = env.api.create(R.pvcs, NS, {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: claimName, namespace: NS, annotations: { [STORAGE_OWNER_ANNOTATION]: 'true' } },
      spec: {
        accessModes: ['ReadWriteMany'],
        resources: { requests: { storage: '100Gi' } },
        volumeMode: 'Filesystem',
      },
    }).object;
    // no storageClassName: the cluster's default class provisions it (the PV controller binds it)
    managementState = 'Managed';
    conditions.push(cond('True', 'PVC Created', `PVC ${claimName} has been created`));
  } else {
    if (!managementState)
      managementState =
        claim.metadata.annotations?.[STORAGE_OWNER_ANNOTATION] === 'true' ? 'Managed' : 'Unmanaged';
    const modes = rec(claim, 'spec').accessModes;
    const rwo = Array.isArray(modes) && modes.includes('ReadWriteOnce');
    if (rwo) {
      const replicas = typeof cfgSpec.replicas === 'number' ? cfgSpec.replicas : 1;
      const msg =
        replicas > 1
          ? 'cannot use ReadWriteOnce access mode with more than one replica of the image registry'
          : str(cfgSpec.rolloutStrategy) !== 'Recreate'
            ? 'cannot use ReadWriteOnce access mode with RollingUpdate rollout strategy'
            : undefined;
      if (msg) {
        conditions.push(cond('False', 'PVC Issues Found', msg));
        return base(new SyncError(`unable to sync storage configuration: ${msg}`));
      }
    }
    conditions.push(cond('True', 'PVC Exists', `PVC ${claimName} exists`));
  }
  return base();
}

export function removePVC(env: OperatorEnv, statusStorage: Json): CondSpec[] {
  const claim = str(rec(statusStorage, 'pvc').claim) || PVC_NAME;
  const pvc = tryGet(env.api, R.pvcs, NS, claim);
  if (pvc && pvc.metadata.annotations?.[STORAGE_OWNER_ANNOTATION] === 'true')
    tryDelete(env.api, R.pvcs, NS, claim);
  return [cond('False', 'PVC Deleted', `PVC ${claim} has been deleted`)];
}

export function syncEmptyDir(): StorageResult {
  return {
    specStorage: { emptyDir: {}, managementState: 'Managed' },
    statusStorage: { emptyDir: {}, managementState: 'Managed' },
    conditions: [cond('True', 'Creation Successful', 'EmptyDir storage successfully created')],
    env: FS_ENV,
    volumes: [{ name: 'registry-storage', emptyDir: {} }],
    mounts: [{ name: 'registry-storage', mountPath: '/registry' }],
    secretData: {},
  };
}
