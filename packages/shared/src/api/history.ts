/**
 * The registry's history from the cluster's own monitoring (Prometheus / Thanos): condition
 * lanes of the ClusterOperator and the registry's traffic over a time range, and whether that
 * history could be read for this caller (`GET /api/v1/timeline?start=…` and
 * `GET /api/v1/history/traffic`).
 */
import Type, { type Static } from 'typebox';

/** Why monitoring history is or is not part of an answer. */
export const HistoryStateSchema = Type.Union([
  /** Read from monitoring with the caller's token. */
  Type.Literal('ok'),
  /** No monitoring endpoint configured (standalone without PROMETHEUS_URL). */
  Type.Literal('unconfigured'),
  /** Monitoring refused the caller's token (401). */
  Type.Literal('unauthorized'),
  /** The caller may not read monitoring data (403). */
  Type.Literal('forbidden'),
  /** Monitoring could not be reached or failed. */
  Type.Literal('unavailable'),
]);
export type HistoryState = Static<typeof HistoryStateSchema>;

export const HistoryStatusSchema = Type.Object({
  state: HistoryStateSchema,
  /** One sentence for the admin: where the history came from, or why it is missing. */
  message: Type.String(),
  /** Seconds between the points monitoring was read at (transitions are known to this precision). */
  stepSeconds: Type.Optional(Type.Integer()),
});
export type HistoryStatus = Static<typeof HistoryStatusSchema>;

const ConditionStatus = Type.Union([Type.Literal('True'), Type.Literal('False'), Type.Literal('Unknown')]);

/** One stretch of a condition in one status (Unknown: no data for that stretch). */
export const LaneSegmentSchema = Type.Object({
  start: Type.String(),
  end: Type.String(),
  status: ConditionStatus,
  reason: Type.String(),
});
export type LaneSegment = Static<typeof LaneSegmentSchema>;

export const ConditionLaneSchema = Type.Object({
  /** Available, Progressing, Degraded, … */
  condition: Type.String(),
  segments: Type.Array(LaneSegmentSchema),
});
export type ConditionLane = Static<typeof ConditionLaneSchema>;

export const HistoryRangeQuerySchema = Type.Object(
  {
    /** RFC 3339; the range's start (at most 14 days before its end). */
    start: Type.String({ maxLength: 40 }),
    /** RFC 3339; default now. */
    end: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);
export type HistoryRangeQuery = Static<typeof HistoryRangeQuerySchema>;

/** The longest range asked of monitoring (cluster monitoring keeps about 15 days). */
export const HISTORY_MAX_RANGE_MS = 14 * 24 * 3600_000;

/** A series of [unix seconds, value] points (NaN-free: gaps are missing points). */
export const TrafficSeriesSchema = Type.Object({
  /** requests, errors5xx, latencyP99, storageErrors, storageLatencyP99 */
  name: Type.String(),
  /** req/s, errors/s or seconds */
  unit: Type.Union([Type.Literal('per_second'), Type.Literal('seconds')]),
  /** The PromQL it was read with (for "Open in Observe → Metrics"). */
  query: Type.String(),
  // Pairs as two-item arrays, not a Tuple: TypeBox writes a tuple with draft-07 `additionalItems`,
  // which the OpenAPI document (3.0 schema objects) may not hold.
  points: Type.Array(Type.Array(Type.Number(), { minItems: 2, maxItems: 2 })),
});
export type TrafficSeries = Static<typeof TrafficSeriesSchema>;

export const TrafficResponseSchema = Type.Object({
  history: HistoryStatusSchema,
  start: Type.String(),
  end: Type.String(),
  series: Type.Array(TrafficSeriesSchema),
});
export type TrafficResponse = Static<typeof TrafficResponseSchema>;
