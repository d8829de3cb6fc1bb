import type { KubeObject } from '../../core/types.js';
import { col, type Cell, type ColumnDefinition } from './column.js';

/**
 * OpenShift's kube-apiserver adds a Message column to the ClusterOperator table (a carry patch in
 * openshift/kubernetes: apiextensions-apiserver tableconvertor/patch_clusteroperators.go), which is
 * why `oc get co` / `kubectl get co` show MESSAGE although the CRD's printer columns stop at Since.
 */
export const CLUSTER_OPERATOR_CRD = 'clusteroperators.config.openshift.io';

export const MESSAGE_COLUMN: ColumnDefinition = col(
  'Message',
  'string',
  0,
  'A message describing the status of the operator',
);

interface Condition {
  type?: unknown;
  status?: unknown;
  reason?: unknown;
  message?: unknown;
}

/**
 * The most critical condition's message (its reason when it has none): Available=False, else
 * Degraded=True, else Progressing=True; no cell when the operator is healthy.
 */
export function clusterOperatorMessage(co: KubeObject): Cell {
  const status = co.status as { conditions?: unknown } | undefined;
  const conditions = (Array.isArray(status?.conditions) ? status.conditions : []) as Condition[];
  const find = (type: string, value: string): Condition | undefined =>
    conditions.find((c) => c.type === type && c.status === value);
  const critical = find('Available', 'False') ?? find('Degraded', 'True') ?? find('Progressing', 'True');
  if (!critical) return null;
  if (typeof critical.message === 'string' && critical.message !== '') return critical.message;
  if (typeof critical.reason === 'string' && critical.reason !== '') return critical.reason;
  return null;
}
