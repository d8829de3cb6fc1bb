/**
 * The registry's history: condition transitions of the Config and the ClusterOperator, the
 * namespace's events and changes made through this console. Seeded when an object is first
 * seen (from each condition's lastTransitionTime and the events' timestamps), then fed live by
 * the watch hub. Bounded ring: the oldest entries go first.
 */
import { EventEmitter } from 'node:events';
import type {
  ChangeEntry,
  ConditionEntry,
  EventEntry,
  ObjectRef,
  StreamKind,
  TimelineEntry,
  TimelineQuery,
} from '@irc/shared';
import {
  ConfigResource,
  ImageConfigResource,
  conditionsOf,
  toIso,
  type ConditionLike,
  type KubeObjectLike,
} from '../kube/resources.js';
import { redactUpstreamText } from '../kube/redact.js';
import type { AccessQuestion } from './access-review.js';
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

/** The API resource of each kind a console change can be about (for the read check below). */
const CHANGED_OBJECT_RESOURCES: Record<string, { group: string; resource: string }> = {
  Config: { group: ConfigResource.group, resource: ConfigResource.plural },
  Image: { group: ImageConfigResource.group, resource: ImageConfigResource.plural },
  Secret: { group: '', resource: 'secrets' },
  ConfigMap: { group: '', resource: 'configmaps' },
};

/**
 * What a caller must be allowed beyond the entry's stream kind ({@link entryKind}) to see it:
 * a console change is ABOUT an object — "added the credentials for registry.example:5000" says
 * what the pull secret holds — so only a caller who may `get` that object sees the entry.
 * Conditions and events are readable with their kind. A kind not in the table is asked about
 * by its lower-case plural, which only a wildcard rule (cluster-admin) allows: fail closed.
 */
export function entryReadAccess(entry: TimelineEntry): AccessQuestion | undefined {
  if (entry.type !== 'change') return undefined;
  const { kind, name, namespace } = entry.object;
  const api = CHANGED_OBJECT_RESOURCES[kind] ?? { group: '', resource: `${kind.toLowerCase()}s` };
  return { verb: 'get', ...api, name, ...(namespace ? { namespace } : {}) };
}

/**
 * The entries among `entries` the caller may read ({@link entryReadAccess}), in order. `may`
 * is asked once per distinct object; a question that cannot be answered hides its entries.
 */
export async function readableEntries(
  entries: readonly TimelineEntry[],
  may: (question: AccessQuestion) => Promise<boolean>,
): Promise<TimelineEntry[]> {
  const answers = new Map<string, Promise<boolean>>();
  const allowed = (entry: TimelineEntry): Promise<boolean> => {
    const question = entryReadAccess(entry);
    if (!question) return Promise.resolve(true);
    const key = JSON.stringify(question);
    let answer = answers.get(key);
    if (!answer) {
      answer = may(question).catch(() => false);
      answers.set(key, answer);
    }
    return answer;
  };
  const verdicts = await Promise.all(entries.map(allowed));
  return entries.filter((_, i) => verdicts[i]);
}

export class Timeline extends EventEmitter<{ entry: [TimelineEntry] }> {
  private entries: TimelineEntry[] = [];
  private readonly ids = new Set<string>();
  private changeSeq = 0;

  list(query: TimelineQuery = {}, allowed?: (kind: StreamKind) => boolean): TimelineEntry[] {
    const since = query.since ? Date.parse(query.since) : undefined;
    return this.entries
      .filter((e) => (!query.type || e.type === query.type) && (!allowed || allowed(entryKind(e))))
      .filter((e) => since === undefined || Date.parse(e.time) >= since)
      .sort((a, b) => Date.parse(b.time) - Date.parse(a.time) || (b.id > a.id ? 1 : -1))
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
    // a change made through the console (by any replica): the change entry it stands for
    const change = changeFromEvent(event);
    if (change) return this.add(change);
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
      new Date().toISOString();
    const entry: EventEntry = {
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
    this.add(entry);
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
    this.emit('entry', entry);
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
 * One stream client's delivery of hub messages, in order: a timeline entry about an object
 * ({@link entryReadAccess}) waits for the caller's answer (cached by the access review cache)
 * and is dropped on a no; whatever follows it waits its turn, so the order is kept.
 */
export class ReadableEntryGate {
  private chain: Promise<void> | undefined;

  constructor(
    private readonly may: (question: AccessQuestion) => Promise<boolean>,
    private readonly send: (frame: Buffer) => void,
  ) {}

  deliver(frame: Buffer, entry?: TimelineEntry): void {
    const question = entry ? entryReadAccess(entry) : undefined;
    if (!question && !this.chain) return this.send(frame);
    const step = (this.chain ?? Promise.resolve()).then(async () => {
      if (!question || (await this.may(question).catch(() => false))) this.send(frame);
    });
    this.chain = step;
    void step.finally(() => {
      if (this.chain === step) this.chain = undefined;
    });
  }
}
