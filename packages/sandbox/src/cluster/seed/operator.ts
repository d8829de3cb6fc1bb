import type { ApiClient, KubeObject } from '../../core/types.js';
import { R } from '../../core/refs.js';
import { ensure } from './ensure.js';
import { tolerate } from './platform.js';
import {
  CO_NAME,
  IMAGES,
  NS,
  OPERATOR_LABELS,
  OPERATOR_NAME,
  RELEASE_VERSION,
} from '../../operator/defaults.js';

/**
 * What the cluster-version operator installs from the operator's manifests (op:manifests/*):
 * the operator's ServiceAccount, Service, Deployment and the (status-less) ClusterOperator.
 * Everything else — the Config CR, the registry, node-ca, the pruner — the operator creates.
 */
export function operatorDeployment(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: OPERATOR_NAME,
      namespace: NS,
      annotations: {
        'config.openshift.io/inject-proxy': OPERATOR_NAME,
        'include.release.openshift.io/self-managed-high-availability': 'true',
        'capability.openshift.io/name': 'ImageRegistry',
      },
    },
    spec: {
      replicas: 1,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: { type: 'Recreate' },
      selector: { matchLabels: { ...OPERATOR_LABELS } },
      template: {
        metadata: {
          labels: { ...OPERATOR_LABELS },
          annotations: {
            'target.workload.openshift.io/management': '{"effect": "PreferredDuringScheduling"}',
            'openshift.io/required-scc': 'restricted-v2',
          },
        },
        spec: {
          serviceAccountName: OPERATOR_NAME,
          priorityClassName: 'system-cluster-critical',
          nodeSelector: { 'node-role.kubernetes.io/master': '' },
          tolerations: [
            { key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' },
            {
              key: 'node.kubernetes.io/unreachable',
              operator: 'Exists',
              effect: 'NoExecute',
              tolerationSeconds: 120,
            },
            {
              key: 'node.kubernetes.io/not-ready',
              operator: 'Exists',
              effect: 'NoExecute',
              tolerationSeconds: 120,
            },
          ],
          terminationGracePeriodSeconds: 30,
          containers: [
            {
              name: OPERATOR_NAME,
              image: IMAGES.operator,
              imagePullPolicy: 'IfNotPresent',
              command: ['cluster-image-registry-operator'],
              args: [
                '--files=/var/run/configmaps/trusted-ca/tls-ca-bundle.pem',
                '--files=/etc/secrets/tls.crt',
                '--files=/etc/secrets/tls.key',
              ],
              ports: [{ name: 'metrics', containerPort: 60000, protocol: 'TCP' }],
              env: [
                { name: 'RELEASE_VERSION', value: RELEASE_VERSION },
                {
                  name: 'WATCH_NAMESPACE',
                  valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } },
                },
                { name: 'OPERATOR_NAME', value: OPERATOR_NAME },
                { name: 'OPERATOR_IMAGE', value: IMAGES.operator },
                { name: 'IMAGE', value: IMAGES.registry },
                { name: 'IMAGE_PRUNER', value: IMAGES.cli },
                { name: 'AWS_EC2_METADATA_DISABLED', value: 'true' },
              ],
              resources: { requests: { cpu: '10m', memory: '50Mi' } },
              terminationMessagePolicy: 'FallbackToLogsOnError',
              volumeMounts: [
                { name: 'trusted-ca', mountPath: '/var/run/configmaps/trusted-ca/' },
                { name: 'image-registry-operator-tls', mountPath: '/etc/secrets' },
                {
                  name: 'bound-sa-token',
                  mountPath: '/var/run/secrets/openshift/serviceaccount',
                  readOnly: true,
                },
              ],
            },
          ],
          volumes: [
            { name: 'image-registry-operator-tls', secret: { secretName: 'image-registry-operator-tls' } },
            {
              name: 'trusted-ca',
              configMap: {
                name: 'trusted-ca',
                optional: true,
                items: [{ key: 'ca-bundle.crt', path: 'tls-ca-bundle.pem' }],
              },
            },
            {
              name: 'bound-sa-token',
              projected: { sources: [{ serviceAccountToken: { audience: 'openshift', path: 'token' } }] },
            },
          ],
        },
      },
    },
  };
}

export function seedOperator(api: ApiClient): void {
  ensure(api, R.serviceAccounts, {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: OPERATOR_NAME, namespace: NS },
  });
  ensure(api, R.serviceAccounts, {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: 'node-ca', namespace: NS },
  });
  ensure(api, R.serviceAccounts, {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: 'pruner', namespace: NS },
  });
  ensure(api, R.services, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'image-registry-operator',
      namespace: NS,
      labels: { name: 'image-registry-operator' },
      annotations: { 'service.beta.openshift.io/serving-cert-secret-name': 'image-registry-operator-tls' },
    },
    spec: {
      clusterIP: 'None',
      ports: [{ name: 'metrics', port: 60000, protocol: 'TCP', targetPort: 60000 }],
      selector: { ...OPERATOR_LABELS },
    },
  });
  ensure(api, R.deployments, operatorDeployment());
  tolerate(() =>
    ensure(api, R.clusterOperators, {
      apiVersion: 'config.openshift.io/v1',
      kind: 'ClusterOperator',
      metadata: {
        name: CO_NAME,
        annotations: {
          'capability.openshift.io/name': 'ImageRegistry',
          'include.release.openshift.io/self-managed-high-availability': 'true',
        },
      },
      spec: {},
    }),
  );
}
