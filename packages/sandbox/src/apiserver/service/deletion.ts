import type { DeleteOptions, KubeObject } from '../../core/types.js';
import type { ResourceType } from '../resources/resource-type.js';
import { kubeTime } from './object-meta.js';

export const FOREGROUND_FINALIZER = 'foregroundDeletion';
export const ORPHAN_FINALIZER = 'orphan';

export type DeletePlan = { kind: 'remove' } | { kind: 'mark'; object: KubeObject };

const isPod = (t: ResourceType): boolean => t.group === '' && t.resource === 'pods';

/** The grace period kube applies to a pod: unscheduled or finished pods go at once. */
function podGrace(pod: KubeObject, requested: number | undefined): number {
  const spec = (pod.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
  return Math.max(0, requested ?? spec.terminationGracePeriodSeconds ?? 30);
}

/**
 * What a DELETE does to an object (BeforeDelete in kube's generic registry): remove it now, or
 * mark it with a deletionTimestamp — finalizers pending, propagation finalizers added, a pod's
 * grace period for the kubelet, a namespace's termination for the namespace controller.
 */
export function planDelete(type: ResourceType, old: KubeObject, opts: DeleteOptions, now: Date): DeletePlan {
  const next = structuredClone(old);
  const m = next.metadata;
  const finalizers = new Set(m.finalizers ?? []);
  if (opts.propagationPolicy === 'Foreground') finalizers.add(FOREGROUND_FINALIZER);
  if (opts.propagationPolicy === 'Orphan') finalizers.add(ORPHAN_FINALIZER);

  if (type.group === '' && type.resource === 'namespaces') {
    if (!m.deletionTimestamp) {
      m.deletionTimestamp = kubeTime(now);
      m.deletionGracePeriodSeconds = 0;
    }
    next.status = { ...((next.status as object | undefined) ?? {}), phase: 'Terminating' };
    return { kind: 'mark', object: next };
  }

  if (isPod(type)) {
    const grace = podGrace(old, opts.gracePeriodSeconds);
    const current = m.deletionGracePeriodSeconds;
    if (grace > 0 && (current === undefined || grace < current || !m.deletionTimestamp)) {
      m.deletionGracePeriodSeconds = grace;
      m.deletionTimestamp = kubeTime(new Date(now.getTime() + grace * 1000));
      if (finalizers.size > 0) m.finalizers = [...finalizers];
      return { kind: 'mark', object: next };
    }
    if (grace === 0 && finalizers.size === 0) return { kind: 'remove' };
    if (grace === 0) m.deletionGracePeriodSeconds = 0;
  }

  if (m.deletionTimestamp) {
    // Already being deleted: a repeated DELETE changes nothing but a shorter grace (above) or new propagation.
    if (finalizers.size > 0) m.finalizers = [...finalizers];
    return { kind: 'mark', object: next };
  }
  if (finalizers.size === 0) return { kind: 'remove' };
  m.finalizers = [...finalizers];
  m.deletionTimestamp = kubeTime(now);
  m.deletionGracePeriodSeconds = 0;
  return { kind: 'mark', object: next };
}
