/**
 * The events of an object and of its children, newest first — what the console's Events tab
 * shows, widened to the children because a Deployment's trouble is reported on its pods
 * (FailedScheduling, BackOff) and a CronJob's on its Jobs (BackoffLimitExceeded).
 */
import type { CoreV1Event } from '@kubernetes/client-node';
import type { WorkloadEvent } from '@irc/shared';
import { toIso } from '../kube/resources.js';

/** Which involved objects belong to the view: exact names per kind, or a name prefix. */
export interface EventScope {
  /** kind → names */
  names: Partial<Record<string, readonly string[]>>;
  /** kind → name prefixes (pods of a ReplicaSet or Job that no longer exist still had events) */
  prefixes?: Partial<Record<string, readonly string[]>>;
}

/** Enough to see a rollout's story; the timeline page keeps the rest. */
export const MAX_EVENTS = 100;

function inScope(event: CoreV1Event, scope: EventScope): boolean {
  const kind = event.involvedObject?.kind ?? '';
  const name = event.involvedObject?.name ?? '';
  if (scope.names[kind]?.includes(name)) return true;
  return scope.prefixes?.[kind]?.some((p) => name.startsWith(p)) ?? false;
}

function timeOf(event: CoreV1Event): string | undefined {
  return (
    toIso(event.lastTimestamp) ??
    toIso(event.series?.lastObservedTime) ??
    toIso(event.eventTime) ??
    toIso(event.metadata?.creationTimestamp)
  );
}

export function summarizeEvent(event: CoreV1Event): WorkloadEvent {
  const involved = event.involvedObject;
  const first = toIso(event.firstTimestamp) ?? toIso(event.eventTime);
  const last = timeOf(event);
  const source = event.reportingComponent || event.source?.component;
  return {
    type: event.type ?? 'Normal',
    reason: event.reason ?? '',
    message: event.message ?? '',
    count: event.series?.count ?? event.count ?? 1,
    ...(first ? { firstTime: first } : {}),
    ...(last ? { lastTime: last } : {}),
    object: {
      kind: involved?.kind ?? '',
      name: involved?.name ?? '',
      ...(involved?.namespace ? { namespace: involved.namespace } : {}),
    },
    ...(source ? { source } : {}),
  };
}

export function eventsFor(events: readonly CoreV1Event[], scope: EventScope): WorkloadEvent[] {
  return events
    .filter((e) => inScope(e, scope))
    .map(summarizeEvent)
    .sort((a, b) => (b.lastTime ?? '').localeCompare(a.lastTime ?? ''))
    .slice(0, MAX_EVENTS);
}
