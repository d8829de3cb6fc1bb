export * from './core/types.js';
export * from './core/errors.js';
export { ScaledClock, timeScaleFromEnv, DEFAULT_TIME_SCALE } from './core/clock.js';
export { ApiServer, SYSTEM_ADMIN, type ApiServerOptions } from './apiserver/api-server.js';
export { MemoryPodLogStore, rfc3339Nano } from './apiserver/logs/log-store.js';
export {
  parseLabelSelector,
  matchesLabels,
  matchesSelectorObject,
  formatSelectorObject,
  type LabelSelectorObject,
} from './apiserver/selectors/labels.js';
export { startSandbox, type SandboxOptions, type SandboxHandle } from './sandbox.js';
export type { SandboxUserName } from './apiserver/http/auth.js';
export { kubeconfigYaml, defaultKubeconfigPath, findRepoRoot } from './apiserver/kubeconfig.js';
