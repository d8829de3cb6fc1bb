export { buildApp, type AppOptions } from './app.js';
export { loadKubeConfig, type KubeconfigSource } from './kube/kubeconfig.js';
export { ClusterAccess, bearerToken, type AuthMode } from './kube/access.js';
export { KubeClient } from './kube/client.js';
export { KubeError, toKubeError } from './kube/errors.js';
export { parseCli, type CliOptions } from './options.js';
