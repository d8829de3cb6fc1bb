import type { ApiClient, Clock, KubeObject } from '../core/types.js';
import { R } from '../core/refs.js';
import { isNotFound } from '../core/objects.js';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  component: string;
  host?: string;
}

interface Recorded {
  name: string;
  namespace: string;
  count: number;
}

const MAX_REMEMBERED = 4096;

/**
 * Records core/v1 Events the way client-go's EventCorrelator does: an event identical to an
 * earlier one (same source, involved object, type, reason, message) is not created again — the
 * existing Event's `count` is incremented and `lastTimestamp` moved forward.
 */
export class EventRecorder {
  private readonly seen = new Map<string, Recorded>();

  constructor(
    private readonly api: ApiClient,
    private readonly clock: Clock,
  ) {}

  record(
    source: EventSource,
    involved: KubeObject,
    type: EventType,
    reason: string,
    message: string,
    opts: { namespace?: string; fieldPath?: string } = {},
  ): void {
    const namespace = opts.namespace ?? involved.metadata.namespace ?? 'default';
    const key = [
      source.component,
      source.host ?? '',
      involved.kind,
      namespace,
      involved.metadata.name,
      involved.metadata.uid,
      type,
      reason,
      message,
    ].join('\u0000');
    const now = this.clock.now();
    const ts = now.toISOString().replace(/\.\d+Z$/, 'Z');
    const prior = this.seen.get(key);
    if (prior) {
      try {
        this.api.patch(R.events, prior.namespace, prior.name, 'merge', {
          count: prior.count + 1,
          lastTimestamp: ts,
        });
        prior.count++;
        this.seen.delete(key);
        this.seen.set(key, prior);
        return;
      } catch (e) {
        if (!isNotFound(e)) return; // recording events is best effort, as in client-go
        this.seen.delete(key);
      }
    }
    const name = `${involved.metadata.name ?? 'unknown'}.${(BigInt(now.getTime()) * 1_000_000n + BigInt(this.seen.size)).toString(16)}`;
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: {
        apiVersion: involved.apiVersion,
        kind: involved.kind,
        name: involved.metadata.name,
        ...(involved.metadata.namespace ? { namespace: involved.metadata.namespace } : {}),
        uid: involved.metadata.uid,
        resourceVersion: involved.metadata.resourceVersion,
        ...(opts.fieldPath ? { fieldPath: opts.fieldPath } : {}),
      },
      reason,
      message,
      source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
      firstTimestamp: ts,
      lastTimestamp: ts,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    try {
      this.api.create(R.events, namespace, event);
      this.seen.set(key, { name, namespace, count: 1 });
      if (this.seen.size > MAX_REMEMBERED) {
        const oldest = this.seen.keys().next().value;
        if (oldest !== undefined) this.seen.delete(oldest);
      }
    } catch {
      // best effort: a missing namespace or a stopped server must not break a controller
    }
  }
}
