/**
 * What the stream sends per object, and per snapshot, is bounded — whatever the namespace holds.
 *
 * Anyone who may create Events in openshift-image-registry (a controller, a user with `create
 * events`) decides how large they are: core/v1 Events have no length limit on `message` (only
 * events.k8s.io/v1 limits `note` to 1 KB, and only for writes through that API). Three Events of
 * 800 KB once switched the stream off for every client. So:
 *  - a long text is cut, with a visible marker saying how long it was (`cutText`);
 *  - a snapshot of Events carries the newest {@link MAX_SNAPSHOT_EVENTS}; how many older ones
 *    were left out travels with it (`omitted`), and the timeline keeps the history.
 */
import type { KubeObjectLike } from '../kube/resources.js';

/** Longest text sent as is: 4× what events.k8s.io/v1 allows a note, and more than anyone reads in a list. */
export const MAX_TEXT_CHARS = 4096;
/** Events in a snapshot (newest first); older ones are counted, not sent. */
export const MAX_SNAPSHOT_EVENTS = 200;

const thousands = new Intl.NumberFormat('en-US');

/**
 * `text` itself when at most `max` characters, else its start and `… [truncated, 812,345
 * characters]` (its whole length), `max` characters in all: cutting again changes nothing.
 */
export function cutText(text: string, max = MAX_TEXT_CHARS): string {
  if (text.length <= max) return text;
  const marker = `… [truncated, ${thousands.format(text.length)} characters]`;
  return text.slice(0, Math.max(0, max - marker.length)) + marker;
}

/**
 * A copy of `value` with every string longer than `max` cut (objects are copied only where
 * something was cut). For what goes to the browser, after secrets were redacted: a cut never
 * runs before redaction, or a half-cut JSON document could no longer be parsed to redact it.
 */
export function cutLongStrings<T>(value: T, max = MAX_TEXT_CHARS): T {
  if (typeof value === 'string') return (value.length > max ? cutText(value, max) : value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((item: unknown, i) => {
      const cut = cutLongStrings(item, max);
      if (cut !== item) (out ??= [...value])[i] = cut;
    });
    return (out ?? value) as T;
  }
  if (value && typeof value === 'object') {
    let out: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(value)) {
      const cut = cutLongStrings(item, max);
      if (cut !== item) (out ??= { ...(value as Record<string, unknown>) })[key] = cut;
    }
    return (out ?? value) as T;
  }
  return value;
}

interface EventLike extends KubeObjectLike {
  message?: unknown;
  note?: unknown;
  series?: { lastObservedTime?: string };
  lastTimestamp?: string;
  eventTime?: string;
  firstTimestamp?: string;
}

/**
 * Kept in the watch cache instead of the Event as listed: the message cut (the cache, the
 * timeline and every snapshot then hold at most {@link MAX_TEXT_CHARS} per Event, not whatever
 * a writer put there). Like an informer's transform: applied once, at the door.
 */
export function trimEvent(obj: KubeObjectLike): KubeObjectLike {
  const e = obj as EventLike;
  const message = typeof e.message === 'string' ? cutText(e.message) : e.message;
  const note = typeof e.note === 'string' ? cutText(e.note) : e.note;
  if (message === e.message && note === e.note) return obj;
  return {
    ...obj,
    ...(message !== undefined ? { message } : {}),
    ...(note !== undefined ? { note } : {}),
  };
}

/** When an Event last happened (ms): the series, else the last/first timestamp, else its creation. */
export function eventTime(obj: KubeObjectLike): number {
  const e = obj as EventLike;
  const created = obj.metadata?.creationTimestamp;
  for (const t of [
    e.series?.lastObservedTime,
    e.lastTimestamp,
    e.eventTime,
    e.firstTimestamp,
    typeof created === 'string' ? created : created?.toISOString(),
  ]) {
    const ms = t ? Date.parse(t) : NaN;
    if (!Number.isNaN(ms)) return ms;
  }
  return 0;
}

/** The newest `max` Events (newest first) and how many older ones were left out. */
export function newestEvents(
  items: readonly KubeObjectLike[],
  max = MAX_SNAPSHOT_EVENTS,
): { items: KubeObjectLike[]; omitted: number } {
  const sorted = [...items].sort((a, b) => eventTime(b) - eventTime(a));
  return { items: sorted.slice(0, max), omitted: Math.max(0, sorted.length - max) };
}
