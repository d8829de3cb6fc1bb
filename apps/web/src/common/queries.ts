import { ApiPaths } from '@irc/shared';
import { useQuery } from '@tanstack/react-query';
import { usePlatform } from '../shell/platform.js';
import type {
  ConfigResponse,
  CredentialsStatus,
  DiagnosticsResponse,
  MeResponse,
  PodsResponse,
  RegistryConfig,
  TimelineResponse,
} from './contract.js';

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

/**
 * API paths relative to the platform's API base (`/api` standalone, the console proxy in the
 * plugin): the shared contract spells them from the server root (`/api/v1/...`).
 */
export function apiPath(path: string): string {
  return path.startsWith('/api/') ? path.slice('/api'.length) : path;
}

export const paths = {
  config: apiPath(ApiPaths.config),
  credentials: apiPath(ApiPaths.storageCredentials),
  stream: apiPath(ApiPaths.stream),
  timeline: apiPath(ApiPaths.timeline),
  pods: apiPath(ApiPaths.pods),
  diagnostics: apiPath(ApiPaths.diagnostics),
  me: apiPath(ApiPaths.me),
  podLog: (namespace: string, name: string) =>
    `${apiPath(ApiPaths.pods)}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}/log`,
};

export interface ConfigData extends Omit<ConfigResponse, 'config'> {
  config: RegistryConfig;
}

export function useConfigQuery() {
  const { request } = usePlatform();
  return useQuery({
    queryKey: queryKeys.config,
    queryFn: ({ signal }) => request<ConfigData>(paths.config, { signal }),
  });
}

export function useMeQuery() {
  const { request } = usePlatform();
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => request<MeResponse>(paths.me, { signal }),
    staleTime: 60_000,
  });
}

export function usePodsQuery() {
  const { request } = usePlatform();
  return useQuery({
    queryKey: queryKeys.pods,
    queryFn: ({ signal }) => request<PodsResponse>(paths.pods, { signal }),
  });
}

export function useTimelineQuery() {
  const { request } = usePlatform();
  return useQuery({
    queryKey: queryKeys.timeline,
    queryFn: ({ signal }) => request<TimelineResponse>(paths.timeline, { signal, query: { limit: 2000 } }),
    // Kept current by stream `timeline` events; a refetch would only repeat them.
    staleTime: Infinity,
  });
}

export function useDiagnosticsQuery() {
  const { request } = usePlatform();
  return useQuery({
    queryKey: queryKeys.diagnostics,
    queryFn: ({ signal }) => request<DiagnosticsResponse>(paths.diagnostics, { signal }),
    // Stream changes refetch at once; log-based checks (operator "unable to sync" lines) change
    // without any object changing, so the open page also re-runs them every few seconds.
    refetchInterval: 10_000,
  });
}

export function useCredentialsQuery(enabled: boolean) {
  const { request } = usePlatform();
  return useQuery({
    queryKey: queryKeys.credentials,
    queryFn: ({ signal }) => request<CredentialsStatus>(paths.credentials, { signal }),
    enabled,
  });
}
