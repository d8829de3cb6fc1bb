import { clone, rec } from '../../core/objects.js';
import type { Json } from '../../core/objects.js';
import type { CondSpec } from '../conditions.js';
import type { OperatorEnv, StorageResult } from '../context.js';
import { SyncError } from '../context.js';
import { userSecretFor } from '../credentials.js';

/** Condition reasons per backend (the drivers are inconsistent: spaced phrases vs CamelCase). */
const EXISTS: Record<string, { reason: string; envName: string; fields: Record<string, string> }> = {
  gcs: { reason: 'GCS Bucket Exists', envName: 'gcs', fields: { bucket: 'REGISTRY_STORAGE_GCS_BUCKET' } },
  swift: {
    reason: 'Swift container Exists',
    envName: 'swift',
    fields: { container: 'REGISTRY_STORAGE_SWIFT_CONTAINER', authURL: 'REGISTRY_STORAGE_SWIFT_AUTHURL' },
  },
  azure: {
    reason: 'ContainerExists',
    envName: 'azure',
    fields: {
      accountName: 'REGISTRY_STORAGE_AZURE_ACCOUNTNAME',
      container: 'REGISTRY_STORAGE_AZURE_CONTAINER',
    },
  },
  ibmcos: {
    reason: 'IBMCOS Bucket Exists',
    envName: 'ibmcos',
    fields: { bucket: 'REGISTRY_STORAGE_IBMCOS_BUCKET', location: 'REGISTRY_STORAGE_IBMCOS_LOCATION' },
  },
};

/**
 * Object stores of other clouds on this AWS-like sandbox: they work only with credentials the
 * admin supplies in the user secret (there are no cluster-minted ones for them), and the
 * bucket/container named in spec is treated as user supplied.
 */
export function syncOtherObjectStore(env: OperatorEnv, key: string, spec: Json): StorageResult {
  const info = EXISTS[key];
  const desired = clone(rec(spec, key));
  const base: StorageResult = {
    specStorage: { managementState: 'Unmanaged' },
    statusStorage: { [key]: desired, managementState: 'Unmanaged' },
    conditions: [],
    env: [{ name: 'REGISTRY_STORAGE', value: info?.envName ?? key }],
    volumes: [],
    mounts: [],
    secretData: {},
  };
  try {
    userSecretFor(env.api, key);
  } catch (e) {
    if (!(e instanceof SyncError)) throw e;
    const reason = key === 'azure' ? 'AzureError' : 'Unknown Error Occurred';
    const c: CondSpec = {
      type: 'StorageExists',
      status: key === 'azure' ? 'False' : 'Unknown',
      reason,
      message: e.message,
    };
    return {
      ...base,
      conditions: [c],
      error: new SyncError(`unable to sync storage configuration: ${e.message}`),
    };
  }
  for (const [field, envName] of Object.entries(info?.fields ?? {})) {
    const v = desired[field];
    if (typeof v === 'string' && v) base.env.push({ name: envName, value: v });
  }
  base.conditions.push({
    type: 'StorageExists',
    status: 'True',
    reason: info?.reason ?? 'Storage Exists',
    message: '',
  });
  return base;
}
