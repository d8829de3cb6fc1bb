import type { KubeObject } from '../core/types.js';
import { arr } from '../core/objects.js';

export function readyCondition(pod: KubeObject): Record<string, unknown> | undefined {
  return arr(pod, 'status', 'conditions').find((c) => c.type === 'Ready');
}

export function isPodReady(pod: KubeObject): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** Ready for at least minReadySeconds (podutil.IsPodAvailable). */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, nowMs: number, scale = 1): boolean {
  const c = readyCondition(pod);
  if (c?.status !== 'True') return false;
  if (minReadySeconds === 0) return true;
  const since = Date.parse(String(c.lastTransitionTime));
  return Number.isFinite(since) && since + minReadySeconds * 1000 * scale <= nowMs;
}
