import type { ResourceRef } from './types.js';

/** The resource types the in-cluster controllers read and write. */
const core = (resource: string): ResourceRef => ({ group: '', version: 'v1', resource });
const apps = (resource: string): ResourceRef => ({ group: 'apps', version: 'v1', resource });

export const R = {
  namespaces: core('namespaces'),
  nodes: core('nodes'),
  pods: core('pods'),
  events: core('events'),
  secrets: core('secrets'),
  configMaps: core('configmaps'),
  services: core('services'),
  serviceAccounts: core('serviceaccounts'),
  pvcs: core('persistentvolumeclaims'),
  pvs: core('persistentvolumes'),
  storageClasses: { group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' },
  deployments: apps('deployments'),
  replicaSets: apps('replicasets'),
  statefulSets: apps('statefulsets'),
  daemonSets: apps('daemonsets'),
  jobs: { group: 'batch', version: 'v1', resource: 'jobs' },
  cronJobs: { group: 'batch', version: 'v1', resource: 'cronjobs' },
  pdbs: { group: 'policy', version: 'v1', resource: 'poddisruptionbudgets' },
  leases: { group: 'coordination.k8s.io', version: 'v1', resource: 'leases' },
  networkPolicies: { group: 'networking.k8s.io', version: 'v1', resource: 'networkpolicies' },
  clusterRoles: { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterroles' },
  clusterRoleBindings: { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterrolebindings' },
  routes: { group: 'route.openshift.io', version: 'v1', resource: 'routes' },
  configs: { group: 'imageregistry.operator.openshift.io', version: 'v1', resource: 'configs' },
  imagePruners: { group: 'imageregistry.operator.openshift.io', version: 'v1', resource: 'imagepruners' },
  clusterOperators: { group: 'config.openshift.io', version: 'v1', resource: 'clusteroperators' },
  imageConfigs: { group: 'config.openshift.io', version: 'v1', resource: 'images' },
  infrastructures: { group: 'config.openshift.io', version: 'v1', resource: 'infrastructures' },
  proxies: { group: 'config.openshift.io', version: 'v1', resource: 'proxies' },
  apiServers: { group: 'config.openshift.io', version: 'v1', resource: 'apiservers' },
  imageStreams: { group: 'image.openshift.io', version: 'v1', resource: 'imagestreams' },
  deploymentConfigs: { group: 'apps.openshift.io', version: 'v1', resource: 'deploymentconfigs' },
  buildConfigs: { group: 'build.openshift.io', version: 'v1', resource: 'buildconfigs' },
} satisfies Record<string, ResourceRef>;

export const REGISTRY_NS = 'openshift-image-registry';
