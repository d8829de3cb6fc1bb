import { isRecord } from '../../core/objects.js';
import { SyncError } from '../context.js';

/** Backend keys of spec.storage with the names the operator prints, in its driver order. */
export const BACKENDS: Array<{ key: string; name: string }> = [
  { key: 'emptyDir', name: 'EmptyDir' },
  { key: 's3', name: 'S3' },
  { key: 'swift', name: 'Swift' },
  { key: 'gcs', name: 'GCS' },
  { key: 'pvc', name: 'PVC' },
  { key: 'azure', name: 'Azure' },
  { key: 'ibmcos', name: 'IBMCOS' },
];

export const ERR_STORAGE_NOT_CONFIGURED = 'storage backend not configured';

/** The configured backends that have a driver (OSS is in the API but its driver was removed). */
export function configuredBackends(storage: unknown): Array<{ key: string; name: string }> {
  if (!isRecord(storage)) return [];
  return BACKENDS.filter((b) => isRecord(storage[b.key]));
}

/** storage.NewDriver: exactly one backend, or the operator's exact error. */
export function selectBackend(storage: unknown): { key: string; name: string } {
  const found = configuredBackends(storage);
  if (found.length === 1 && found[0]) return found[0];
  if (found.length === 0) throw new SyncError(ERR_STORAGE_NOT_CONFIGURED, 'StorageNotConfigured');
  throw new SyncError(
    `exactly one storage type should be configured at the same time, got ${found.length}: [${found.map((b) => b.name).join(' ')}]`,
  );
}

/** Whether spec.storage names no backend at all (then the platform default is filled in). */
export function isStorageEmpty(storage: unknown): boolean {
  if (!isRecord(storage)) return true;
  return configuredBackends(storage).length === 0 && !isRecord(storage.oss);
}
