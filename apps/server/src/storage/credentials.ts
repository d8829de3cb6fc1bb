/**
 * The admin-managed secret `image-registry-private-configuration-user` (domain.md §3, §6.10):
 * the operator prefers it over cloud-minted credentials; changing it rolls the registry pods.
 *
 * Values are write-only. What we report per key is presence and when it last changed — from
 * our own annotation (written with every change made here), else from the secret's
 * managedFields (the time of the last manager that owns `data.<key>`).
 */
import {
  ALL_CREDENTIAL_KEYS,
  CREDENTIAL_KEYS,
  RegistryNames,
  type CredentialsStatus,
  type PutCredentialsRequest,
} from '@irc/shared';
import { PatchStrategy, type V1ManagedFieldsEntry, type V1Secret } from '@kubernetes/client-node';
import type { KubeClient } from '../kube/client.js';
import { toKubeError } from '../kube/errors.js';
import { knownSecrets } from '../kube/redact.js';
import { NS, toIso } from '../kube/resources.js';

export const SECRET_NAME = RegistryNames.userCredentialsSecret;
export const CHANGES_ANNOTATION = 'imageregistry.console.openshift.io/key-changes';

const BACKEND_OF = new Map<string, string>(
  Object.entries(CREDENTIAL_KEYS).flatMap(([backend, keys]) => keys.map((k) => [k, backend] as const)),
);

async function readSecret(client: KubeClient): Promise<V1Secret | undefined> {
  try {
    const secret = await client.core.readNamespacedSecret(
      { name: SECRET_NAME, namespace: NS },
      client.opts(),
    );
    // Every value is a credential: scrubbed from any API message that quotes one (redact.ts).
    for (const value of Object.values(secret.data ?? {})) {
      knownSecrets.note(value);
      knownSecrets.note(Buffer.from(value, 'base64').toString('utf8'));
    }
    return secret;
  } catch (err) {
    const e = toKubeError(err);
    if (e.statusCode === 404) return undefined;
    throw e;
  }
}

export async function credentialsStatus(client: KubeClient): Promise<CredentialsStatus> {
  return describe(await readSecret(client));
}

export function describe(secret: V1Secret | undefined): CredentialsStatus {
  const present = new Set(Object.keys(secret?.data ?? {}));
  const recorded = parseChanges(secret?.metadata?.annotations?.[CHANGES_ANNOTATION]);
  return {
    namespace: NS,
    secretName: SECRET_NAME,
    exists: !!secret,
    keys: ALL_CREDENTIAL_KEYS.map((key) => {
      const changedAt = recorded[key] ?? lastManagedTime(secret?.metadata?.managedFields, key);
      return {
        key,
        backend: BACKEND_OF.get(key) ?? 'unknown',
        present: present.has(key),
        ...(changedAt ? { changedAt } : {}),
      };
    }),
    otherKeys: [...present].filter((k) => !BACKEND_OF.has(k)).sort(),
    ...(secret?.metadata?.resourceVersion ? { resourceVersion: secret.metadata.resourceVersion } : {}),
  };
}

/**
 * Set/remove keys. Create when the secret is absent; otherwise a merge patch guarded by the
 * resourceVersion just read, retried on conflict (someone else edited other keys meanwhile:
 * our patch only touches the keys we were given, so re-applying it is correct).
 */
export async function putCredentials(
  client: KubeClient,
  body: PutCredentialsRequest,
): Promise<{ status: CredentialsStatus; changed: string[] }> {
  const values = body.values;
  for (const value of Object.values(values)) knownSecrets.note(value);
  const now = new Date().toISOString();
  for (let attempt = 0; ; attempt++) {
    const secret = await readSecret(client);
    const existing = new Set(Object.keys(secret?.data ?? {}));
    const data: Record<string, string | null> = {};
    const changes = parseChanges(secret?.metadata?.annotations?.[CHANGES_ANNOTATION]);
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) continue;
      if (value === null && !existing.has(key)) continue;
      data[key] = value === null ? null : Buffer.from(value, 'utf8').toString('base64');
      changes[key] = now;
    }
    const changed = Object.keys(data);
    if (changed.length === 0) return { status: describe(secret), changed };
    try {
      const written = secret
        ? await client.core.patchNamespacedSecret(
            {
              name: SECRET_NAME,
              namespace: NS,
              body: {
                metadata: {
                  resourceVersion: secret.metadata?.resourceVersion,
                  annotations: { [CHANGES_ANNOTATION]: JSON.stringify(changes) },
                },
                data,
              },
              fieldManager: RegistryNames.fieldManager,
            },
            client.opts({ headers: { 'Content-Type': PatchStrategy.MergePatch } }),
          )
        : await client.core.createNamespacedSecret(
            {
              namespace: NS,
              body: {
                apiVersion: 'v1',
                kind: 'Secret',
                type: 'Opaque',
                metadata: {
                  name: SECRET_NAME,
                  namespace: NS,
                  annotations: { [CHANGES_ANNOTATION]: JSON.stringify(changes) },
                },
                data: Object.fromEntries(
                  Object.entries(data).filter((e): e is [string, string] => e[1] !== null),
                ),
              },
              fieldManager: RegistryNames.fieldManager,
            },
            client.opts(),
          );
      return { status: describe(written), changed };
    } catch (err) {
      const e = toKubeError(err);
      if ((e.statusCode === 409 || (e.statusCode === 404 && secret)) && attempt < 3) continue;
      throw e;
    }
  }
}

function parseChanges(text: string | undefined): Record<string, string> {
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}

function lastManagedTime(entries: V1ManagedFieldsEntry[] | undefined, key: string): string | undefined {
  let latest: string | undefined;
  for (const entry of entries ?? []) {
    const fields = entry.fieldsV1 as { 'f:data'?: Record<string, unknown> } | undefined;
    if (!fields?.['f:data']?.[`f:${key}`]) continue;
    const time = toIso(entry.time as string | Date | undefined);
    if (time && (!latest || time > latest)) latest = time;
  }
  return latest;
}
