import type { KubeObject } from '../../core/types.js';
import { num } from '../../core/objects.js';
import type { Json } from '../../core/objects.js';
import {
  CLUSTER_ROLE,
  CLUSTER_ROLE_BINDING,
  NETWORK_POLICY,
  NS,
  PDB_NAME,
  PRIVATE_CONFIG_SECRET,
  PULL_SECRET_COPY,
  REGISTRY_LABELS,
  REGISTRY_NAME,
  REGISTRY_SA,
  TLS_SECRET,
} from '../defaults.js';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

export function clusterRole(): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: CLUSTER_ROLE },
    rules: [
      { apiGroups: [''], resources: ['limitranges', 'resourcequotas'], verbs: ['list'] },
      {
        apiGroups: ['', 'image.openshift.io'],
        resources: ['imagestreamimages', 'imagestreams/secrets', 'imagestreamtags', 'imagetags'],
        verbs: ['get'],
      },
      { apiGroups: ['', 'image.openshift.io'], resources: ['imagestreams'], verbs: ['get', 'list'] },
      { apiGroups: ['', 'image.openshift.io'], resources: ['imagestreammappings'], verbs: ['create'] },
      { apiGroups: ['', 'image.openshift.io'], resources: ['images'], verbs: ['delete', 'get'] },
      { apiGroups: ['config.openshift.io'], resources: ['images'], verbs: ['get', 'list', 'watch'] },
    ],
  };
}

export function clusterRoleBinding(): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: CLUSTER_ROLE_BINDING },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: CLUSTER_ROLE },
    subjects: [{ kind: 'ServiceAccount', name: REGISTRY_SA, namespace: NS }],
  };
}

export function serviceAccount(): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: REGISTRY_SA, namespace: NS } };
}

/**
 * Copy of openshift-config/pull-secret. When that is missing the copy has no data, and the API
 * server refuses it (`data[.dockerconfigjson]: Required value`): the real operator's sync error.
 */
export function pullSecretCopy(dockerconfigjson: string | undefined): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: PULL_SECRET_COPY, namespace: NS },
    type: 'kubernetes.io/dockerconfigjson',
    data: dockerconfigjson !== undefined ? { '.dockerconfigjson': dockerconfigjson } : {},
  };
}

export function privateConfigSecret(data: Record<string, string>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: PRIVATE_CONFIG_SECRET, namespace: NS },
    type: 'Opaque',
    data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, b64(v)])),
  };
}

export function service(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: REGISTRY_NAME,
      namespace: NS,
      labels: { ...REGISTRY_LABELS },
      annotations: { 'service.alpha.openshift.io/serving-cert-secret-name': TLS_SECRET },
    },
    spec: {
      type: 'ClusterIP',
      selector: { ...REGISTRY_LABELS },
      ports: [{ name: '5000-tcp', port: 5000, protocol: 'TCP', targetPort: 5000 }],
      sessionAffinity: 'None',
    },
  };
}

export function podDisruptionBudget(spec: Json): KubeObject {
  const replicas = num(spec.replicas) ?? 1;
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: PDB_NAME, namespace: NS },
    spec: {
      minAvailable: replicas <= 1 ? 0 : 1,
      selector: { matchLabels: { ...REGISTRY_LABELS } },
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    },
  };
}

export function networkPolicy(): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: NETWORK_POLICY, namespace: NS },
    spec: {
      podSelector: { matchLabels: { ...REGISTRY_LABELS } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ ports: [{ port: 5000, protocol: 'TCP' }] }],
      egress: [{}],
    },
  };
}
