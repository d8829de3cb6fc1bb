import { ApiRoutes, type PutPullSecretRegistryRequest } from '@irc/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { usePlatform } from '../platform/platform.js';

export const pullSecretQueryKey = ['pull-secret'] as const;

export function usePullSecretQuery() {
  const { request } = usePlatform();
  return useQuery({
    queryKey: pullSecretQueryKey,
    queryFn: ({ signal }) => request(ApiRoutes.pullSecret, { signal }),
  });
}

export function usePutPullSecretRegistry() {
  const { request } = usePlatform();
  const client = useQueryClient();
  return useMutation({
    mutationKey: [...pullSecretQueryKey, 'put'],
    mutationFn: ({ registry, body }: { registry: string; body: PutPullSecretRegistryRequest }) =>
      request(ApiRoutes.putPullSecretRegistry, { params: { registry }, body }),
    onSuccess: (result) => client.setQueryData(pullSecretQueryKey, result.status),
  });
}
