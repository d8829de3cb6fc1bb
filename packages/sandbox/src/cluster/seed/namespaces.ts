import type { ApiClient, KubeObject } from '../../core/types.js';
import { R } from '../../core/refs.js';
import { ensure } from './ensure.js';

const PSA_PRIVILEGED = {
  'pod-security.kubernetes.io/enforce': 'privileged',
  'pod-security.kubernetes.io/audit': 'privileged',
  'pod-security.kubernetes.io/warn': 'privileged',
};

/** Namespaces of a fresh OpenShift cluster that the console and the operator care about. */
export const SEED_NAMESPACES: Array<{
  name: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}> = [
  {
    name: 'openshift-image-registry',
    labels: { 'openshift.io/cluster-monitoring': 'true', 'openshift.io/run-level': '', ...PSA_PRIVILEGED },
    annotations: {
      'openshift.io/node-selector': '',
      'workload.openshift.io/allowed': 'management',
      // the SCC ranges OpenShift allocates per namespace; the operator takes fsGroup from the first
      'openshift.io/sa.scc.supplemental-groups': '1000290000/10000',
      'openshift.io/sa.scc.uid-range': '1000290000/10000',
    },
  },
  { name: 'openshift-config', labels: { 'openshift.io/run-level': '0' } },
  { name: 'openshift-config-managed', labels: { 'openshift.io/run-level': '0' } },
  { name: 'default' },
  { name: 'kube-system' },
  {
    name: 'developer',
    annotations: { 'openshift.io/requester': 'developer', 'openshift.io/display-name': 'Developer sandbox' },
  },
  { name: 'shop-frontend', annotations: { 'openshift.io/requester': 'developer' } },
  { name: 'payments', annotations: { 'openshift.io/requester': 'developer' } },
];

export function seedNamespaces(api: ApiClient): void {
  for (const ns of SEED_NAMESPACES) {
    const obj: KubeObject = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: ns.name,
        labels: { 'kubernetes.io/metadata.name': ns.name, ...ns.labels },
        ...(ns.annotations ? { annotations: ns.annotations } : {}),
      },
      spec: { finalizers: ['kubernetes'] },
    };
    ensure(api, R.namespaces, obj, { phase: 'Active' });
  }
}
