import type { ApiClient, Clock, KubeObject, UserInfo } from '../core/types.js';
import { sandboxCrds, type CustomResourceDefinition } from '../validation/index.js';
import { InProcessClient } from './client.js';
import { GarbageCollector } from './gc/garbage-collector.js';
import { MemoryPodLogStore } from './logs/log-store.js';
import { RbacAuthorizer, SUPERUSER_GROUP } from './rbac/authorizer.js';
import {
  selfSubjectAccessReview,
  selfSubjectReview,
  selfSubjectRulesReview,
  subjectAccessReview,
} from './rbac/reviews.js';
import { DEVELOPER_NAMESPACE, seedRbac } from './rbac/seed.js';
import { builtinResourceTypes } from './resources/builtin.js';
import { openshiftResourceTypes, type RegistryHostnames } from './openshift/index.js';
import { ResourceRegistry, storageKey } from './resources/registry.js';
import { bindPod } from './service/binding.js';
import { ResourceService } from './service/resource-service.js';
import { kubeTime, stampCreate } from './service/object-meta.js';
import { ObjectStore } from './storage/object-store.js';
import type { WatchCacheOptions } from './storage/watch-cache.js';

/** The identity controllers act as: a superuser, like kube-controller-manager's credentials. */
export const SYSTEM_ADMIN: UserInfo = {
  username: 'system:admin',
  groups: [SUPERUSER_GROUP, 'system:authenticated'],
};

/** Namespaces every cluster starts with (plus the developer's own). */
const SEED_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease', DEVELOPER_NAMESPACE];

export interface ApiServerOptions {
  clock: Clock;
  /**
   * Sizing of each resource's watch cache (default: kube 1.32's — 100 events, doubling while
   * full of events younger than 75 s, up to 102400). A watch from before the window gets 410.
   */
  watchCache?: Partial<WatchCacheOptions>;
  /** kube-apiserver --etcd-compaction-interval in ms (default 5 min, wall clock; 0 = never). */
  compactionIntervalMs?: number;
  /**
   * For how long after the start HTTP lists and watches answer 503 "storage is (re)initializing",
   * as a restarted kube-apiserver does while its watch cache fills (default 0: ready at once).
   */
  storageInitializingMs?: number;
  /** The first resourceVersion (default: grows with wall-clock time, so a restarted sandbox never reuses one). */
  initialResourceVersion?: number;
  /** CRDs to serve; default: validation's sandboxCrds(). */
  crds?: CustomResourceDefinition[];
}

/** kube-apiserver's default --etcd-compaction-interval. */
export const DEFAULT_COMPACTION_INTERVAL_MS = 5 * 60_000;

/**
 * Where a fresh store's revisions start: tenths of a millisecond since 2025-01-01. etcd keeps its
 * revision across an API server restart, so an old client's resourceVersion is always older than
 * anything a restarted server holds and its watch gets 410 (it re-lists); starting every run at 1
 * would make old versions look like future ones instead. Holds while a run averages under 10,000
 * writes a second.
 */
export function initialResourceVersion(now = Date.now()): number {
  return Math.max(1, (now - Date.UTC(2025, 0, 1)) * 10);
}

/**
 * The API machinery without HTTP: registry, store, RBAC, garbage collector, pod logs. Seeds the
 * CRDs, namespaces and the RBAC policy at construction, as a fresh cluster has them.
 */
export class ApiServer {
  readonly registry = new ResourceRegistry();
  readonly store: ObjectStore;
  readonly logs = new MemoryPodLogStore();
  readonly authorizer: RbacAuthorizer;
  readonly service: ResourceService;
  readonly clock: Clock;
  private readonly stops: Array<() => void> = [];

  constructor(opts: ApiServerOptions) {
    this.clock = opts.clock;
    this.store = new ObjectStore({
      startResourceVersion: opts.initialResourceVersion ?? initialResourceVersion(),
      watchCache: opts.watchCache,
    });
    const compactEvery = opts.compactionIntervalMs ?? DEFAULT_COMPACTION_INTERVAL_MS;
    if (compactEvery > 0) {
      const timer = setInterval(() => this.store.compact(), compactEvery);
      timer.unref();
      this.stops.push(() => clearInterval(timer));
    }
    this.registry.add(...builtinResourceTypes(), ...openshiftResourceTypes(() => this.registryHostnames()));
    this.authorizer = new RbacAuthorizer({
      clusterRoles: () => this.store.list('rbac.authorization.k8s.io/clusterroles'),
      clusterRoleBindings: () => this.store.list('rbac.authorization.k8s.io/clusterrolebindings'),
      roles: (ns) => this.store.list('rbac.authorization.k8s.io/roles', ns),
      roleBindings: (ns) => this.store.list('rbac.authorization.k8s.io/rolebindings', ns),
    });
    this.service = new ResourceService(this.registry, this.store, this.clock, this.authorizer);
    this.service.cacheReadyAt = Date.now() + (opts.storageInitializingMs ?? 0);
    this.service.virtualCreate.set('authorization.k8s.io/selfsubjectaccessreviews', (user, body) =>
      selfSubjectAccessReview(this.authorizer, user, body),
    );
    this.service.virtualCreate.set('authorization.k8s.io/subjectaccessreviews', (_user, body) =>
      subjectAccessReview(this.authorizer, body),
    );
    this.service.virtualCreate.set('/bindings', (_user, body) =>
      bindPod(this.service, body.metadata.namespace, body),
    );
    this.service.virtualCreate.set('authorization.k8s.io/selfsubjectrulesreviews', (user, body) =>
      selfSubjectRulesReview(this.authorizer, user, body),
    );
    this.service.virtualCreate.set('authentication.k8s.io/selfsubjectreviews', (user) =>
      selfSubjectReview(user),
    );
    for (const crd of opts.crds ?? sandboxCrds()) this.installCrd(crd);
    this.seed();
    const gc = new GarbageCollector(this.service);
    this.stops.push(gc.start());
    // The kubelet forgets a pod's logs when the pod object is gone.
    this.stops.push(
      this.store.onAnyChange((key, e) => {
        if (key === '/pods' && e.type === 'DELETED')
          this.logs.remove(e.object.metadata.namespace ?? '', e.object.metadata.name ?? '');
      }),
    );
  }

  /**
   * The integrated registry's hostnames as openshift-apiserver learns them: from
   * images.config.openshift.io/cluster status, which the registry operator keeps current.
   */
  private registryHostnames(): RegistryHostnames {
    const image = this.store.get('config.openshift.io/images', undefined, 'cluster');
    const status = (image?.status ?? {}) as {
      internalRegistryHostname?: unknown;
      externalRegistryHostnames?: unknown;
    };
    const external = Array.isArray(status.externalRegistryHostnames)
      ? status.externalRegistryHostnames[0]
      : undefined;
    return {
      internal: typeof status.internalRegistryHostname === 'string' ? status.internalRegistryHostname : '',
      external: typeof external === 'string' && external !== '' ? external : undefined,
    };
  }

  /** Serves a CRD: stored (readable at apiextensions.k8s.io/v1) and its resources registered. */
  installCrd(crd: CustomResourceDefinition): void {
    const type = this.registry.find('apiextensions.k8s.io', 'v1', 'customresourcedefinitions');
    if (!type) throw new Error('customresourcedefinitions not registered');
    const obj: KubeObject = structuredClone(crd);
    obj.apiVersion = 'apiextensions.k8s.io/v1';
    obj.kind = 'CustomResourceDefinition';
    stampCreate(type, obj, this.clock.now());
    const names = crd.spec.names;
    obj.status = {
      acceptedNames: { ...names },
      storedVersions: crd.spec.versions.filter((v) => v.storage).map((v) => v.name),
      conditions: [
        {
          type: 'NamesAccepted',
          status: 'True',
          reason: 'NoConflicts',
          message: 'no conflicts found',
          lastTransitionTime: kubeTime(this.clock.now()),
        },
        {
          type: 'Established',
          status: 'True',
          reason: 'InitialNamesAccepted',
          message: 'the initial names have been accepted',
          lastTransitionTime: kubeTime(this.clock.now()),
        },
      ],
    };
    this.store.put(storageKey(type), obj);
    this.registry.addCrd(crd);
  }

  private seed(): void {
    const admin = this.client(SYSTEM_ADMIN);
    for (const name of SEED_NAMESPACES)
      admin.create({ group: '', version: 'v1', resource: 'namespaces' }, undefined, {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name },
      });
    admin.create({ group: '', version: 'v1', resource: 'services' }, 'default', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: {
        ports: [{ name: 'https', port: 443, targetPort: 6443, protocol: 'TCP' }],
        clusterIP: '10.96.0.1',
      },
    });
    const { cluster, namespaced } = seedRbac(this.registry);
    for (const obj of [...cluster, ...namespaced]) {
      const resource = `${obj.kind.toLowerCase()}s`;
      admin.create(
        { group: 'rbac.authorization.k8s.io', version: 'v1', resource },
        obj.metadata.namespace,
        obj,
      );
    }
  }

  client(user: UserInfo = SYSTEM_ADMIN): ApiClient {
    return new InProcessClient(this.service, user);
  }

  stop(): void {
    for (const s of this.stops.splice(0)) s();
  }
}
