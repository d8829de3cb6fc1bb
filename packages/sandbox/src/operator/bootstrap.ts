import type { KubeObject } from '../core/types.js';
import { R } from '../core/refs.js';
import { isAlreadyExists } from '../core/objects.js';
import { randomHex } from '../core/names.js';
import type { OperatorEnv } from './context.js';
import { CONFIG_NAME, FINALIZER } from './defaults.js';
import { platformDefaultStorage } from './storage/index.js';

/** Platforms without object storage bootstrap the registry as Removed (domain.md §6.1). */
const REMOVED_PLATFORMS = new Set([
  'BareMetal',
  'VSphere',
  'None',
  'Nutanix',
  'KubeVirt',
  'EquinixMetal',
  'AlibabaCloud',
  'External',
]);

/** The Config the operator creates when there is none (op:pkg/operator/bootstrap.go). */
export function bootstrapConfig(platform: string): KubeObject {
  const storage = platformDefaultStorage(platform);
  const fileStorage = 'emptyDir' in storage || 'pvc' in storage;
  return {
    apiVersion: 'imageregistry.operator.openshift.io/v1',
    kind: 'Config',
    metadata: { name: CONFIG_NAME, finalizers: [FINALIZER] },
    spec: {
      managementState: REMOVED_PLATFORMS.has(platform) ? 'Removed' : 'Managed',
      logLevel: 'Normal',
      operatorLogLevel: 'Normal',
      replicas: fileStorage ? 1 : 2,
      rolloutStrategy: 'pvc' in storage ? 'Recreate' : 'RollingUpdate',
      httpSecret: randomHex(64),
      storage,
      // no observedConfig: 4.23's config observer writes it by an update of its own (config-observer.ts)
    },
  };
}

export function bootstrap(env: OperatorEnv): void {
  env.log.info('bootstrap.go:42', 'generating registry custom resource');
  try {
    env.api.create(R.configs, undefined, bootstrapConfig(env.platform.platform));
  } catch (e) {
    if (!isAlreadyExists(e)) throw e;
  }
}
