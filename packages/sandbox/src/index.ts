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
export {
  OLD_REGISTRY,
  NEW_REGISTRY,
  SAMPLE_LABEL as IMAGE_MIGRATION_SAMPLE_LABEL,
  SAMPLE_NAMESPACES as IMAGE_MIGRATION_SAMPLE_NAMESPACES,
  type SampleNamespace as ImageMigrationSampleNamespace,
} from './cluster/seed/image-migration/samples.js';
export {
  parseImageReference,
  formatImageReference,
  type ImageReference,
} from './apiserver/openshift/image-reference.js';
export {
  startPrometheus,
  findPrometheus,
  type PrometheusOptions,
  type RunningPrometheus,
} from './monitoring/prometheus.js';
export { METRICS_PATHS } from './monitoring/index.js';
export {
  startQueryFront,
  MONITORING_API_ATTRIBUTES,
  type QueryFront,
  type QueryFrontOptions,
} from './monitoring/query-front.js';
