/**
 * The condition timeline (GET /api/v1/timeline): what this server saw live (kept current by the
 * stream's `timeline` events) and the history of a time range.
 */
import { ApiRoutes, type TimelineEntry, type TimelineResponse } from '@irc/shared';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { usePlatform } from '../platform/platform.js';
import { routeQuery, type Api } from './types.js';

/**
 * A time range as the history queries read it: `key` names it in the cache, `window()` gives its
 * bounds when it is (re)read — a range ending now moves — and `live` says whether it does.
 */
export interface HistoryWindow {
  key: string;
  live: boolean;
  window(): { start: string; end: string };
}

/**
 * How often a range ending now is read again: monitoring's new points (traffic has no live
 * feed; condition transitions arrive by the stream in between).
 */
export const LIVE_REFRESH_MS = 30_000;

/** Refetching of a history query: a range ending now is re-read, a fixed one never changes. */
export function historyRefresh(range: HistoryWindow) {
  return {
    refetchInterval: range.live ? LIVE_REFRESH_MS : false,
    staleTime: range.live ? LIVE_REFRESH_MS : Infinity,
  } as const;
}

export const timelineKeys = {
  all: ['timeline'] as const,
  /** The live list: exactly the root key, so a range's queries are not its stream target. */
  live: () => timelineKeys.all,
  range: (key: string) => [...timelineKeys.all, 'range', key] as const,
};

export const timelineQuery = (api: Api) =>
  // Kept current by stream `timeline` events; a refetch would only repeat them.
  routeQuery(
    api,
    timelineKeys.live(),
    ApiRoutes.timeline,
    { query: { limit: 2000 } },
    { staleTime: Infinity },
  );

export const timelineRangeQuery = (api: Api, range: HistoryWindow) =>
  queryOptions({
    queryKey: timelineKeys.range(range.key),
    queryFn: ({ signal }) =>
      api.request(ApiRoutes.timeline, { signal, query: { ...range.window(), limit: 5000 } }),
    ...historyRefresh(range),
  });

export function useTimelineQuery() {
  return useQuery(timelineQuery(usePlatform()));
}

/** Adds a streamed timeline entry to the cached live timeline, newest first, without duplicates. */
export function addTimelineEntry(client: QueryClient, entry: TimelineEntry): void {
  client.setQueryData<TimelineResponse>(timelineKeys.live(), (current) => {
    if (!current) return current;
    if (current.entries.some((e) => e.id === entry.id)) return current;
    const entries = [entry, ...current.entries].sort((a, b) => b.time.localeCompare(a.time));
    return { entries, total: current.total + 1 };
  });
}
