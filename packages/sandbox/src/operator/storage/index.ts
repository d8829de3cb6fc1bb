import { clone, rec, stableStringify, str } from '../../core/objects.js';
import type { Json } from '../../core/objects.js';
import type { CondSpec } from '../conditions.js';
import type { OperatorEnv, StorageResult } from '../context.js';
import { SyncError } from '../context.js';
import { isStorageEmpty, selectBackend } from './backends.js';
import { removeS3, syncS3 } from './s3.js';
import { removePVC, syncEmptyDir, syncPVC } from './pvc.js';
import { syncOtherObjectStore } from './other.js';

/** The platform's default storage (bootstrap, and when spec.storage is emptied): S3 on AWS. */
export function platformDefaultStorage(platform: string): Json {
  switch (platform) {
    case 'AWS':
      return { s3: {} };
    case 'Azure':
      return { azure: {} };
    case 'GCP':
      return { gcs: {} };
    case 'IBMCloud':
    case 'PowerVS':
      return { ibmcos: {} };
    case 'OpenStack':
    case 'oVirt':
      return { pvc: { claim: '' } };
    default:
      return { emptyDir: {} };
  }
}

/** Managed sync of spec.storage (op:pkg/storage storage.NewDriver + driver.CreateStorage). */
export function syncStorage(env: OperatorEnv, cfg: Json): StorageResult {
  const spec = rec(cfg, 'spec');
  const status = rec(cfg, 'status');
  let storage = clone(rec(spec, 'storage'));
  if (isStorageEmpty(storage))
    storage = {
      ...platformDefaultStorage(env.platform.platform),
      ...(str(storage.managementState) ? { managementState: storage.managementState } : {}),
    };
  const backend = selectBackend(storage);
  // status.storage's managementState only speaks for the backend it describes
  const statusStorage = rec(status, 'storage');
  const sameBackend = backend.key in statusStorage;
  const current = {
    storageManagementState:
      str(storage.managementState) ?? (sameBackend ? str(statusStorage.managementState) : undefined),
  };
  let result: StorageResult;
  switch (backend.key) {
    case 's3':
      result = syncS3(env, storage, rec(status, 'storage'), current);
      break;
    case 'pvc':
      result = syncPVC(env, storage, spec, current);
      break;
    case 'emptyDir':
      result = syncEmptyDir();
      break;
    default:
      result = syncOtherObjectStore(env, backend.key, storage);
  }
  // the spec gets the platform default back if it was empty
  if (isStorageEmpty(rec(spec, 'storage'))) result.specStorage = { ...storage, ...result.specStorage };
  if (keepsStorageExists(backend.key, storage, statusStorage, result)) result.conditions = [];
  return result;
}

/**
 * The real operator runs a driver's CreateStorage only when spec.storage.<backend> differs from
 * status.storage.<backend> (the last storage that applied) or the storage is gone; the emptyDir
 * and PVC drivers' existence checks write no condition. So after a failed change is undone, the
 * failed attempt's StorageExists (e.g. False "PVC Issues Found") stays on a healthy registry —
 * in 4.19 and 4.23 alike (operator-facts.md). The S3 check rewrites it, so S3 is re-evaluated.
 */
function keepsStorageExists(key: string, storage: Json, statusStorage: Json, result: StorageResult): boolean {
  if (result.error || !(key in statusStorage)) return false;
  if (stableStringify(rec(storage, key)) !== stableStringify(rec(statusStorage, key))) return false;
  if (key === 'emptyDir') return true;
  return key === 'pvc' && result.conditions.every((c) => c.reason === 'PVC Exists');
}

/** Removed: delete the storage if the operator manages it; returns the storage conditions. */
export function removeStorage(env: OperatorEnv, cfg: Json): CondSpec[] {
  const statusStorage = rec(cfg, 'status', 'storage');
  const managed =
    str(rec(cfg, 'spec', 'storage').managementState ?? statusStorage.managementState) === 'Managed';
  if (!managed) return [];
  if (Object.keys(rec(statusStorage, 's3')).length) return removeS3(env, statusStorage);
  if (Object.keys(rec(statusStorage, 'pvc')).length || 'pvc' in statusStorage)
    return removePVC(env, statusStorage);
  return [];
}

export { SyncError };
