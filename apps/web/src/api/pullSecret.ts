/** The cluster's global pull secret (openshift-config/pull-secret), one registry at a time. */
import { ApiRoutes, type PutPullSecretRegistryRequest } from '@irc/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { usePlatform } from '../platform/platform.js';
import { routeQuery, type Api } from './types.js';

export const pullSecretKeys = {
  all: ['pull-secret'] as const,
};

export const pullSecretQuery = (api: Api) => routeQuery(api, pullSecretKeys.all, ApiRoutes.pullSecret, {});

export function usePullSecretQuery() {
  return useQuery(pullSecretQuery(usePlatform()));
}

export function usePutPullSecretRegistry() {
  const { request } = usePlatform();
  const client = useQueryClient();
  return useMutation({
    mutationKey: [...pullSecretKeys.all, 'put'],
    mutationFn: ({ registry, body }: { registry: string; body: PutPullSecretRegistryRequest }) =>
      request(ApiRoutes.putPullSecretRegistry, { params: { registry }, body }),
    onSuccess: (result) => client.setQueryData(pullSecretKeys.all, result.status),
  });
}
