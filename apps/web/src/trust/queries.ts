import { TRUST_PATH, trustRegistryPath, type PutTrustResponse, type TrustStatus } from '@irc/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiPath } from '../common/queries.js';
import { usePlatform } from '../shell/platform.js';

export const trustQueryKey = ['trust'] as const;

export function useTrustQuery() {
  const { request } = usePlatform();
  return useQuery({
    queryKey: trustQueryKey,
    queryFn: ({ signal }) => request<TrustStatus>(apiPath(TRUST_PATH), { signal }),
  });
}

export function usePutTrust() {
  const { request } = usePlatform();
  const client = useQueryClient();
  return useMutation({
    mutationKey: [...trustQueryKey, 'put'],
    mutationFn: ({ registry, pem }: { registry: string; pem: string }) =>
      request<PutTrustResponse>(apiPath(trustRegistryPath(registry)), { method: 'PUT', body: { pem } }),
    onSuccess: (result) => client.setQueryData(trustQueryKey, result.trust),
  });
}

export function useDeleteTrust() {
  const { request } = usePlatform();
  const client = useQueryClient();
  return useMutation({
    mutationKey: [...trustQueryKey, 'delete'],
    mutationFn: (registry: string) =>
      request<TrustStatus>(apiPath(trustRegistryPath(registry)), { method: 'DELETE' }),
    onSuccess: (status) => client.setQueryData(trustQueryKey, status),
  });
}
