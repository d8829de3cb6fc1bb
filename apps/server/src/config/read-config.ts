/**
 * Finding the Config singleton: `cluster` today; clusters bootstrapped before operator PR #201
 * (2019) named it `instance`, so fall back to that.
 */
import { Kinds, RegistryNames, type ConfigSpec, type StorageClaimInfo } from '@irc/shared';
import type { KubeClient } from '../kube/client.js';
import { KubeError, isNotFound, toKubeError } from '../kube/errors.js';
import { noteConfigSecrets } from '../kube/redact.js';
import { NS, type KubeObjectLike } from '../kube/resources.js';

export interface LiveConfig {
  name: string;
  object: KubeObjectLike;
  resourceVersion: string;
}

export async function readConfig(client: KubeClient): Promise<LiveConfig> {
  for (const name of [RegistryNames.configName, RegistryNames.legacyConfigName]) {
    try {
      const object = (await client.custom.getClusterCustomObject(
        { ...Kinds.Config.coordinates, name },
        client.opts(),
      )) as KubeObjectLike;
      // Known before any write can fail: an API message quoting it is scrubbed (redact.ts).
      noteConfigSecrets(object);
      return { name, object, resourceVersion: object.metadata?.resourceVersion ?? '' };
    } catch (err) {
      if (!isNotFound(err)) throw toKubeError(err);
    }
  }
  throw new KubeError(
    404,
    'NotFound',
    'configs.imageregistry.operator.openshift.io "cluster" not found: is the image registry operator installed?',
  );
}

/** The spec as the registry schema types it (fields may be missing on a live object). */
export function specOf(config: KubeObjectLike): Partial<ConfigSpec> {
  const spec = config.spec;
  return spec && typeof spec === 'object' ? (spec as Partial<ConfigSpec>) : {};
}

/** The claim behind `spec.storage.pvc`, so the RWO rule can judge replicas and strategy. */
export async function readStorageClaim(
  client: KubeClient,
  config: KubeObjectLike,
): Promise<StorageClaimInfo | undefined> {
  const storage = specOf(config).storage;
  if (!storage?.pvc) return undefined;
  const name = storage.pvc.claim || RegistryNames.defaultClaimName;
  try {
    const pvc = await client.core.readNamespacedPersistentVolumeClaim({ name, namespace: NS }, client.opts());
    return {
      name,
      exists: true,
      accessModes: pvc.spec?.accessModes ?? [],
      ...(pvc.status?.phase ? { phase: pvc.status.phase } : {}),
    };
  } catch (err) {
    const e = toKubeError(err);
    if (e.statusCode === 404) return { name, exists: false, accessModes: [] };
    if (e.statusCode === 403) return undefined; // may not read claims: the rule stays silent
    throw e;
  }
}
