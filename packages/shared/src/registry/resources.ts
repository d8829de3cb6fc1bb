/**
 * Where each registry kind lives in the API (group, version, plural) and the names of the
 * singletons the image registry operator works with (domain.md §1).
 */
export interface RegistryResource {
  group: string;
  version: string;
  /** plural, lower case, as in the URL */
  resource: string;
  kind: string;
  namespaced: boolean;
}

const res = (group: string, resource: string, kind: string, namespaced = false): RegistryResource => ({
  group,
  version: 'v1',
  resource,
  kind,
  namespaced,
});

export const REGISTRY_RESOURCES = {
  config: res('imageregistry.operator.openshift.io', 'configs', 'Config'),
  imagePruner: res('imageregistry.operator.openshift.io', 'imagepruners', 'ImagePruner'),
  clusterOperator: res('config.openshift.io', 'clusteroperators', 'ClusterOperator'),
  imageConfig: res('config.openshift.io', 'images', 'Image'),
  route: res('route.openshift.io', 'routes', 'Route', true),
  consolePlugin: res('console.openshift.io', 'consoleplugins', 'ConsolePlugin'),
} as const;

/** `apiVersion` of a registry resource. */
export const apiVersionOf = (r: RegistryResource): string => `${r.group}/${r.version}`;

/** The Config (CONFIG_NAME) and the ImagePruner are singletons named `cluster` (not `instance`, renamed in 2019). */
export const IMAGE_PRUNER_NAME = 'cluster';
export const IMAGE_CONFIG_NAME = 'cluster';
export const CLUSTER_OPERATOR_NAME = 'image-registry';
export const REGISTRY_NAMESPACE = 'openshift-image-registry';
