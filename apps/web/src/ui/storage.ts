import { configuredBackends as sharedConfiguredBackends, type StorageBackend } from '@irc/shared';
import type { StorageSpec } from '../api/contract.js';

/** Display order of the backend chooser. */
export const BACKENDS = [
  's3',
  'gcs',
  'azure',
  'swift',
  'pvc',
  'emptyDir',
  'ibmcos',
  'oss',
] as const satisfies readonly StorageBackend[];
export type Backend = StorageBackend;

/** The configured backend(s) of a storage spec (the shared rule); more than one is an error the operator reports. */
export function configuredBackends(storage: StorageSpec | undefined): Backend[] {
  return sharedConfiguredBackends(storage as Record<string, unknown> | undefined);
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
