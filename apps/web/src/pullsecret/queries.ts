import {
  PULL_SECRET_PATH,
  pullSecretRegistryPath,
  type PullSecretStatus,
  type PutPullSecretRegistryRequest,
  type PutPullSecretRegistryResponse,
} from '@irc/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiPath } from '../common/queries.js';
import { usePlatform } from '../shell/platform.js';

export const pullSecretQueryKey = ['pull-secret'] as const;

export function usePullSecretQuery() {
  const { request } = usePlatform();
  return useQuery({
    queryKey: pullSecretQueryKey,
    queryFn: ({ signal }) => request<PullSecretStatus>(apiPath(PULL_SECRET_PATH), { signal }),
  });
}

export function usePutPullSecretRegistry() {
  const { request } = usePlatform();
  const client = useQueryClient();
  return useMutation({
    mutationKey: [...pullSecretQueryKey, 'put'],
    mutationFn: ({ registry, body }: { registry: string; body: PutPullSecretRegistryRequest }) =>
      request<PutPullSecretRegistryResponse>(apiPath(pullSecretRegistryPath(registry)), {
        method: 'PUT',
        body,
      }),
    onSuccess: (result) => client.setQueryData(pullSecretQueryKey, result.status),
  });
}
