import { ApiRoutes } from '@irc/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { usePlatform } from '../platform/platform.js';

export const trustQueryKey = ['trust'] as const;

export function useTrustQuery() {
  const { request } = usePlatform();
  return useQuery({
    queryKey: trustQueryKey,
    queryFn: ({ signal }) => request(ApiRoutes.trust, { signal }),
  });
}

export function usePutTrust() {
  const { request } = usePlatform();
  const client = useQueryClient();
  return useMutation({
    mutationKey: [...trustQueryKey, 'put'],
    mutationFn: ({ registry, pem }: { registry: string; pem: string }) =>
      request(ApiRoutes.putTrust, { params: { registry }, body: { pem } }),
    onSuccess: (result) => client.setQueryData(trustQueryKey, result.trust),
  });
}

export function useDeleteTrust() {
  const { request } = usePlatform();
  const client = useQueryClient();
  return useMutation({
    mutationKey: [...trustQueryKey, 'delete'],
    mutationFn: (registry: string) => request(ApiRoutes.deleteTrust, { params: { registry } }),
    onSuccess: (status) => client.setQueryData(trustQueryKey, status),
  });
}
