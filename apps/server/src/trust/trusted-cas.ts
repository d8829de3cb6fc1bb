/**
 * Additional trusted CAs (domain.md §6.12): `images.config.openshift.io/cluster
 * spec.additionalTrustedCA.name` → ConfigMap in `openshift-config`, one key per registry
 * (`host..port`), value PEM. The operator copies every key into `image-registry-certificates`
 * and rolls the registry on change.
 *
 * Writes: the ConfigMap first (created when missing), then the image config reference (merge
 * patch guarded by its resourceVersion), so the reference never names a missing ConfigMap. Both
 * are checked as the caller before the first, and the first is undone if the second fails.
 * ConfigMap patches touch one key and carry the resourceVersion just read; a 409 means someone
 * edited it meanwhile, and re-applying our one-key patch on the fresh object is correct.
 */
import {
  DEFAULT_TRUST_CONFIGMAP,
  Kinds,
  RegistryObjects,
  RegistryNames,
  registryHostProblem,
  registryOfTrustKey,
  trustKeyOf,
  type PutTrustResponse,
  type TrustStatus,
  type TrustedRegistry,
} from '@irc/shared';
import { PatchStrategy, type V1ConfigMap } from '@kubernetes/client-node';
import type { KubeClient } from '../kube/client.js';
import { KubeError, invalidField, toKubeError } from '../kube/errors.js';
import { type KubeObjectLike } from '../kube/resources.js';
import { assertMayWriteAll, type MayWrite } from '../kube/write-check.js';
import { PemProblem, certificateWarnings, parseBundle } from './certificates.js';

const MAX_ATTEMPTS = 4;

/** `host`, `host:port` or the key form `host..port` → the ConfigMap key; 422 otherwise. */
export function keyOfRegistryParam(param: string): string {
  const registry = registryOfTrustKey(param);
  const problem = registryHostProblem(registry);
  if (problem) throw invalidField('registry', problem);
  return trustKeyOf(registry);
}

interface TrustState {
  imageConfig: KubeObjectLike;
  referenced: string | undefined;
  configMap: V1ConfigMap | undefined;
}

async function readImageConfig(client: KubeClient): Promise<KubeObjectLike> {
  try {
    return (await client.custom.getClusterCustomObject(
      { ...Kinds.Image.coordinates, name: RegistryNames.clusterConfigName },
      client.opts(),
    )) as KubeObjectLike;
  } catch (err) {
    throw toKubeError(err);
  }
}

async function readConfigMap(client: KubeClient, name: string): Promise<V1ConfigMap | undefined> {
  try {
    return await client.core.readNamespacedConfigMap(
      { name, namespace: RegistryNames.configNamespace },
      client.opts(),
    );
  } catch (err) {
    const e = toKubeError(err);
    if (e.statusCode === 404) return undefined;
    throw e;
  }
}

async function readState(client: KubeClient): Promise<TrustState> {
  const imageConfig = await readImageConfig(client);
  const spec = imageConfig.spec as { additionalTrustedCA?: { name?: string } } | undefined;
  const referenced = spec?.additionalTrustedCA?.name || undefined;
  const configMap = await readConfigMap(client, referenced ?? DEFAULT_TRUST_CONFIGMAP);
  return { imageConfig, referenced, configMap };
}

export function describeRegistry(key: string, value: string): TrustedRegistry {
  try {
    const { certificates } = parseBundle(value);
    return {
      registry: registryOfTrustKey(key),
      key,
      certificates,
      warnings: certificateWarnings(certificates),
    };
  } catch (err) {
    const why = err instanceof PemProblem ? err.message : 'unreadable';
    return {
      registry: registryOfTrustKey(key),
      key,
      certificates: [],
      warnings: [`the stored value is not usable: ${why}`],
    };
  }
}

function describe(state: TrustState): TrustStatus {
  const data = state.configMap?.data ?? {};
  return {
    namespace: RegistryNames.configNamespace,
    configMapName: state.referenced ?? DEFAULT_TRUST_CONFIGMAP,
    referenced: !!state.referenced,
    // Only the referenced ConfigMap is trusted by the operator: an unreferenced default one is reported but not "in use".
    exists: !!state.configMap,
    registries: Object.keys(data)
      .sort()
      .map((k) => describeRegistry(k, data[k] ?? '')),
    ...(state.configMap?.metadata?.resourceVersion
      ? { resourceVersion: state.configMap.metadata.resourceVersion }
      : {}),
  };
}

export async function trustStatus(client: KubeClient): Promise<TrustStatus> {
  return describe(await readState(client));
}

const mergePatch = (client: KubeClient) =>
  client.opts({ headers: { 'Content-Type': PatchStrategy.MergePatch } });

/** One key set (string) or removed (null) with the ConfigMap's resourceVersion as precondition. */
async function patchKey(
  client: KubeClient,
  cm: V1ConfigMap,
  key: string,
  value: string | null,
): Promise<V1ConfigMap> {
  return client.core.patchNamespacedConfigMap(
    {
      name: cm.metadata?.name ?? '',
      namespace: RegistryNames.configNamespace,
      body: { metadata: { resourceVersion: cm.metadata?.resourceVersion }, data: { [key]: value } },
      fieldManager: RegistryNames.fieldManager,
    },
    mergePatch(client),
  );
}

async function setReference(
  client: KubeClient,
  imageConfig: KubeObjectLike,
  name: string,
): Promise<KubeObjectLike> {
  return (await client.custom.patchClusterCustomObject(
    {
      ...Kinds.Image.coordinates,
      name: RegistryNames.clusterConfigName,
      body: {
        metadata: { resourceVersion: imageConfig.metadata?.resourceVersion },
        spec: { additionalTrustedCA: { name } },
      },
      fieldManager: RegistryNames.fieldManager,
    },
    mergePatch(client),
  )) as KubeObjectLike;
}

/** What a trusted-CA save wrote, in order (the timeline records exactly this). */
export interface TrustWrites {
  configMap?: 'created' | 'patched';
  referenceSet?: boolean;
}

/**
 * Undoing the ConfigMap write when the reference write fails, guarded by the resourceVersion we
 * wrote: a ConfigMap someone changed since is left alone (and the failure says so).
 */
interface Undo {
  run(): Promise<void>;
}

function undoCreate(client: KubeClient, created: V1ConfigMap): Undo {
  return {
    run: async () => {
      await client.core.deleteNamespacedConfigMap(
        {
          name: created.metadata?.name ?? '',
          namespace: RegistryNames.configNamespace,
          body: { preconditions: { resourceVersion: created.metadata?.resourceVersion } },
        },
        client.opts(),
      );
    },
  };
}

function undoPatch(
  client: KubeClient,
  written: V1ConfigMap,
  key: string,
  previous: string | undefined,
): Undo {
  return { run: async () => void (await patchKey(client, written, key, previous ?? null)) };
}

/**
 * A save that wrote part of its change and could not undo it: the error says what stayed, and
 * the route records it on the timeline.
 */
export class PartialTrustWrite extends KubeError {
  constructor(
    cause: KubeError,
    readonly written: TrustWrites,
    readonly configMapName: string,
    readonly registry: string,
    undoError: KubeError,
  ) {
    super(
      cause.statusCode,
      cause.reason,
      `${cause.message} — the CA was stored in ConfigMap ${RegistryNames.configNamespace}/${configMapName} and could not be taken out again (${undoError.message}): remove it or retry the save`,
      cause.causes,
    );
  }
}

/**
 * Add or replace one registry's CA bundle. Bad PEM → 422 before anything is read or written.
 * Two objects may be written (the ConfigMap, then the image config's reference to it): both
 * writes are checked as the caller first ({@link assertMayWriteAll}), and a reference write that
 * fails anyway (a race, an outage) undoes the ConfigMap write — no partial state is left behind.
 */
export async function putTrustedCA(
  client: KubeClient,
  registryParam: string,
  pem: string,
  may: MayWrite,
): Promise<PutTrustResponse> {
  const key = keyOfRegistryParam(registryParam);
  let bundle;
  try {
    bundle = parseBundle(pem);
  } catch (err) {
    if (err instanceof PemProblem) throw invalidField('pem', err.message);
    throw err;
  }
  const written: TrustWrites = {};
  let undo: Undo | undefined;
  for (let attempt = 1; ; attempt++) {
    const state = await readState(client);
    const name = state.referenced ?? DEFAULT_TRUST_CONFIGMAP;
    const cm = state.configMap;
    const writesConfigMap = !cm || cm.data?.[key] !== bundle.pem;
    const writesReference = !state.referenced;
    if (attempt === 1 && writesConfigMap && writesReference)
      await assertMayWriteAll(may, [
        cm
          ? {
              question: RegistryObjects.trustedCAs.access('patch', { name }),
              what: `patch configmaps/${name} in ${RegistryNames.configNamespace}`,
            }
          : {
              question: RegistryObjects.trustedCAs.access('create'),
              what: `create configmaps in ${RegistryNames.configNamespace}`,
            },
        {
          question: Kinds.Image.access('patch'),
          what: 'patch images.config.openshift.io/cluster (to reference the ConfigMap)',
        },
      ]);
    try {
      if (!cm) {
        state.configMap = await client.core.createNamespacedConfigMap(
          {
            namespace: RegistryNames.configNamespace,
            body: {
              apiVersion: 'v1',
              kind: 'ConfigMap',
              metadata: { name, namespace: RegistryNames.configNamespace },
              data: { [key]: bundle.pem },
            },
            fieldManager: RegistryNames.fieldManager,
          },
          client.opts(),
        );
        written.configMap = 'created';
        undo = undoCreate(client, state.configMap);
      } else if (writesConfigMap) {
        state.configMap = await patchKey(client, cm, key, bundle.pem);
        written.configMap ??= 'patched';
        undo = undoPatch(client, state.configMap, key, cm.data?.[key]);
      }
      if (writesReference) {
        state.imageConfig = await setReference(client, state.imageConfig, name);
        state.referenced = name;
        written.referenceSet = true;
      }
    } catch (err) {
      const e = toKubeError(err);
      // 409: a concurrent writer (ConfigMap created, edited, or the reference set meanwhile): re-read and re-apply.
      if (e.statusCode === 409 && attempt < MAX_ATTEMPTS) continue;
      if (!undo || written.referenceSet) throw e;
      try {
        await undo.run();
      } catch (undoErr) {
        throw new PartialTrustWrite(e, written, name, registryOfTrustKey(key), toKubeError(undoErr));
      }
      throw new KubeError(
        e.statusCode,
        e.reason,
        `${e.message} (nothing was changed: the ConfigMap write was undone)`,
        e.causes,
      );
    }
    const registry = describeRegistry(key, bundle.pem);
    return {
      trust: describe(state),
      registry,
      warnings: registry.warnings,
      created: written.configMap === 'created',
      referenceSet: written.referenceSet === true,
      changed: written.configMap !== undefined || written.referenceSet === true,
    };
  }
}

/** Remove one registry's CA; 404 when it has none. The ConfigMap and the reference stay (an empty ConfigMap is valid). */
export async function deleteTrustedCA(
  client: KubeClient,
  registryParam: string,
): Promise<{ status: TrustStatus; registry: string }> {
  const key = keyOfRegistryParam(registryParam);
  for (let attempt = 1; ; attempt++) {
    const state = await readState(client);
    if (!state.referenced || !state.configMap || state.configMap.data?.[key] === undefined) {
      throw new KubeError(404, 'NotFound', `no trusted CA for registry ${registryOfTrustKey(key)}`);
    }
    try {
      state.configMap = await patchKey(client, state.configMap, key, null);
      return { status: describe(state), registry: registryOfTrustKey(key) };
    } catch (err) {
      const e = toKubeError(err);
      if (e.statusCode === 409 && attempt < MAX_ATTEMPTS) continue;
      throw e;
    }
  }
}
