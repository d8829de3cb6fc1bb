/**
 * Condition history from `cluster_operator_conditions{name,condition,reason}` (the CVO's gauge:
 * 1 True, 0 False, one series per condition and reason): read at evenly spaced points, a change
 * of status or reason between two points is a transition, known to within one step. Pure and
 * deterministic — every replica reading the same monitoring gets the same entries and lanes.
 */
import type { ConditionEntry, ConditionLane, LaneSegment, TimelineEntry } from '@irc/shared';
import type { RangeSeries } from './prometheus.js';

/** Prometheus answers at most 11,000 points a series; ~1,000 keep a 14-day answer small. */
const TARGET_POINTS = 1000;
const MIN_STEP_SECONDS = 2;

/** The step for a range: about {@link TARGET_POINTS} points, never finer than the scrape. */
export function stepFor(startMs: number, endMs: number, scrapeSeconds = MIN_STEP_SECONDS): number {
  return Math.max(1, Math.ceil(scrapeSeconds), Math.ceil((endMs - startMs) / 1000 / TARGET_POINTS));
}

/** The range snapped to the step's grid, so replicas asked the same range read the same points. */
export function alignRange(startMs: number, endMs: number, step: number): { start: number; end: number } {
  return { start: Math.floor(startMs / 1000 / step) * step, end: Math.floor(endMs / 1000 / step) * step };
}

export function conditionQuery(operator: string): string {
  return `cluster_operator_conditions{name="${operator}"}`;
}

/**
 * Every state a condition was scraped in during each step (a flip and back between two points
 * would otherwise be lost): one series per reason present in (t - step, t].
 */
export function visitedQuery(operator: string, step: number): string {
  return `max_over_time(${conditionQuery(operator)}[${step}s])`;
}

interface State {
  status: 'True' | 'False';
  reason: string;
}

const iso = (sec: number): string => new Date(sec * 1000).toISOString();

/** Per condition, every state at each point, in reason order (deterministic). */
function statesAt(series: RangeSeries[]): Map<string, Map<number, State[]>> {
  const out = new Map<string, Map<number, State[]>>();
  const sorted = [...series].sort((a, b) => (a.metric.reason ?? '').localeCompare(b.metric.reason ?? ''));
  for (const s of sorted) {
    const condition = s.metric.condition;
    if (!condition) continue;
    let points = out.get(condition);
    if (!points) out.set(condition, (points = new Map()));
    for (const [t, v] of s.values) {
      const list = points.get(t) ?? [];
      list.push({ status: Number(v) === 1 ? 'True' : 'False', reason: s.metric.reason ?? '' });
      points.set(t, list);
    }
  }
  return out;
}

/**
 * Per condition, its state at each point that has data. Where two series overlap at a point (a
 * reason change inside the lookback) the True one wins, then the first reason by name.
 */
function statesByCondition(series: RangeSeries[]): Map<string, Map<number, State>> {
  const out = new Map<string, Map<number, State>>();
  for (const [condition, points] of statesAt(series)) {
    const one = new Map<number, State>();
    for (const [t, states] of points) {
      const pick = states.find((st) => st.status === 'True') ?? states[0];
      if (pick) one.set(t, pick);
    }
    out.set(condition, one);
  }
  return out;
}

export interface DerivedHistory {
  entries: ConditionEntry[];
  lanes: ConditionLane[];
}

const same = (a: State | undefined, b: State | undefined): boolean =>
  Boolean(a && b && a.status === b.status && a.reason === b.reason);

export function deriveConditionHistory(
  series: RangeSeries[],
  operator: string,
  range: { start: number; end: number; step: number },
  visitedSeries: RangeSeries[] = [],
): DerivedHistory {
  const entries: ConditionEntry[] = [];
  const lanes: ConditionLane[] = [];
  const object = { kind: 'ClusterOperator', name: operator };
  const visited = statesAt(visitedSeries); // every state seen in each step (visitedQuery)
  const transition = (condition: string, from: State, to: State, t: number): ConditionEntry => {
    const time = iso(t);
    return {
      id: `condition:ClusterOperator/${operator}:${condition}:${to.status}:${to.reason}:${time}`,
      time,
      type: 'condition',
      object,
      condition: { type: condition, from: from.status, to: to.status, reason: to.reason, message: '' },
      source: 'monitoring',
      withinSeconds: range.step,
    };
  };
  for (const [condition, points] of statesByCondition(series)) {
    const segments: LaneSegment[] = [];
    const extend = (status: LaneSegment['status'], reason: string, from: number, to: number): void => {
      const open = segments[segments.length - 1];
      if (open && open.status === status && open.reason === reason) open.end = iso(to);
      else {
        if (open) open.end = iso(from);
        segments.push({ start: iso(from), end: iso(to), status, reason });
      }
    };
    let last: State | undefined;
    for (let t = range.start; t <= range.end; t += range.step) {
      const state = points.get(t);
      // a state held only between two points: it left `last` and reached `state` within this step
      const between = (visited.get(condition)?.get(t) ?? []).filter((v) => !same(v, last) && !same(v, state));
      let from = last;
      for (const v of between) {
        if (from) entries.push(transition(condition, from, v, t));
        extend(v.status, v.reason, t - range.step, t);
        from = v;
      }
      extend(state?.status ?? 'Unknown', state?.reason ?? '', t, t);
      if (!state) continue;
      if (from && !same(from, state)) entries.push(transition(condition, from, state, t));
      last = state;
    }
    lanes.push({ condition, segments });
  }
  lanes.sort(
    (a, b) => laneOrder(a.condition) - laneOrder(b.condition) || a.condition.localeCompare(b.condition),
  );
  return { entries, lanes };
}

const LANE_ORDER = ['Available', 'Progressing', 'Degraded', 'Removed'];
function laneOrder(c: string): number {
  const i = LANE_ORDER.indexOf(c);
  return i < 0 ? LANE_ORDER.length : i;
}

/**
 * Monitoring's transitions merged with the exact ones read from the cluster: an exact transition
 * of the same condition to the same status and reason in the step before a monitoring point
 * (plus `slackSeconds` for scrape and lookback delay) is that transition, to the millisecond —
 * and where the exact one does not say what it came from (a condition as it is now), the
 * monitoring one does.
 */
export function mergeTransitions(
  live: readonly TimelineEntry[],
  derived: readonly ConditionEntry[],
  step: number,
  slackSeconds = 60,
): TimelineEntry[] {
  const matches = (e: ConditionEntry, d: ConditionEntry): boolean => {
    const t = Date.parse(d.time);
    return (
      e.object.kind === d.object.kind &&
      e.object.name === d.object.name &&
      e.condition.type === d.condition.type &&
      e.condition.to === d.condition.to &&
      e.condition.reason === d.condition.reason &&
      Date.parse(e.time) > t - (step + slackSeconds) * 1000 &&
      Date.parse(e.time) <= t + slackSeconds * 1000
    );
  };
  const exact = live.map((e): TimelineEntry => {
    if (e.type !== 'condition' || e.condition.from !== null) return e;
    const told = derived.find((d) => matches(e, d));
    return told ? { ...e, condition: { ...e.condition, from: told.condition.from } } : e;
  });
  const conditions = live.filter((e): e is ConditionEntry => e.type === 'condition');
  return [...exact, ...derived.filter((d) => !conditions.some((e) => matches(e, d)))].sort(
    (a, b) => Date.parse(b.time) - Date.parse(a.time) || (b.id > a.id ? 1 : b.id < a.id ? -1 : 0),
  );
}
