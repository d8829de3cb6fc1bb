import type { KubeObject } from '../../core/types.js';
import type { ResourceRegistry } from '../resources/registry.js';

export const VIEWER_ROLE = 'sandbox:viewer';
export const DEVELOPER_ROLE = 'sandbox:developer';
export const DEVELOPER_NAMESPACE = 'developer';

const READ = ['get', 'list', 'watch'];
const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

const clusterRole = (name: string, rules: unknown[]): KubeObject => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRole',
  metadata: { name, labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } },
  rules,
});

const binding = (
  kind: 'ClusterRoleBinding' | 'RoleBinding',
  name: string,
  role: string,
  subjects: Array<{ kind: string; name: string }>,
  namespace?: string,
): KubeObject => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind,
  metadata: namespace ? { name, namespace } : { name },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
  subjects: subjects.map((s) => ({ apiGroup: 'rbac.authorization.k8s.io', ...s })),
});

/** Every resource (and read-only subresource) the registry serves, grouped by API group, minus `except`. */
function readableResources(registry: ResourceRegistry, except: Set<string>): unknown[] {
  const byGroup = new Map<string, Set<string>>();
  for (const t of registry.all()) {
    if (except.has(`${t.group}/${t.resource}`) || !t.verbs.includes('get')) continue;
    const set = byGroup.get(t.group) ?? new Set<string>();
    set.add(t.resource);
    for (const sub of t.subresources) if (sub !== 'finalize') set.add(`${t.resource}/${sub}`);
    byGroup.set(t.group, set);
  }
  return [...byGroup].map(([group, resources]) => ({
    apiGroups: [group],
    resources: [...resources].sort(),
    verbs: READ,
  }));
}

/**
 * The sandbox's access policy as real RBAC objects:
 * - `admin`: cluster-admin (and the system:masters group);
 * - `viewer`: get/list/watch on everything except Secrets;
 * - `developer`: basic workload access in its own namespace only — nothing of the registry.
 */
export function seedRbac(registry: ResourceRegistry): { cluster: KubeObject[]; namespaced: KubeObject[] } {
  const cluster = [
    clusterRole('cluster-admin', [
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      { nonResourceURLs: ['*'], verbs: ['*'] },
    ]),
    clusterRole('system:discovery', [
      {
        nonResourceURLs: [
          '/api',
          '/api/*',
          '/apis',
          '/apis/*',
          '/healthz',
          '/livez',
          '/openapi',
          '/openapi/*',
          '/readyz',
          '/version',
          '/version/',
        ],
        verbs: ['get'],
      },
    ]),
    clusterRole('system:basic-user', [
      {
        apiGroups: ['authorization.k8s.io'],
        resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
        verbs: ['create'],
      },
      { apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'], verbs: ['create'] },
    ]),
    // What a component that delegates authn/authz to the API server is bound to (kube-rbac-proxy, a
    // metrics endpoint checking its scraper): TokenReview + SubjectAccessReview.
    clusterRole('system:auth-delegator', [
      { apiGroups: ['authentication.k8s.io'], resources: ['tokenreviews'], verbs: ['create'] },
      { apiGroups: ['authorization.k8s.io'], resources: ['subjectaccessreviews'], verbs: ['create'] },
    ]),
    // Read the monitoring endpoints; bound to the group system:monitoring, as in kube.
    clusterRole('system:monitoring', [
      {
        nonResourceURLs: [
          '/healthz',
          '/healthz/*',
          '/livez',
          '/livez/*',
          '/metrics',
          '/metrics/slis',
          '/readyz',
          '/readyz/*',
        ],
        verbs: ['get'],
      },
    ]),
    // OpenShift's role for reading cluster monitoring: the Thanos querier's kube-rbac-proxy asks
    // for the `api` subresource of Prometheus k8s (get for GET, create for POST); bound to no one
    // here (the admin has it through cluster-admin, the viewer has not).
    clusterRole('cluster-monitoring-view', [
      {
        apiGroups: ['monitoring.coreos.com'],
        resources: ['prometheuses/api'],
        resourceNames: ['k8s'],
        verbs: ['get', 'create', 'update'],
      },
      { apiGroups: [''], resources: ['namespaces'], verbs: ['get'] },
    ]),
    clusterRole(VIEWER_ROLE, readableResources(registry, new Set(['/secrets']))),
    clusterRole(DEVELOPER_ROLE, [
      {
        apiGroups: [''],
        resources: [
          'pods',
          'pods/log',
          'pods/status',
          'services',
          'configmaps',
          'secrets',
          'events',
          'serviceaccounts',
          'persistentvolumeclaims',
        ],
        verbs: ALL,
      },
      {
        apiGroups: ['apps'],
        resources: [
          'deployments',
          'deployments/scale',
          'deployments/status',
          'replicasets',
          'replicasets/scale',
          'statefulsets',
          'statefulsets/scale',
          'daemonsets',
        ],
        verbs: ALL,
      },
      { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: ALL },
      // OpenShift's edit role: a project's image streams, deployment and build configs
      { apiGroups: ['image.openshift.io'], resources: ['imagestreams'], verbs: ALL },
      { apiGroups: ['apps.openshift.io'], resources: ['deploymentconfigs'], verbs: ALL },
      { apiGroups: ['build.openshift.io'], resources: ['buildconfigs'], verbs: ALL },
      { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles', 'rolebindings'], verbs: READ },
      { apiGroups: [''], resources: ['namespaces'], resourceNames: [DEVELOPER_NAMESPACE], verbs: ['get'] },
    ]),
    binding('ClusterRoleBinding', 'cluster-admin', 'cluster-admin', [
      { kind: 'Group', name: 'system:masters' },
      { kind: 'User', name: 'admin' },
    ]),
    binding('ClusterRoleBinding', 'system:discovery', 'system:discovery', [
      { kind: 'Group', name: 'system:authenticated' },
    ]),
    binding('ClusterRoleBinding', 'system:basic-user', 'system:basic-user', [
      { kind: 'Group', name: 'system:authenticated' },
    ]),
    binding('ClusterRoleBinding', 'system:monitoring', 'system:monitoring', [
      { kind: 'Group', name: 'system:monitoring' },
    ]),
    binding('ClusterRoleBinding', VIEWER_ROLE, VIEWER_ROLE, [{ kind: 'User', name: 'viewer' }]),
  ];
  const namespaced = [
    binding(
      'RoleBinding',
      DEVELOPER_ROLE,
      DEVELOPER_ROLE,
      [{ kind: 'User', name: 'developer' }],
      DEVELOPER_NAMESPACE,
    ),
  ];
  return { cluster, namespaced };
}
