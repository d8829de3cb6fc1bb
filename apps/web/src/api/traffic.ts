/** The registry's traffic over a time range, from cluster monitoring (GET /api/v1/history/traffic). */
import { ApiRoutes } from '@irc/shared';
import { queryOptions } from '@tanstack/react-query';
import { historyRefresh, type HistoryWindow } from './timeline.js';
import type { Api } from './types.js';

export const trafficKeys = {
  all: ['history-traffic'] as const,
  range: (key: string) => [...trafficKeys.all, key] as const,
};

export const trafficQuery = (api: Api, range: HistoryWindow) =>
  queryOptions({
    queryKey: trafficKeys.range(range.key),
    queryFn: ({ signal }) => api.request(ApiRoutes.historyTraffic, { signal, query: range.window() }),
    ...historyRefresh(range),
  });
