/**
 * The cluster-version operator's ClusterOperator metrics (openshift/cluster-version-operator
 * pkg/cvo/metrics.go, as facts): `cluster_operator_up{name,version}` (1 when Available and not
 * Failing), `cluster_operator_conditions{name,condition,reason}` (1 True / 0 False; Unknown
 * conditions are not reported) and `cluster_operator_condition_transitions{name,condition}`, a
 * gauge the CVO counts up on each update of a ClusterOperator whose condition changed status,
 * appeared or disappeared. Read from the sandbox's own ClusterOperators.
 */
import type { ApiClient, KubeObject } from '../core/types.js';
import { watchResource } from '../cluster/watch.js';
import { R } from '../core/refs.js';
import { arr, str } from '../core/objects.js';
import { Vec, type Family } from './exposition.js';

interface Cond {
  type: string;
  status: string;
  reason: string;
}

function conditions(co: KubeObject | undefined): Cond[] {
  return arr(co, 'status', 'conditions').map((c) => ({
    type: str(c.type) ?? '',
    status: str(c.status) ?? 'Unknown',
    reason: str(c.reason) ?? '',
  }));
}

/** How many condition types changed between two copies of one ClusterOperator (the CVO's rule). */
export function transitionsBetween(older: Cond[], newer: Cond[]): string[] {
  const changed: string[] = [];
  const seen = new Set<string>();
  for (const o of older) {
    if (seen.has(o.type)) continue;
    seen.add(o.type);
    const n = newer.find((c) => c.type === o.type);
    if (!n || n.status !== o.status) changed.push(o.type);
  }
  for (const n of newer) {
    if (seen.has(n.type)) continue;
    seen.add(n.type);
    changed.push(n.type);
  }
  return changed;
}

export interface MetricsCollector {
  collect(): Family[];
  stop(): void;
}

export function clusterVersionOperatorMetrics(api: ApiClient): MetricsCollector {
  const last = new Map<string, Cond[]>();
  const transitions = new Vec(
    'cluster_operator_condition_transitions',
    'Reports the number of times that a condition on a cluster operator changes status',
    'gauge',
  );
  // what the CVO's informer last saw of each ClusterOperator
  try {
    for (const co of api.list(R.clusterOperators, undefined).items)
      last.set(co.metadata.name ?? '', conditions(co));
  } catch {
    // not served yet: the watch below fills it in
  }
  const stopWatch = watchResource(api, R.clusterOperators, undefined, (type, co) => {
    const name = co.metadata.name ?? '';
    if (type === 'DELETED') return void last.delete(name);
    const now = conditions(co);
    const before = last.get(name);
    // the CVO counts on updates only: a ClusterOperator's first appearance is no transition
    if (type === 'MODIFIED' && before)
      for (const condition of transitionsBetween(before, now)) transitions.add({ name, condition });
    last.set(name, now);
  });

  return {
    collect(): Family[] {
      const up = new Vec(
        'cluster_operator_up',
        'Reports key highlights of the active cluster operators.',
        'gauge',
      );
      const conds = new Vec(
        'cluster_operator_conditions',
        'Report the conditions for active cluster operators. 0 is False and 1 is True.',
        'gauge',
      );
      let items: KubeObject[] = [];
      try {
        items = api.list(R.clusterOperators, undefined).items;
      } catch {
        items = [];
      }
      for (const co of items) {
        const name = co.metadata.name ?? '';
        const version = str(arr(co, 'status', 'versions')[0]?.version) ?? '';
        const cs = conditions(co);
        const isTrue = (t: string) => cs.some((c) => c.type === t && c.status === 'True');
        up.set({ name, version }, isTrue('Available') && !isTrue('Failing') ? 1 : 0);
        for (const c of cs) {
          if (c.status !== 'True' && c.status !== 'False') continue;
          conds.set({ name, condition: c.type, reason: c.reason }, c.status === 'True' ? 1 : 0);
        }
      }
      return [up.family(), conds.family(), transitions.family()];
    },
    stop: stopWatch,
  };
}
