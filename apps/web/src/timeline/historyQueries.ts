/** The timeline over a range and the registry's traffic over it, from the BFF. */
import { ApiRoutes } from '@irc/shared';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../common/queries.js';
import { usePlatform } from '../platform/platform.js';
import { rangeKey, resolveRange, type TimeRange } from './timeRange.js';

/**
 * How often a range ending now is read again: monitoring's new points (traffic has no live
 * feed; condition transitions arrive by the stream in between).
 */
const LIVE_REFRESH_MS = 30_000;

function rangeQuery(range: TimeRange): { start: string; end: string } {
  const { startMs, endMs } = resolveRange(range, Date.now());
  return { start: new Date(startMs).toISOString(), end: new Date(endMs).toISOString() };
}

export function useTimelineRangeQuery(range: TimeRange) {
  const { request } = usePlatform();
  const live = range.kind === 'preset';
  return useQuery({
    queryKey: [...queryKeys.timeline, 'range', rangeKey(range)],
    queryFn: ({ signal }) =>
      request(ApiRoutes.timeline, { signal, query: { ...rangeQuery(range), limit: 5000 } }),
    refetchInterval: live ? LIVE_REFRESH_MS : false,
    staleTime: live ? LIVE_REFRESH_MS : Infinity,
  });
}

export function useTrafficQuery(range: TimeRange) {
  const { request } = usePlatform();
  const live = range.kind === 'preset';
  return useQuery({
    queryKey: ['history-traffic', rangeKey(range)],
    queryFn: ({ signal }) => request(ApiRoutes.historyTraffic, { signal, query: rangeQuery(range) }),
    refetchInterval: live ? LIVE_REFRESH_MS : false,
    staleTime: live ? LIVE_REFRESH_MS : Infinity,
  });
}
