/**
 * One descriptor per kind the console reads or writes (domain.md §1), after Headlamp's resource
 * classes: a kind knows where it lives in the API (group, version, resource, namespaced), which
 * object the console works with (the singleton's name, the namespace), its API path, and the
 * SelfSubjectAccessReview attributes of a verb on it. Object names are in names.ts.
 */
import { RegistryNames } from './names.js';

/** `resourceAttributes` of a SelfSubjectAccessReview. */
export interface AccessAttributes {
  verb: string;
  /** '' for the core group. */
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export interface KindSpec {
  /** '' for the core group. */
  group: string;
  version: string;
  /** plural, lower case, as in the URL */
  resource: string;
  kind: string;
  namespaced: boolean;
  /** The one object of this kind the console works with (a singleton), if any. */
  name?: string;
  /** The namespace the console works in for this kind (namespaced kinds). */
  namespace?: string;
}

/** Verbs that act on a collection: a review of them names no object. */
const COLLECTION_VERBS = new Set(['list', 'watch', 'create', 'deletecollection']);

export class KubeKind implements KindSpec {
  readonly group: string;
  readonly version: string;
  readonly resource: string;
  readonly kind: string;
  readonly namespaced: boolean;
  readonly name?: string;
  readonly namespace?: string;

  constructor(spec: KindSpec) {
    this.group = spec.group;
    this.version = spec.version;
    this.resource = spec.resource;
    this.kind = spec.kind;
    this.namespaced = spec.namespaced;
    if (spec.name !== undefined) this.name = spec.name;
    if (spec.namespace !== undefined) this.namespace = spec.namespace;
  }

  /** `apiVersion` of its objects: `group/version`, or `version` for the core group. */
  get apiVersion(): string {
    return this.group ? `${this.group}/${this.version}` : this.version;
  }

  /** Group, version and plural, as client-node's CustomObjectsApi takes them. */
  get coordinates(): { group: string; version: string; plural: string } {
    return { group: this.group, version: this.version, plural: this.resource };
  }

  /**
   * The API path of the collection (no name) or of one object. The namespace is the kind's own
   * unless given; a cluster-scoped kind has none.
   */
  path(name?: string, namespace = this.namespace): string {
    const root = this.group ? `/apis/${this.group}/${this.version}` : `/api/${this.version}`;
    const ns = this.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
    return `${root}${ns}/${this.resource}${name ? `/${encodeURIComponent(name)}` : ''}`;
  }

  /**
   * The access review attributes of `verb` on this kind: its namespace, and its object's name
   * unless the verb acts on the collection (list, watch, create).
   */
  access(
    verb: string,
    options: { subresource?: string; name?: string; namespace?: string } = {},
  ): AccessAttributes {
    const name = options.name ?? (COLLECTION_VERBS.has(verb) ? undefined : this.name);
    const namespace = options.namespace ?? (this.namespaced ? this.namespace : undefined);
    return {
      verb,
      group: this.group,
      resource: this.resource,
      ...(options.subresource ? { subresource: options.subresource } : {}),
      ...(namespace ? { namespace } : {}),
      ...(name ? { name } : {}),
    };
  }

  /** The same kind for another object (a name) or namespace. */
  with(object: { name?: string; namespace?: string }): KubeKind {
    return new KubeKind({ ...this.spec(), ...object });
  }

  private spec(): KindSpec {
    const { group, version, resource, kind, namespaced, name, namespace } = this;
    return {
      group,
      version,
      resource,
      kind,
      namespaced,
      ...(name !== undefined ? { name } : {}),
      ...(namespace !== undefined ? { namespace } : {}),
    };
  }
}

const NS = RegistryNames.namespace;
const cluster = (group: string, resource: string, kind: string, name?: string) =>
  new KubeKind({ group, version: 'v1', resource, kind, namespaced: false, ...(name ? { name } : {}) });
const inRegistryNs = (group: string, resource: string, kind: string) =>
  new KubeKind({ group, version: 'v1', resource, kind, namespaced: true, namespace: NS });

/** Every kind the console touches, by its Kubernetes kind name. */
export const Kinds = {
  /** Named `cluster`, or `instance` on clusters installed before 2019: no fixed name here. */
  Config: cluster('imageregistry.operator.openshift.io', 'configs', 'Config'),
  ImagePruner: cluster(
    'imageregistry.operator.openshift.io',
    'imagepruners',
    'ImagePruner',
    RegistryNames.imagePrunerName,
  ),
  ClusterOperator: cluster(
    'config.openshift.io',
    'clusteroperators',
    'ClusterOperator',
    RegistryNames.clusterOperator,
  ),
  /** `images.config.openshift.io/cluster`: additional trusted CAs, allowed registries. */
  Image: cluster('config.openshift.io', 'images', 'Image', RegistryNames.clusterConfigName),
  Proxy: cluster('config.openshift.io', 'proxies', 'Proxy', RegistryNames.clusterConfigName),
  ConsolePlugin: cluster('console.openshift.io', 'consoleplugins', 'ConsolePlugin'),
  Node: cluster('', 'nodes', 'Node'),
  Namespace: cluster('', 'namespaces', 'Namespace'),
  Route: inRegistryNs('route.openshift.io', 'routes', 'Route'),
  Deployment: inRegistryNs('apps', 'deployments', 'Deployment'),
  ReplicaSet: inRegistryNs('apps', 'replicasets', 'ReplicaSet'),
  DaemonSet: inRegistryNs('apps', 'daemonsets', 'DaemonSet'),
  CronJob: inRegistryNs('batch', 'cronjobs', 'CronJob'),
  Job: inRegistryNs('batch', 'jobs', 'Job'),
  Pod: inRegistryNs('', 'pods', 'Pod'),
  Event: inRegistryNs('', 'events', 'Event'),
  Secret: inRegistryNs('', 'secrets', 'Secret'),
  ConfigMap: inRegistryNs('', 'configmaps', 'ConfigMap'),
  PersistentVolumeClaim: inRegistryNs('', 'persistentvolumeclaims', 'PersistentVolumeClaim'),
} as const satisfies Record<string, KubeKind>;

/** The particular objects (beyond the singletons of {@link Kinds}) the console reads or writes. */
export const RegistryObjects = {
  /** Storage credentials the operator copies into the registry's own secret. */
  userCredentials: Kinds.Secret.with({ name: RegistryNames.userCredentialsSecret }),
  /** The global pull secret (domain.md §6.13). */
  pullSecret: Kinds.Secret.with({ name: RegistryNames.pullSecret, namespace: RegistryNames.configNamespace }),
  /** The CA ConfigMaps images.config names live in openshift-config (the name comes from the image config). */
  trustedCAs: Kinds.ConfigMap.with({ namespace: RegistryNames.configNamespace }),
} as const;

/** The descriptor of a kind by its name, if the console knows it. */
export function kindNamed(kind: string): KubeKind | undefined {
  return (Kinds as Record<string, KubeKind>)[kind];
}
