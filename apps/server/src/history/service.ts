/** Reading the registry's past from monitoring for one caller, with the sentence for the admin. */
import {
  HISTORY_MAX_RANGE_MS,
  type ConditionLane,
  type HistoryStatus,
  type TrafficSeries,
} from '@irc/shared';
import { KubeError } from '../kube/errors.js';
import {
  alignRange,
  conditionQuery,
  deriveConditionHistory,
  stepFor,
  visitedQuery,
  type DerivedHistory,
} from './conditions.js';
import { MonitoringError, type PrometheusClient } from './prometheus.js';

export const OPERATOR_NAME = 'image-registry';

/** What a range shows without monitoring: what every replica reads from the cluster now. */
export const LIVE_ONLY = 'Showing the current conditions and the events the cluster still keeps.';

/** The sentence for each reason history is missing (the live timeline is still shown). */
export function missingHistory(error: unknown): HistoryStatus {
  const e = error instanceof MonitoringError ? error : new MonitoringError('unavailable', String(error));
  const why: Record<MonitoringError['state'], string> = {
    unconfigured:
      'History is unavailable: this console has no cluster monitoring to read it from (set PROMETHEUS_URL).',
    unauthorized: 'History is unavailable: cluster monitoring did not accept your token.',
    forbidden:
      'History is unavailable: you may not read cluster monitoring data (the cluster-monitoring-view role allows it).',
    unavailable:
      'History is unavailable: cluster monitoring cannot be reached right now; it comes back by itself.',
  };
  return { state: e.state, message: `${why[e.state]} ${LIVE_ONLY}` };
}

/** `start`/`end` (RFC 3339) → milliseconds; 400 for a range that is backwards, in the future or too long. */
export function parseRange(
  start: string,
  end: string | undefined,
  now = Date.now(),
): { startMs: number; endMs: number } {
  const startMs = Date.parse(start);
  const endMs = end === undefined ? now : Date.parse(end);
  if (Number.isNaN(startMs) || Number.isNaN(endMs))
    throw new KubeError(400, 'BadRequest', 'start and end must be RFC 3339 times');
  if (endMs <= startMs) throw new KubeError(400, 'BadRequest', 'end must be after start');
  // a minute's grace: the browser's "last 14 days" and ours differ by the request's trip
  if (endMs - startMs > HISTORY_MAX_RANGE_MS + 60_000)
    throw new KubeError(400, 'BadRequest', 'a range is at most 14 days (what cluster monitoring keeps)');
  return { startMs, endMs: Math.min(endMs, now) };
}

export interface ConditionHistory extends DerivedHistory {
  history: HistoryStatus;
  step: number;
}

export async function readConditionHistory(
  monitoring: PrometheusClient | undefined,
  token: string | undefined,
  range: { startMs: number; endMs: number },
  scrapeSeconds: number,
  signal?: AbortSignal,
): Promise<ConditionHistory> {
  const step = stepFor(range.startMs, range.endMs, scrapeSeconds);
  const empty = { entries: [], lanes: [] as ConditionLane[], step };
  if (!monitoring) return { ...empty, history: missingHistory(new MonitoringError('unconfigured', '')) };
  const { start, end } = alignRange(range.startMs, range.endMs, step);
  try {
    const [series, visited] = await Promise.all([
      monitoring.queryRange({ query: conditionQuery(OPERATOR_NAME), start, end, step }, token, signal),
      monitoring.queryRange({ query: visitedQuery(OPERATOR_NAME, step), start, end, step }, token, signal),
    ]);
    return {
      ...deriveConditionHistory(series, OPERATOR_NAME, { start, end, step }, visited),
      step,
      history: {
        state: 'ok',
        message: `Condition history from cluster monitoring, read every ${step} s; transitions this console saw itself are exact.`,
        stepSeconds: step,
      },
    };
  } catch (e) {
    return { ...empty, history: missingHistory(e) };
  }
}

/** The traffic panel's series: PromQL over the registry's own metrics. */
export function trafficQueries(window: string): Array<Omit<TrafficSeries, 'points'>> {
  return [
    {
      name: 'requests',
      unit: 'per_second',
      query: `sum(rate(imageregistry_http_requests_total[${window}]))`,
    },
    {
      name: 'errors5xx',
      unit: 'per_second',
      query: `sum(rate(imageregistry_http_requests_total{code=~"5.."}[${window}])) or vector(0)`,
    },
    {
      name: 'latencyP99',
      unit: 'seconds',
      query: 'max(imageregistry_http_request_duration_seconds{quantile="0.99"} >= 0)',
    },
    {
      name: 'storageErrors',
      unit: 'per_second',
      query: `sum(rate(imageregistry_storage_errors_total[${window}])) or vector(0)`,
    },
    {
      name: 'storageLatencyP99',
      unit: 'seconds',
      query: 'max(imageregistry_storage_duration_seconds{quantile="0.99"} >= 0)',
    },
  ];
}

export async function readTraffic(
  monitoring: PrometheusClient | undefined,
  token: string | undefined,
  range: { startMs: number; endMs: number },
  scrapeSeconds: number,
  signal?: AbortSignal,
): Promise<{ history: HistoryStatus; series: TrafficSeries[] }> {
  if (!monitoring) return { history: missingHistory(new MonitoringError('unconfigured', '')), series: [] };
  const step = stepFor(range.startMs, range.endMs, scrapeSeconds);
  const { start, end } = alignRange(range.startMs, range.endMs, step);
  // a rate needs at least a few scrapes in its window, and should cover the whole step
  const window = `${Math.max(step, 4 * scrapeSeconds)}s`;
  try {
    const series = await Promise.all(
      trafficQueries(window).map(async (q) => {
        const result = await monitoring.queryRange({ query: q.query, start, end, step }, token, signal);
        const points = (result[0]?.values ?? [])
          .map(([t, v]): [number, number] => [t, Number(v)])
          .filter(([, v]) => Number.isFinite(v));
        return { ...q, points };
      }),
    );
    return {
      history: {
        state: 'ok',
        message: `Registry traffic from cluster monitoring, every ${step} s.`,
        stepSeconds: step,
      },
      series,
    };
  } catch (e) {
    return { history: missingHistory(e), series: [] };
  }
}
