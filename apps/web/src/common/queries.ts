import { ApiRoutes } from '@irc/shared';
import { useQuery } from '@tanstack/react-query';
import { usePlatform } from '../platform/platform.js';
import type { ConfigResponse } from './contract.js';

export const queryKeys = {
  config: ['config'],
  me: ['me'],
  pods: ['pods'],
  timeline: ['timeline'],
  diagnostics: ['diagnostics'],
  credentials: ['storage-credentials'],
  /** Every workload view (apps/web/src/workloads) starts with this. */
  workloads: ['workloads'],
} as const;

/** The registry configuration as GET /api/v1/config answers it. */
export type ConfigData = ConfigResponse;

export function useConfigQuery() {
  const { request } = usePlatform();
  return useQuery({
    queryKey: queryKeys.config,
    queryFn: ({ signal }) => request(ApiRoutes.config, { signal }),
  });
}

export function useMeQuery() {
  const { request } = usePlatform();
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => request(ApiRoutes.me, { signal }),
    staleTime: 60_000,
  });
}

export function usePodsQuery() {
  const { request } = usePlatform();
  return useQuery({
    queryKey: queryKeys.pods,
    queryFn: ({ signal }) => request(ApiRoutes.pods, { signal }),
  });
}

export function useTimelineQuery() {
  const { request } = usePlatform();
  return useQuery({
    queryKey: queryKeys.timeline,
    queryFn: ({ signal }) => request(ApiRoutes.timeline, { signal, query: { limit: 2000 } }),
    // Kept current by stream `timeline` events; a refetch would only repeat them.
    staleTime: Infinity,
  });
}

export function useDiagnosticsQuery() {
  const { request } = usePlatform();
  return useQuery({
    queryKey: queryKeys.diagnostics,
    queryFn: ({ signal }) => request(ApiRoutes.diagnostics, { signal }),
    // Stream changes refetch at once; log-based checks (operator "unable to sync" lines) change
    // without any object changing, so the open page also re-runs them every few seconds.
    refetchInterval: 10_000,
  });
}

export function useCredentialsQuery(enabled: boolean) {
  const { request } = usePlatform();
  return useQuery({
    queryKey: queryKeys.credentials,
    queryFn: ({ signal }) => request(ApiRoutes.credentials, { signal }),
    enabled,
  });
}
