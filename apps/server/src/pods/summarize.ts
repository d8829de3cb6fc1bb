/** V1Pod → the PodSummary the pods table shows. */
import type { PodSummary } from '@irc/shared';
import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import { toIso } from '../kube/resources.js';

export function summarizePod(pod: V1Pod, component: PodSummary['component'], now = Date.now()): PodSummary {
  return { ...podStatusSummary(pod, now), component };
}

/** The summary without the registry/operator split (pods of the pruner's Jobs, of node-ca). */
export function podStatusSummary(pod: V1Pod, now = Date.now()): Omit<PodSummary, 'component'> {
  const statuses = pod.status?.containerStatuses ?? [];
  const byName = new Map(statuses.map((s) => [s.name, s]));
  const created = toIso(pod.metadata?.creationTimestamp);
  const containers = (pod.spec?.containers ?? []).map((c) => container(c.name, c.image, byName.get(c.name)));
  const ready = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
  return {
    name: pod.metadata?.name ?? '',
    namespace: pod.metadata?.namespace ?? '',
    phase: pod.metadata?.deletionTimestamp ? 'Terminating' : (pod.status?.phase ?? 'Unknown'),
    ready,
    readyContainers: `${statuses.filter((s) => s.ready).length}/${containers.length}`,
    restarts: statuses.reduce((n, s) => n + (s.restartCount ?? 0), 0),
    ...(created
      ? { createdAt: created, ageSeconds: Math.max(0, Math.floor((now - Date.parse(created)) / 1000)) }
      : {}),
    ...(pod.spec?.nodeName ? { node: pod.spec.nodeName } : {}),
    deleting: !!pod.metadata?.deletionTimestamp,
    containers,
    ...(pod.metadata?.resourceVersion ? { resourceVersion: pod.metadata.resourceVersion } : {}),
  };
}

function container(
  name: string,
  image: string | undefined,
  s: V1ContainerStatus | undefined,
): PodSummary['containers'][number] {
  const state = s?.state;
  const detail = state?.waiting ?? state?.terminated;
  const startedAt = toIso(state?.running?.startedAt ?? state?.terminated?.startedAt);
  return {
    name,
    ...(image ? { image } : {}),
    ready: s?.ready ?? false,
    restartCount: s?.restartCount ?? 0,
    state: state?.running
      ? 'running'
      : state?.waiting
        ? 'waiting'
        : state?.terminated
          ? 'terminated'
          : 'unknown',
    ...(detail?.reason ? { reason: detail.reason } : {}),
    ...(detail?.message ? { message: detail.message } : {}),
    ...(startedAt ? { startedAt } : {}),
    hasPreviousLog: !!s?.lastState?.terminated,
  };
}
