import type { ResourceRegistry } from './resources/registry.js';
import type { ResourceType } from './resources/resource-type.js';

export const KUBE_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T16:02:27Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

interface SubresourceFacts {
  kind: string;
  group?: string;
  version?: string;
  verbs: string[];
}

/** What discovery says about each subresource (kind and verbs of `pods/log`, `deployments/scale` …). */
function subresourceFacts(t: ResourceType, sub: string): SubresourceFacts {
  switch (sub) {
    case 'log':
      return { kind: t.kind, verbs: ['get'] };
    case 'scale':
      return { kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] };
    case 'finalize':
      return { kind: t.kind, verbs: ['update'] };
    case 'binding':
      return { kind: 'Binding', verbs: ['create'] };
    default:
      return { kind: t.kind, verbs: ['get', 'patch', 'update'] };
  }
}

export function apiVersions(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupDoc(registry: ResourceRegistry, group: string): object {
  const preferred = registry.preferredVersion(group) ?? '';
  const versions = registry.versionsOf(group);
  // Preferred version first, as kube-apiserver lists them.
  versions.sort((a, b) => (a === preferred ? -1 : b === preferred ? 1 : 0));
  return {
    name: group,
    versions: versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v })),
    preferredVersion: { groupVersion: `${group}/${preferred}`, version: preferred },
  };
}

export function apiGroupList(registry: ResourceRegistry): object {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: registry
      .groups()
      .filter((g) => g !== '')
      .map((g) => groupDoc(registry, g)),
  };
}

export function apiGroup(registry: ResourceRegistry, group: string): object | undefined {
  if (group === '' || !registry.groups().includes(group)) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(registry, group) };
}

/** APIResourceList of one group/version, subresources included (`pods/log`, `deployments/scale`). */
export function apiResourceList(
  registry: ResourceRegistry,
  group: string,
  version: string,
): object | undefined {
  const types = registry.all().filter((t) => t.group === group && t.version === version);
  if (types.length === 0) return undefined;
  const resources: object[] = [];
  for (const t of types) {
    const entry: Record<string, unknown> = {
      name: t.resource,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: t.verbs,
    };
    if (t.shortNames.length > 0) entry.shortNames = t.shortNames;
    if (t.categories.length > 0) entry.categories = t.categories;
    resources.push(entry);
    for (const sub of t.subresources) {
      const f = subresourceFacts(t, sub);
      const s: Record<string, unknown> = {
        name: `${t.resource}/${sub}`,
        singularName: '',
        namespaced: t.namespaced,
        kind: f.kind,
        verbs: f.verbs,
      };
      if (f.group) s.group = f.group;
      if (f.version) s.version = f.version;
      resources.push(s);
    }
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources,
  };
}

/** The media type kube-apiserver answers aggregated discovery with. */
export const AGGREGATED_DISCOVERY = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** True when the client asks for aggregated discovery (apidiscovery.k8s.io v2 or v2beta1) first. */
export function wantsAggregated(accept: string | undefined): 'v2' | 'v2beta1' | undefined {
  for (const range of (accept ?? '').split(',')) {
    const params = range.split(';').map((s) => s.trim());
    if (params[0] !== 'application/json') continue;
    if (!params.includes('g=apidiscovery.k8s.io') || !params.includes('as=APIGroupDiscoveryList'))
      return undefined;
    if (params.includes('v=v2')) return 'v2';
    if (params.includes('v=v2beta1')) return 'v2beta1';
  }
  return undefined;
}

function discoveryResource(t: ResourceType): object {
  const entry: Record<string, unknown> = {
    resource: t.resource,
    responseKind: { group: t.group, version: t.version, kind: t.kind },
    scope: t.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: t.singular,
    verbs: t.verbs,
  };
  if (t.shortNames.length > 0) entry.shortNames = t.shortNames;
  if (t.categories.length > 0) entry.categories = t.categories;
  if (t.subresources.length > 0)
    entry.subresources = t.subresources.map((sub) => {
      const f = subresourceFacts(t, sub);
      return {
        subresource: sub,
        responseKind: { group: f.group ?? t.group, version: f.version ?? t.version, kind: f.kind },
        verbs: f.verbs,
      };
    });
  return entry;
}

/** APIGroupDiscoveryList for `/api` (legacy: the core group) or `/apis` (every named group). */
export function aggregatedDiscovery(
  registry: ResourceRegistry,
  legacy: boolean,
  version: 'v2' | 'v2beta1',
): object {
  const groups = legacy ? [''] : registry.groups().filter((g) => g !== '');
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `apidiscovery.k8s.io/${version}`,
    metadata: {},
    items: groups.map((group) => {
      const preferred = registry.preferredVersion(group);
      const versions = registry
        .versionsOf(group)
        .sort((a, b) => (a === preferred ? -1 : b === preferred ? 1 : 0));
      return {
        metadata: { name: group, creationTimestamp: null },
        versions: versions.map((v) => ({
          version: v,
          resources: registry
            .all()
            .filter((t) => t.group === group && t.version === v)
            .map(discoveryResource),
          freshness: 'Current',
        })),
      };
    }),
  };
}
