/**
 * What the migration form offers: the namespaces the caller can list (the workshop's samples
 * marked) and which kinds the cluster serves. A caller who may not list namespaces gets an empty
 * list and the reason, and can still type names: the run itself is authorised per namespace.
 */
import {
  Kinds,
  MIGRATION_KINDS,
  MIGRATION_KIND_IDS,
  MIGRATION_SAMPLE_LABEL,
  type MigrationOptions,
} from '@irc/shared';
import type { KubeClient } from '../kube/client.js';
import { toKubeError } from '../kube/errors.js';
import { servedKinds } from './cluster.js';

interface NamespaceList {
  items?: Array<{ metadata?: { name?: string; labels?: Record<string, string> } }>;
}

export async function migrationOptions(client: KubeClient): Promise<MigrationOptions> {
  const served = await servedKinds(client, MIGRATION_KIND_IDS);
  const kinds = MIGRATION_KIND_IDS.map((id) => ({
    id,
    kind: MIGRATION_KINDS[id].kind,
    served: served.has(id),
  }));
  try {
    const list = await client.getJson<NamespaceList>(Kinds.Namespace.path());
    const namespaces = (list.items ?? [])
      .map((n) => ({ name: n.metadata?.name ?? '', sample: n.metadata?.labels?.[MIGRATION_SAMPLE_LABEL] }))
      .filter((n) => n.name !== '')
      .map((n) => (n.sample ? n : { name: n.name }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { namespaces, namespacesListed: true, kinds };
  } catch (err) {
    const e = toKubeError(err);
    if (e.statusCode !== 403) throw e;
    return { namespaces: [], namespacesListed: false, namespacesMessage: e.message, kinds };
  }
}
