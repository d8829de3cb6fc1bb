/**
 * The cluster side of a migration, as the caller: discovery (which chosen kinds are served),
 * namespaced lists (paged), a single read for the 409 retry, and the JSON patch (dry run or real).
 * Reads and writes name a namespace every time: nothing outside the chosen ones is touched.
 */
import { MIGRATION_KINDS, RegistryNames, type MigrationKind } from '@irc/shared';
import type { KubeClient } from '../kube/client.js';
import { toKubeError } from '../kube/errors.js';
import type { JsonPatchOp, PlannedObject } from './plan.js';

export interface ListedObject extends PlannedObject {
  metadata: {
    name: string;
    namespace?: string;
    resourceVersion?: string;
    ownerReferences?: Array<{ kind?: string; name?: string; controller?: boolean }>;
  };
}

const groupPath = (group: string, version: string) =>
  group === '' ? `/api/${version}` : `/apis/${group}/${version}`;

function collectionPath(kind: MigrationKind, namespace: string): string {
  const k = MIGRATION_KINDS[kind];
  return `${groupPath(k.group, k.version)}/namespaces/${encodeURIComponent(namespace)}/${kind}`;
}

/** Which of `kinds` the API server serves (discovery per group version; a 404 means not served). */
export async function servedKinds(
  client: KubeClient,
  kinds: readonly MigrationKind[],
): Promise<Set<MigrationKind>> {
  const byGroup = new Map<string, MigrationKind[]>();
  for (const kind of kinds) {
    const k = MIGRATION_KINDS[kind];
    const gv = groupPath(k.group, k.version);
    byGroup.set(gv, [...(byGroup.get(gv) ?? []), kind]);
  }
  const served = new Set<MigrationKind>();
  await Promise.all(
    [...byGroup].map(async ([gv, wanted]) => {
      try {
        const list = await client.getJson<{ resources?: Array<{ name?: string }> }>(gv);
        const names = new Set((list.resources ?? []).map((r) => r.name));
        for (const kind of wanted) if (names.has(kind)) served.add(kind);
      } catch (err) {
        const e = toKubeError(err);
        if (e.statusCode !== 404) throw e;
      }
    }),
  );
  return served;
}

export async function listObjects(
  client: KubeClient,
  kind: MigrationKind,
  namespace: string,
): Promise<ListedObject[]> {
  const items: ListedObject[] = [];
  let cont: string | undefined;
  do {
    const page = await client.getJson<{ items?: ListedObject[]; metadata?: { continue?: string } }>(
      collectionPath(kind, namespace),
      { limit: 500, continue: cont },
    );
    items.push(...(page.items ?? []));
    cont = page.metadata?.continue || undefined;
  } while (cont);
  return items.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

export async function readObject(
  client: KubeClient,
  kind: MigrationKind,
  namespace: string,
  name: string,
): Promise<ListedObject> {
  return client.getJson<ListedObject>(`${collectionPath(kind, namespace)}/${encodeURIComponent(name)}`);
}

/** Sends the JSON patch; resolves with the written (or, dry run, would-be) object's resourceVersion. */
export async function patchObject(
  client: KubeClient,
  kind: MigrationKind,
  namespace: string,
  name: string,
  patch: JsonPatchOp[],
  dryRun: boolean,
  subresource?: 'status',
): Promise<string | undefined> {
  const common = {
    name,
    namespace,
    body: patch,
    fieldManager: RegistryNames.fieldManager,
    ...(dryRun ? { dryRun: 'All' } : {}),
  };
  // Patch methods default to application/json-patch+json (client-node), which is what we send.
  try {
    if (kind === 'secrets') {
      const written = await client.core.patchNamespacedSecret(common, client.opts());
      return written.metadata?.resourceVersion;
    }
    const k = MIGRATION_KINDS[kind];
    // The custom-objects API is plain URL templating over /apis/{group}/{version}/…: it serves
    // apps and batch as well as OpenShift kinds, and answers plain JSON.
    const params = { ...common, group: k.group, version: k.version, plural: kind };
    const written = (await (subresource === 'status'
      ? client.custom.patchNamespacedCustomObjectStatus(params, client.opts())
      : client.custom.patchNamespacedCustomObject(params, client.opts()))) as {
      metadata?: { resourceVersion?: string };
    };
    return written.metadata?.resourceVersion;
  } catch (err) {
    throw toKubeError(err);
  }
}
