import type { FieldError } from '../api/common.js';
import { STORAGE_BACKENDS, type StorageBackend } from '../api/section-patch.js';
import type { SpecLike } from './spec.js';

/** The backends configured in a `spec.storage`-shaped object (non-null keys). */
export function configuredBackends(storage: Record<string, unknown> | null | undefined): StorageBackend[] {
  if (!storage) return [];
  return STORAGE_BACKENDS.filter((b) => storage[b] !== undefined && storage[b] !== null);
}

/** The operator's names, in the order storage.NewDriver tries its drivers (which its error lists). */
const OPERATOR_NAMES: [StorageBackend, string][] = [
  ['emptyDir', 'EmptyDir'],
  ['s3', 'S3'],
  ['swift', 'Swift'],
  ['gcs', 'GCS'],
  ['ibmcos', 'IBMCOS'],
  ['pvc', 'PVC'],
  ['azure', 'Azure'],
  ['oss', 'OSS'],
];

/** The operator's error for more than one backend ("…, got 2: [S3 PVC]"), or undefined. */
export function multipleBackendsError(
  storage: Record<string, unknown> | null | undefined,
): string | undefined {
  const backends = configuredBackends(storage);
  if (backends.length < 2) return undefined;
  const names = OPERATOR_NAMES.filter(([b]) => backends.includes(b)).map(([, name]) => name);
  return `exactly one storage type should be configured at the same time, got ${backends.length}: [${names.join(' ')}]`;
}

/**
 * One storage backend at a time: the operator refuses two ("exactly one storage type should be
 * configured at the same time, got 2: [EmptyDir PVC]") but the CRD accepts them.
 * A storage section must name exactly one backend.
 */
export function checkOneStorageBackend(spec: SpecLike, patchHasStorage: boolean): FieldError[] {
  if (!patchHasStorage) return [];
  const backends = configuredBackends(spec.storage);
  if (backends.length === 1) return [];
  if (backends.length === 0) {
    return [{ path: 'spec.storage', message: 'choose one storage backend' }];
  }
  return [{ path: 'spec.storage', message: multipleBackendsError(spec.storage) ?? '' }];
}

/** S3 fields the CRD bounds, checked here too so the form can say so before the round trip. */
export function checkS3(spec: SpecLike): FieldError[] {
  const s3 = spec.storage?.s3 as { chunkSizeMiB?: number; keyID?: string; encrypt?: boolean } | undefined;
  if (!s3) return [];
  const errors: FieldError[] = [];
  if (s3.chunkSizeMiB !== undefined && (s3.chunkSizeMiB < 5 || s3.chunkSizeMiB > 5120)) {
    errors.push({ path: 'spec.storage.s3.chunkSizeMiB', message: 'must be between 5 and 5120 (MiB)' });
  }
  if (s3.keyID && s3.encrypt === false) {
    errors.push({ path: 'spec.storage.s3.keyID', message: 'a KMS key needs encrypt: true' });
  }
  return errors;
}
