/**
 * `GET /api/v1/timeline` (and the `timeline` events of the stream): what happened to the
 * registry, newest first — condition transitions of the Config and the ClusterOperator, the
 * namespace's events, and changes made through this console.
 */
import Type, { type Static } from 'typebox';
import { ObjectRefSchema, QueryInteger } from './common.js';
import { ConditionLaneSchema, HistoryStatusSchema } from './history.js';

const ConditionStatus = Type.Union([Type.Literal('True'), Type.Literal('False'), Type.Literal('Unknown')]);

const Base = {
  /** Stable id (dedupes replays). */
  id: Type.String(),
  /** RFC 3339. */
  time: Type.String(),
  object: ObjectRefSchema,
};

export const ConditionEntrySchema = Type.Object({
  ...Base,
  type: Type.Literal('condition'),
  condition: Type.Object({
    type: Type.String(),
    /** null: first seen (seeded from lastTransitionTime at start). */
    from: Type.Union([ConditionStatus, Type.Null()]),
    to: ConditionStatus,
    reason: Type.String(),
    message: Type.String(),
  }),
  /** monitoring: read from cluster monitoring (no message; time known to `withinSeconds`). Absent: seen by the watch. */
  source: Type.Optional(Type.Literal('monitoring')),
  withinSeconds: Type.Optional(Type.Integer()),
});

export const EventEntrySchema = Type.Object({
  ...Base,
  type: Type.Literal('event'),
  event: Type.Object({
    eventType: Type.String(),
    reason: Type.String(),
    message: Type.String(),
    count: Type.Integer(),
    source: Type.Optional(Type.String()),
  }),
});

export const ChangeEntrySchema = Type.Object({
  ...Base,
  type: Type.Literal('change'),
  change: Type.Object({
    /** Kubernetes username of whoever saved it. */
    user: Type.String(),
    /** What was changed: section names, or `credentials` (key names only). */
    summary: Type.String(),
    patch: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    ocCommand: Type.Optional(Type.String()),
  }),
});

export const TimelineEntrySchema = Type.Union([ConditionEntrySchema, EventEntrySchema, ChangeEntrySchema]);
export type TimelineEntry = Static<typeof TimelineEntrySchema>;
export type ConditionEntry = Static<typeof ConditionEntrySchema>;
export type EventEntry = Static<typeof EventEntrySchema>;
export type ChangeEntry = Static<typeof ChangeEntrySchema>;

export const TimelineQuerySchema = Type.Object(
  {
    limit: Type.Optional(QueryInteger({ minimum: 1, maximum: 5000 })),
    /** Only entries at or after this RFC 3339 time. */
    since: Type.Optional(Type.String()),
    type: Type.Optional(
      Type.Union([Type.Literal('condition'), Type.Literal('event'), Type.Literal('change')]),
    ),
    /**
     * RFC 3339: answer for the range start…end (end default now, at most 14 days): condition
     * history from cluster monitoring merged with what the live watch saw, with `history`
     * saying whether monitoring could be read and `lanes` the conditions over the range.
     */
    start: Type.Optional(Type.String({ maxLength: 40 })),
    end: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);
export type TimelineQuery = Static<typeof TimelineQuerySchema>;

export const TimelineResponseSchema = Type.Object({
  entries: Type.Array(TimelineEntrySchema),
  total: Type.Integer(),
  /** With a range (`start`): where the history came from, or why it is missing. */
  history: Type.Optional(HistoryStatusSchema),
  /** With a range: the ClusterOperator's conditions over it (from monitoring). */
  lanes: Type.Optional(Type.Array(ConditionLaneSchema)),
});
export type TimelineResponse = Static<typeof TimelineResponseSchema>;
