import { R } from '../core/refs.js';
import { tryGet, rec } from '../core/objects.js';
import type { ApiClient } from '../core/types.js';
import { INSTALLER_CREDS_SECRET, NS, USER_CONFIG_SECRET } from './defaults.js';
import { SyncError } from './context.js';

export interface AwsCredentials {
  accessKey: string;
  secretKey: string;
  source: 'user' | 'installer';
}

const decode = (v: unknown): string | undefined =>
  typeof v === 'string' ? Buffer.from(v, 'base64').toString('utf8') : undefined;

/** Reads a secret's data, decoded (stringData is folded into data by the API server). */
export function secretData(api: ApiClient, ns: string, name: string): Record<string, string> | undefined {
  const s = tryGet(api, R.secrets, ns, name);
  if (!s) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(rec(s, 'data'))) {
    const d = decode(v);
    if (d !== undefined) out[k] = d;
  }
  for (const [k, v] of Object.entries(rec(s, 'stringData'))) if (typeof v === 'string') out[k] = v;
  return out;
}

function requireKey(data: Record<string, string>, key: string): string {
  const v = data[key];
  if (v === undefined)
    throw new SyncError(`secret "${NS}/${USER_CONFIG_SECRET}" does not contain required key "${key}"`);
  return v;
}

/**
 * S3 credentials as op:pkg/storage/s3 sharedCredentialsDataFromSecret finds them: the admin's
 * `image-registry-private-configuration-user` first, else the CCO-minted
 * `installer-cloud-credentials`. Errors carry the operator's exact messages.
 */
export function s3Credentials(api: ApiClient): AwsCredentials {
  const user = secretData(api, NS, USER_CONFIG_SECRET);
  if (user) {
    return {
      accessKey: requireKey(user, 'REGISTRY_STORAGE_S3_ACCESSKEY'),
      secretKey: requireKey(user, 'REGISTRY_STORAGE_S3_SECRETKEY'),
      source: 'user',
    };
  }
  const minted = secretData(api, NS, INSTALLER_CREDS_SECRET);
  if (!minted) {
    throw new SyncError(
      `unable to get cluster minted credentials "${NS}/${INSTALLER_CREDS_SECRET}": secret "${INSTALLER_CREDS_SECRET}" not found`,
    );
  }
  let accessKey = minted.aws_access_key_id;
  let secretKey = minted.aws_secret_access_key;
  if ((!accessKey || !secretKey) && minted.credentials) {
    accessKey = /aws_access_key_id\s*=\s*(\S+)/.exec(minted.credentials)?.[1];
    secretKey = /aws_secret_access_key\s*=\s*(\S+)/.exec(minted.credentials)?.[1];
  }
  if (!accessKey || !secretKey) {
    throw new SyncError(
      `unable to get cluster minted credentials "${NS}/${INSTALLER_CREDS_SECRET}": secret does not contain aws_access_key_id or aws_secret_access_key`,
    );
  }
  return { accessKey, secretKey, source: 'installer' };
}

/** The shared-credentials file the registry reads (key `credentials` of the private secret). */
export function awsIni(c: AwsCredentials): string {
  return `[default]\naws_access_key_id = ${c.accessKey}\naws_secret_access_key = ${c.secretKey}\n`;
}

/** Keys the other backends need in the user secret (op README). */
export const USER_SECRET_KEYS: Record<string, string[]> = {
  gcs: ['REGISTRY_STORAGE_GCS_KEYFILE'],
  azure: ['REGISTRY_STORAGE_AZURE_ACCOUNTKEY'],
  swift: ['REGISTRY_STORAGE_SWIFT_USERNAME', 'REGISTRY_STORAGE_SWIFT_PASSWORD'],
  ibmcos: ['REGISTRY_STORAGE_IBMCOS_IAMAPIKEY'],
};

export function userSecretFor(api: ApiClient, backend: string): Record<string, string> {
  const user = secretData(api, NS, USER_CONFIG_SECRET);
  const keys = USER_SECRET_KEYS[backend] ?? [];
  if (!user) {
    throw new SyncError(
      `unable to get cluster minted credentials "${NS}/${INSTALLER_CREDS_SECRET}": the ${backend} driver needs credentials for this platform, secret "${NS}/${USER_CONFIG_SECRET}" not found`,
    );
  }
  for (const k of keys) requireKey(user, k);
  return user;
}
