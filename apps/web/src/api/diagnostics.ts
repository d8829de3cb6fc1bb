/** The diagnosis of the registry (GET /api/v1/diagnostics), built from every streamed kind. */
import { ApiRoutes } from '@irc/shared';
import { useQuery } from '@tanstack/react-query';
import { usePlatform } from '../platform/platform.js';
import { routeQuery, type Api, type StreamInvalidation } from './types.js';

export const diagnosticsKeys = {
  all: ['diagnostics'] as const,
};

export const diagnosticsQuery = (api: Api) =>
  // Stream changes refetch at once; log-based checks (operator "unable to sync" lines) change
  // without any object changing, so the open page also re-runs them every few seconds.
  routeQuery(api, diagnosticsKeys.all, ApiRoutes.diagnostics, {}, { refetchInterval: 10_000 });

export const diagnosticsStream: StreamInvalidation = {
  queryKey: diagnosticsKeys.all,
  kinds: ['Config', 'ClusterOperator', 'Deployment', 'Pod', 'Event'],
};

export function useDiagnosticsQuery() {
  return useQuery(diagnosticsQuery(usePlatform()));
}
