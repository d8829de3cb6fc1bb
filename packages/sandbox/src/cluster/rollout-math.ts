import type { KubeObject } from '../core/types.js';
import { num, rec, str } from '../core/objects.js';

/** intstr resolution as the deployment controller does it: surge rounds up, unavailable down. */
export function resolveIntOrPercent(v: unknown, total: number, roundUp: boolean, dflt: string): number {
  const raw = v === undefined || v === null ? dflt : v;
  if (typeof raw === 'number') return raw;
  const s = String(raw);
  if (s.endsWith('%')) {
    const pct = Number(s.slice(0, -1));
    const x = (pct * total) / 100;
    return roundUp ? Math.ceil(x) : Math.floor(x);
  }
  return Number(s) || 0;
}

export interface RollingParams {
  maxSurge: number;
  maxUnavailable: number;
}

/** deploymentutil.ResolveFenceposts: both zero is not allowed, so maxUnavailable becomes 1. */
export function rollingParams(d: KubeObject): RollingParams {
  const replicas = num(rec(d, 'spec').replicas) ?? 1;
  const ru = rec(d, 'spec', 'strategy', 'rollingUpdate');
  const maxSurge = resolveIntOrPercent(ru.maxSurge, replicas, true, '25%');
  let maxUnavailable = resolveIntOrPercent(ru.maxUnavailable, replicas, false, '25%');
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

export function maxUnavailable(d: KubeObject): number {
  const replicas = num(rec(d, 'spec').replicas) ?? 1;
  if (str(rec(d, 'spec', 'strategy').type) === 'Recreate' || replicas === 0) return 0;
  return Math.min(rollingParams(d).maxUnavailable, replicas);
}

export const REVISION = 'deployment.kubernetes.io/revision';

export function revisionOf(o: KubeObject): number {
  return Number(o.metadata.annotations?.[REVISION] ?? 0) || 0;
}

export function specReplicas(o: KubeObject): number {
  return num(rec(o, 'spec').replicas) ?? 0;
}

export function statusOf(o: KubeObject, field: string): number {
  return num(rec(o, 'status')[field]) ?? 0;
}
