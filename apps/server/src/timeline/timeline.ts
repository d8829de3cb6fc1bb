/**
 * The registry's history: condition transitions of the Config and the ClusterOperator, the
 * namespace's events and changes made through this console. Seeded when an object is first
 * seen (from each condition's lastTransitionTime and the events' timestamps), then fed live by
 * the watch hub's changes (feed.ts). Bounded ring: the oldest entries go first. Each new entry
 * goes to the `publish` it was made with (the stream feed): the timeline never calls back into
 * what feeds it.
 */
import type {
  ChangeEntry,
  ConditionEntry,
  EventEntry,
  ObjectRef,
  StreamKind,
  TimelineEntry,
  TimelineQuery,
} from '@irc/shared';
import { conditionsOf, toIso, type ConditionLike, type KubeObjectLike } from '../kube/resources.js';
import { redactUpstreamText } from '../kube/redact.js';
import { changeFromEvent } from './console-events.js';

const MAX_ENTRIES = 5000;

export interface ChangeInput {
  user: string;
  object: ObjectRef;
  summary: string;
  patch?: Record<string, unknown>;
  ocCommand?: string;
}

/** Which stream kind an entry belongs to, for per-user access filtering. */
export function entryKind(entry: TimelineEntry): StreamKind {
  if (entry.type === 'event') return 'Event';
  return entry.object.kind === 'ClusterOperator' ? 'ClusterOperator' : 'Config';
}

/** Newest first; the same time ordered by id, so every replica lists the same order. */
export function newestFirst(a: TimelineEntry, b: TimelineEntry): number {
  return Date.parse(b.time) - Date.parse(a.time) || (b.id > a.id ? 1 : b.id < a.id ? -1 : 0);
}

export class Timeline {
  private entries: TimelineEntry[] = [];
  private readonly ids = new Set<string>();
  private changeSeq = 0;

  constructor(private readonly publish: (entry: TimelineEntry) => void = () => undefined) {}

  list(query: TimelineQuery = {}, allowed?: (kind: StreamKind) => boolean): TimelineEntry[] {
    const since = query.since ? Date.parse(query.since) : undefined;
    return this.entries
      .filter((e) => (!query.type || e.type === query.type) && (!allowed || allowed(entryKind(e))))
      .filter((e) => since === undefined || Date.parse(e.time) >= since)
      .sort(newestFirst)
      .slice(0, query.limit ?? 500);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Config / ClusterOperator seen: record condition transitions against the previous copy. */
  observeConditions(
    kind: 'Config' | 'ClusterOperator',
    obj: KubeObjectLike,
    previous: KubeObjectLike | undefined,
    opts: { afterGap?: boolean } = {},
  ): void {
    const object: ObjectRef = { kind, name: obj.metadata?.name ?? '' };
    const before = new Map(conditionsOf(previous).map((c) => [c.type, c]));
    for (const cond of conditionsOf(obj)) {
      const prev = before.get(cond.type);
      if (prev && prev.status === cond.status && (prev.reason ?? '') === (cond.reason ?? '')) {
        // After a gap (a 410 re-list), same status but a later lastTransitionTime: it left and
        // came back unseen. The return is a dated transition; where it came from is unknown, so
        // `from` is null rather than a guess. Only after a gap: an aggregated condition (the
        // ClusterOperator's) may move its lastTransitionTime without flipping.
        const back = toIso(cond.lastTransitionTime);
        const left = toIso(prev.lastTransitionTime);
        if (opts.afterGap && back && left && Date.parse(back) > Date.parse(left))
          this.add(conditionEntry(object, cond, undefined, back));
        continue;
      }
      const statusChanged = !prev || prev.status !== cond.status;
      const time = (statusChanged ? toIso(cond.lastTransitionTime) : undefined) ?? new Date().toISOString();
      this.add(conditionEntry(object, cond, prev, time));
    }
  }

  observeEvent(event: KubeObjectLike): void {
    this.add(eventEntry(event));
  }

  recordChange(input: ChangeInput): ChangeEntry {
    const time = new Date().toISOString();
    const entry: ChangeEntry = {
      id: `change:${time}:${++this.changeSeq}`,
      time,
      type: 'change',
      object: input.object,
      change: {
        user: input.user,
        summary: input.summary,
        ...(input.patch ? { patch: input.patch } : {}),
        ...(input.ocCommand ? { ocCommand: input.ocCommand } : {}),
      },
    };
    this.add(entry);
    return entry;
  }

  private add(entry: TimelineEntry): void {
    if (this.ids.has(entry.id)) return;
    this.ids.add(entry.id);
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) {
      const dropped = this.entries.splice(0, this.entries.length - MAX_ENTRIES);
      for (const d of dropped) this.ids.delete(d.id);
    }
    this.publish(entry);
  }
}

function conditionEntry(
  object: ObjectRef,
  cond: ConditionLike,
  prev: ConditionLike | undefined,
  time: string,
): ConditionEntry {
  const to = asStatus(cond.status);
  return {
    id: `condition:${object.kind}/${object.name}:${cond.type}:${to}:${cond.reason ?? ''}:${time}`,
    time,
    type: 'condition',
    object,
    condition: {
      type: cond.type,
      from: prev ? asStatus(prev.status) : null,
      to,
      reason: cond.reason ?? '',
      message: redactUpstreamText(cond.message ?? ''),
    },
  };
}

function asStatus(s: string): 'True' | 'False' | 'Unknown' {
  return s === 'True' || s === 'False' ? s : 'Unknown';
}

/**
 * An Event as a timeline entry: a change made through the console (by any replica) is the
 * change entry it stands for; any other Event, one entry per count (the newest count wins).
 */
export function eventEntry(event: KubeObjectLike): EventEntry | ChangeEntry {
  const change = changeFromEvent(event);
  if (change) return change;
  const e = event as KubeObjectLike & {
    involvedObject?: { kind?: string; name?: string; namespace?: string };
    reason?: string;
    message?: string;
    type?: string;
    count?: number;
    lastTimestamp?: string;
    firstTimestamp?: string;
    eventTime?: string;
    source?: { component?: string };
    reportingComponent?: string;
    series?: { count?: number; lastObservedTime?: string };
  };
  const count = e.series?.count ?? e.count ?? 1;
  const time =
    toIso(e.series?.lastObservedTime) ??
    toIso(e.lastTimestamp) ??
    toIso(e.eventTime) ??
    toIso(e.firstTimestamp) ??
    toIso(e.metadata?.creationTimestamp) ??
    new Date(0).toISOString();
  return {
    id: `event:${e.metadata?.uid ?? e.metadata?.name}:${count}`,
    time,
    type: 'event',
    object: {
      kind: e.involvedObject?.kind ?? 'Unknown',
      name: e.involvedObject?.name ?? '',
      ...(e.involvedObject?.namespace ? { namespace: e.involvedObject.namespace } : {}),
    },
    event: {
      eventType: e.type ?? 'Normal',
      reason: e.reason ?? '',
      message: redactUpstreamText(e.message ?? ''),
      count,
      ...(e.source?.component || e.reportingComponent
        ? { source: e.source?.component || e.reportingComponent }
        : {}),
    },
  };
}

/**
 * Each condition of a Config or ClusterOperator as it is now: the transition to its current
 * state, at its lastTransitionTime (none: not dated, left out). What it came from is not on the
 * object (null); monitoring may tell it (history/conditions.ts mergeTransitions). Every replica
 * reading the same object version gets the same entries.
 */
export function currentConditionEntries(
  kind: 'Config' | 'ClusterOperator',
  obj: KubeObjectLike,
): ConditionEntry[] {
  const object: ObjectRef = { kind, name: obj.metadata?.name ?? '' };
  return conditionsOf(obj).flatMap((cond) => {
    const time = toIso(cond.lastTransitionTime);
    return time ? [conditionEntry(object, cond, undefined, time)] : [];
  });
}
