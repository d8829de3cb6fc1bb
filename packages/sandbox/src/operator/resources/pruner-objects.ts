import type { KubeObject } from '../../core/types.js';
import { INJECT_CABUNDLE } from '../../cluster/service-ca-controller.js';
import { NS, PRUNER_NAME, REGISTRY_LABELS } from '../defaults.js';

export const PRUNER_CLUSTER_ROLE = 'system:image-pruner';
export const PRUNER_CLUSTER_ROLE_BINDING = 'openshift-image-registry-pruner';
export const PRUNER_SA = 'pruner';
export const PRUNER_NETWORK_POLICY = 'image-pruner-networkpolicy';
export const SERVICE_CA_CONFIGMAP = 'serviceca';

const rule = (apiGroups: string[], resources: string[], verbs: string[]) => ({ apiGroups, resources, verbs });

/** What `oc adm prune images` reads and deletes (operator-facts.md: missing from the sandbox before). */
export function prunerClusterRole(): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: PRUNER_CLUSTER_ROLE },
    rules: [
      rule([''], ['pods', 'replicationcontrollers'], ['get', 'list']),
      rule([''], ['limitranges'], ['list']),
      rule(['build.openshift.io'], ['buildconfigs', 'builds'], ['get', 'list']),
      rule(['apps.openshift.io'], ['deploymentconfigs'], ['get', 'list']),
      rule(['batch'], ['jobs', 'cronjobs'], ['get', 'list']),
      rule(['apps'], ['daemonsets', 'deployments', 'replicasets', 'statefulsets'], ['get', 'list']),
      rule(['image.openshift.io'], ['images'], ['delete']),
      rule(['image.openshift.io'], ['images', 'imagestreams'], ['get', 'list', 'watch']),
      rule(['image.openshift.io'], ['imagestreams/status'], ['update']),
    ],
  };
}

export function prunerClusterRoleBinding(): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: PRUNER_CLUSTER_ROLE_BINDING },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: PRUNER_CLUSTER_ROLE },
    subjects: [{ kind: 'ServiceAccount', name: PRUNER_SA, namespace: NS }],
  };
}

/** 4.23: the pruner's pods may reach the API server, DNS and the registry (all egress allowed). */
export function prunerNetworkPolicy(): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: PRUNER_NETWORK_POLICY, namespace: NS },
    spec: {
      podSelector: { matchLabels: { app: PRUNER_NAME } },
      policyTypes: ['Egress'],
      egress: [
        {},
        {
          to: [
            {
              namespaceSelector: {
                matchLabels: { 'kubernetes.io/metadata.name': 'openshift-kube-apiserver' },
              },
              podSelector: { matchLabels: { app: 'openshift-kube-apiserver' } },
            },
          ],
          ports: [{ protocol: 'TCP', port: 6443 }],
        },
        {
          to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'openshift-dns' } } }],
          ports: [
            { protocol: 'TCP', port: 5353 },
            { protocol: 'UDP', port: 5353 },
          ],
        },
        {
          to: [{ podSelector: { matchLabels: { ...REGISTRY_LABELS } } }],
          ports: [{ protocol: 'TCP', port: 5000 }],
        },
      ],
    },
  };
}

/** Created empty: the service-ca operator injects `service-ca.crt` (the pruner's --certificate-authority). */
export function serviceCAConfigMap(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: SERVICE_CA_CONFIGMAP, namespace: NS, annotations: { [INJECT_CABUNDLE]: 'true' } },
  };
}
