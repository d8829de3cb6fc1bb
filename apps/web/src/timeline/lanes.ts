/**
 * Condition lanes over a range: the server's lanes (from cluster monitoring, on its step grid)
 * carried on to "now" with the exact transitions the live watch saw after monitoring's last
 * point — or, when monitoring gave no history, built from the live transitions alone.
 */
import type { ConditionEntry, ConditionLane, LaneSegment, TimelineEntry } from '../api/contract.js';
import type { ResolvedRange } from './timeRange.js';

/** The object whose conditions the lanes show (the server's lanes are its conditions too). */
const LANE_OBJECT = { kind: 'ClusterOperator', name: 'image-registry' };
const LANE_ORDER = ['Available', 'Progressing', 'Degraded', 'Removed'];

type Status = LaneSegment['status'];

export interface Segment {
  startMs: number;
  endMs: number;
  status: Status;
  reason: string;
}

export interface Lane {
  condition: string;
  segments: Segment[];
}

function isLaneTransition(e: TimelineEntry): e is ConditionEntry {
  return e.type === 'condition' && e.object.kind === LANE_OBJECT.kind && e.object.name === LANE_OBJECT.name;
}

/** Appends a stretch, joining it to the previous one when nothing changed. */
function push(segments: Segment[], next: Segment): void {
  if (next.endMs <= next.startMs) return;
  const last = segments[segments.length - 1];
  if (last && last.status === next.status && last.reason === next.reason && last.endMs >= next.startMs)
    last.endMs = Math.max(last.endMs, next.endMs);
  else segments.push({ ...next });
}

/**
 * Stretches a condition held from its transitions (oldest first) within [from, to): the state
 * before the first transition in the window is the one the last earlier transition reached.
 */
function fromTransitions(transitions: ConditionEntry[], from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  let state: { status: Status; reason: string; since: number } | undefined;
  for (const t of transitions) {
    const at = Date.parse(t.time);
    if (at >= to) break;
    if (state) push(segments, { startMs: Math.max(state.since, from), endMs: at, ...pick(state) });
    state = { status: t.condition.to, reason: t.condition.reason, since: at };
  }
  if (state) push(segments, { startMs: Math.max(state.since, from), endMs: to, ...pick(state) });
  return segments.filter((s) => s.endMs > from);
}

const pick = (s: { status: Status; reason: string }) => ({ status: s.status, reason: s.reason });

function sortLanes(lanes: Lane[]): Lane[] {
  const order = (c: string) => (LANE_ORDER.includes(c) ? LANE_ORDER.indexOf(c) : LANE_ORDER.length);
  return lanes.sort(
    (a, b) => order(a.condition) - order(b.condition) || a.condition.localeCompare(b.condition),
  );
}

/**
 * The lanes to draw for `range`. Server segments are kept up to monitoring's last point; after
 * it, live transitions (exact to the millisecond) decide, and a live range runs on to `now`.
 * A stretch monitoring had no data for (`Unknown`) stays a gap unless the watch saw it.
 */
export function mergeLanes(
  serverLanes: readonly ConditionLane[],
  live: readonly TimelineEntry[],
  range: ResolvedRange,
  now: number,
): Lane[] {
  const end = range.live ? now : Math.min(range.endMs, now);
  const byCondition = new Map<string, ConditionEntry[]>();
  for (const e of live)
    if (isLaneTransition(e)) {
      const list = byCondition.get(e.condition.type) ?? [];
      list.push(e);
      byCondition.set(e.condition.type, list);
    }
  for (const list of byCondition.values()) list.sort((a, b) => a.time.localeCompare(b.time));

  const lanes: Lane[] = [];
  const seen = new Set<string>();
  for (const lane of serverLanes) {
    seen.add(lane.condition);
    const segments: Segment[] = [];
    for (const s of lane.segments) {
      const seg = {
        startMs: Date.parse(s.start),
        endMs: Date.parse(s.end),
        status: s.status,
        reason: s.reason,
      };
      if (seg.status !== 'Unknown') push(segments, seg);
    }
    const known = segments.length ? segments[segments.length - 1]!.endMs : range.startMs;
    const transitions = byCondition.get(lane.condition) ?? [];
    // After monitoring's last point: the watch's transitions, or the last known state carried on.
    const after = fromTransitions(transitions, known, end);
    if (after.length) for (const s of after) push(segments, s);
    else if (range.live && segments.length) segments[segments.length - 1]!.endMs = end;
    lanes.push({ condition: lane.condition, segments: clip(segments, range.startMs, end) });
  }
  for (const [condition, transitions] of byCondition) {
    if (seen.has(condition)) continue;
    const segments = fromTransitions(transitions, range.startMs, end);
    if (segments.length) lanes.push({ condition, segments });
  }
  return sortLanes(lanes);
}

function clip(segments: Segment[], from: number, to: number): Segment[] {
  return segments
    .map((s) => ({ ...s, startMs: Math.max(s.startMs, from), endMs: Math.min(s.endMs, to) }))
    .filter((s) => s.endMs > s.startMs);
}
