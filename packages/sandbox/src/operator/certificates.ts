import type { KubeObject } from '../core/types.js';
import { R } from '../core/refs.js';
import { rec, str, tryGet, errorMessage } from '../core/objects.js';
import type { CondSpec } from './conditions.js';
import type { OperatorEnv } from './context.js';
import { applyObject, describe } from './apply.js';
import { CERTS_CONFIGMAP, NS } from './defaults.js';
import { SERVICE_CA_CONFIGMAP } from './resources/pruner-objects.js';

const REGISTRY_CA_CONFIGMAP = 'image-registry-ca';
const MANAGED_NS = 'openshift-config-managed';

/**
 * `openshift-config-managed/image-registry-ca`: the registry's own hostnames (`host..port` keys)
 * with the service CA, published for the rest of the cluster (owning component "Image Registry").
 */
function applyRegistryCA(env: OperatorEnv, data: Record<string, string>): void {
  applyObject(env, R.configMaps, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: REGISTRY_CA_CONFIGMAP,
      namespace: MANAGED_NS,
      annotations: { 'openshift.io/owning-component': 'Image Registry' },
    },
    data: { ...data },
  });
}

const SERVICE_HOSTS = [
  'image-registry.openshift-image-registry.svc..5000',
  'image-registry.openshift-image-registry.svc.cluster.local..5000',
];

/**
 * ImageRegistryCertificatesController (op:pkg/resource/caconfig.go): builds
 * `image-registry-certificates` from the service CA — `service-ca.crt` of the operator's own
 * `serviceca` ConfigMap, which the service-ca operator injects (until then the service hostnames
 * are left out: "the service CA is not injected yet") — the ConfigMap named by
 * `images.config.openshift.io/cluster spec.additionalTrustedCA`, and the S3 `trustedCA`.
 * A referenced ConfigMap that does not exist degrades this controller with the operator's message.
 */
export function syncCertificates(
  env: OperatorEnv,
  cfg: KubeObject | undefined,
): { conditions: CondSpec[]; data?: Record<string, string> } {
  const { api } = env;
  const data: Record<string, string> = {};
  const injected = tryGet(api, R.configMaps, NS, SERVICE_CA_CONFIGMAP);
  const serviceCA = str(rec(injected, 'data')['service-ca.crt']);
  if (serviceCA) for (const h of SERVICE_HOSTS) data[h] = serviceCA;
  else if (injected) env.log.info('caconfig.go', 'the service CA is not injected yet');
  else
    env.log.info(
      'caconfig.go',
      `missing the service CA configmap: configmaps "${SERVICE_CA_CONFIGMAP}" not found`,
      4,
    );
  const removed = str(rec(cfg, 'spec').managementState) === 'Removed';
  try {
    applyRegistryCA(env, data);
  } catch (e) {
    env.log.error('caconfig.go:150', `unable to sync ${REGISTRY_CA_CONFIGMAP}: ${errorMessage(e)}`);
  }
  const existing = tryGet(api, R.configMaps, NS, CERTS_CONFIGMAP);
  const verb = existing ? 'update' : 'create';
  const fail = (message: string): { conditions: CondSpec[] } => ({
    conditions: [
      { type: 'ImageRegistryCertificatesControllerDegraded', status: 'True', reason: 'Error', message },
    ],
  });
  try {
    let imageConfig: KubeObject | undefined;
    try {
      imageConfig = tryGet(api, R.imageConfigs, undefined, 'cluster');
    } catch {
      imageConfig = undefined;
    }
    const caName = str(rec(imageConfig, 'spec', 'additionalTrustedCA').name);
    if (caName) {
      const cm = tryGet(api, R.configMaps, 'openshift-config', caName);
      if (!cm) {
        const target: KubeObject = {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: CERTS_CONFIGMAP, namespace: NS },
        };
        return fail(
          `failed to ${verb} object ${describe(target)}: ${CERTS_CONFIGMAP}: configmap "${caName}" not found`,
        );
      }
      for (const [k, v] of Object.entries(rec(cm, 'data'))) if (typeof v === 'string') data[k] = v;
    }
    const trustedCA = str(rec(cfg, 'spec', 'storage', 's3', 'trustedCA').name);
    if (trustedCA) {
      const cm = tryGet(api, R.configMaps, 'openshift-config', trustedCA);
      const bundle = str(rec(cm, 'data')['ca-bundle.crt']);
      if (!cm || !bundle) {
        const target: KubeObject = {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: CERTS_CONFIGMAP, namespace: NS },
        };
        return fail(
          `failed to ${verb} object ${describe(target)}: ${CERTS_CONFIGMAP}: configmap "${trustedCA}" not found`,
        );
      }
      data['storage-ca-bundle.pem'] = bundle;
    }
    // on Removed the real operator empties it (operator-facts.md)
    if (removed) for (const k of Object.keys(data)) delete data[k];
    applyObject(env, R.configMaps, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: CERTS_CONFIGMAP, namespace: NS },
      data,
    });
    return {
      conditions: [
        {
          type: 'ImageRegistryCertificatesControllerDegraded',
          status: 'False',
          reason: 'AsExpected',
          message: '',
        },
      ],
      data,
    };
  } catch (e) {
    return fail(errorMessage(e));
  }
}
