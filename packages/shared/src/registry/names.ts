/**
 * The names of the objects the console works with (domain.md §1): the one table of object
 * names, namespaces, selectors and container names. Kind coordinates are in kinds.ts.
 */
export const RegistryNames = {
  /** The Config and the ImagePruner are singletons named `cluster` (not `instance`, renamed in 2019). */
  configName: 'cluster',
  legacyConfigName: 'instance',
  imagePrunerName: 'cluster',
  /** `images.config.openshift.io` and `proxies.config.openshift.io` are singletons named `cluster`. */
  clusterConfigName: 'cluster',
  namespace: 'openshift-image-registry',
  /** Where the cluster-wide config lives: the pull secret and the trusted CA ConfigMap. */
  configNamespace: 'openshift-config',
  clusterOperator: 'image-registry',
  registryDeployment: 'image-registry',
  operatorDeployment: 'cluster-image-registry-operator',
  registryPodSelector: 'docker-registry=default',
  operatorPodSelector: 'name=cluster-image-registry-operator',
  registryContainer: 'registry',
  operatorContainer: 'cluster-image-registry-operator',
  userCredentialsSecret: 'image-registry-private-configuration-user',
  cloudCredentialsSecret: 'installer-cloud-credentials',
  pullSecret: 'pull-secret',
  prunerCronJob: 'image-pruner',
  nodeCaDaemonSet: 'node-ca',
  defaultRouteName: 'default-route',
  defaultClaimName: 'image-registry-storage',
  fieldManager: 'image-registry-console',
} as const;
