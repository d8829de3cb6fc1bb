import type { KubeObject } from '../core/types.js';
import { R } from '../core/refs.js';
import { isAlreadyExists } from '../core/objects.js';
import { randomHex } from '../core/names.js';
import type { OperatorEnv } from './context.js';
import { CONFIG_NAME, DEFAULT_TLS_PROFILE, EVENT_COMPONENT, FINALIZER, NS } from './defaults.js';
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
      // 4.23's config observer: the cluster TLS profile the registry serves with (its TLS env)
      observedConfig: {
        servingInfo: {
          minTLSVersion: DEFAULT_TLS_PROFILE.minTLSVersion,
          cipherSuites: [...DEFAULT_TLS_PROFILE.cipherSuites],
        },
      },
    },
  };
}

export function bootstrap(env: OperatorEnv): void {
  env.log.info('bootstrap.go:42', 'generating registry custom resource');
  try {
    env.api.create(R.configs, undefined, bootstrapConfig(env.platform.platform));
    observedTLSEvents(env);
  } catch (e) {
    if (!isAlreadyExists(e)) throw e;
  }
}

/** The events of the first TLS-profile observation (library-go's ObserveTLSSecurityProfile). */
function observedTLSEvents(env: OperatorEnv): void {
  const quoted = DEFAULT_TLS_PROFILE.cipherSuites.map((c) => `"${c}"`).join(' ');
  for (const message of [
    `minTLSVersion changed to ${DEFAULT_TLS_PROFILE.minTLSVersion}`,
    `cipherSuites changed to [${quoted}]`,
  ])
    env.events.record(
      { component: EVENT_COMPONENT },
      env.self(),
      'Normal',
      'ObserveTLSSecurityProfile',
      message,
      { namespace: NS },
    );
}
