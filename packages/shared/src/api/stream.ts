/**
 * `GET /api/v1/stream`: one Server-Sent Events stream per browser tab carrying every object the
 * UI shows live. Each message has an `id:` (a hub-wide sequence number); reconnecting with
 * `Last-Event-ID` replays what was missed, or — when that is too old — a `reset` followed by
 * fresh snapshots. A comment line (`: ping`) is sent at least every 15 s.
 *
 * SSE `event:` names and their `data:` JSON:
 *  - `snapshot`  {@link SnapshotEvent}: the current list of one kind (after connect/reset); Events
 *                are capped to the newest (`omitted` counts the rest). Long texts in any object
 *                are cut and end with `… [truncated, N characters]`. A snapshot has no `id:` (the
 *                `reset` before it carries the id it is consistent with)
 *  - `change`    {@link ChangeEvent}: one object ADDED / MODIFIED / DELETED
 *  - `timeline`  a TimelineEntry (see timeline.ts)
 *  - `state`     {@link StateEvent}: per-kind sync state (synced, resyncing, forbidden, stalled)
 *  - `reset`     {} — drop local state, snapshots follow
 *  - `session`   {@link SessionEvent}: the caller's token is no longer accepted; the stream ends
 */
import Type, { type Static } from 'typebox';
import { KubeObjectSchema } from './common.js';

export const STREAM_KINDS = ['Config', 'ClusterOperator', 'Deployment', 'Pod', 'Event'] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];
export const StreamKindSchema = Type.Union([
  Type.Literal('Config'),
  Type.Literal('ClusterOperator'),
  Type.Literal('Deployment'),
  Type.Literal('Pod'),
  Type.Literal('Event'),
]);

export const SnapshotEventSchema = Type.Object({
  kind: StreamKindSchema,
  items: Type.Array(KubeObjectSchema),
  resourceVersion: Type.String(),
  /**
   * How many objects of this kind exist but were left out of the snapshot (Events: only the
   * newest are sent; the timeline keeps the history). Absent when nothing was left out.
   */
  omitted: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type SnapshotEvent = Static<typeof SnapshotEventSchema>;

export const ChangeEventSchema = Type.Object({
  kind: StreamKindSchema,
  type: Type.Union([Type.Literal('ADDED'), Type.Literal('MODIFIED'), Type.Literal('DELETED')]),
  object: KubeObjectSchema,
});
export type ChangeEvent = Static<typeof ChangeEventSchema>;

export const StateEventSchema = Type.Object({
  kind: StreamKindSchema,
  // stalled: the server's watch went silent (no event, no bookmark) — updates may be missing.
  state: Type.Union([
    Type.Literal('synced'),
    Type.Literal('resyncing'),
    Type.Literal('forbidden'),
    Type.Literal('stalled'),
  ]),
  message: Type.Optional(Type.String()),
});
export type StateEvent = Static<typeof StateEventSchema>;

/** Sent before the server ends a stream whose caller can no longer prove who they are (401). */
export const SessionEventSchema = Type.Object({
  state: Type.Literal('expired'),
  message: Type.String(),
});
export type SessionEvent = Static<typeof SessionEventSchema>;

export const STREAM_EVENT_NAMES = ['snapshot', 'change', 'timeline', 'state', 'reset', 'session'] as const;
export type StreamEventName = (typeof STREAM_EVENT_NAMES)[number];

/** Upper bound between two messages (or pings) on the stream. */
export const STREAM_HEARTBEAT_MS = 15_000;
