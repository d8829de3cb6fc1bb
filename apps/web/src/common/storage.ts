import type { StorageSpec } from './contract.js';

export const BACKENDS = ['s3', 'gcs', 'azure', 'swift', 'pvc', 'emptyDir', 'ibmcos', 'oss'] as const;
export type Backend = (typeof BACKENDS)[number];

/** The configured backend(s) of a storage spec; more than one is an error the operator reports. */
export function configuredBackends(storage: StorageSpec | undefined): Backend[] {
  if (!storage) return [];
  return BACKENDS.filter((backend) => storage[backend] !== undefined && storage[backend] !== null);
}

export function backendLabel(backend: Backend | undefined, t: (key: string) => string): string {
  switch (backend) {
    case 's3':
      return t('Amazon S3 (or compatible)');
    case 'gcs':
      return t('Google Cloud Storage');
    case 'azure':
      return t('Azure Blob Storage');
    case 'swift':
      return t('OpenStack Swift');
    case 'pvc':
      return t('Persistent volume claim');
    case 'emptyDir':
      return t('emptyDir (ephemeral)');
    case 'ibmcos':
      return t('IBM Cloud Object Storage');
    case 'oss':
      return t('Alibaba OSS (no longer supported)');
    default:
      return t('Not configured');
  }
}
