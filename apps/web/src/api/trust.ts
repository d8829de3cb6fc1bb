/** The registries' trusted CAs (the image config's additionalTrustedCA ConfigMap). */
import { ApiRoutes } from '@irc/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { usePlatform } from '../platform/platform.js';
import { routeQuery, type Api } from './types.js';

export const trustKeys = {
  all: ['trust'] as const,
};

export const trustQuery = (api: Api) => routeQuery(api, trustKeys.all, ApiRoutes.trust, {});

export function useTrustQuery() {
  return useQuery(trustQuery(usePlatform()));
}

export function usePutTrust() {
  const { request } = usePlatform();
  const client = useQueryClient();
  return useMutation({
    mutationKey: [...trustKeys.all, 'put'],
    mutationFn: ({ registry, pem }: { registry: string; pem: string }) =>
      request(ApiRoutes.putTrust, { params: { registry }, body: { pem } }),
    onSuccess: (result) => client.setQueryData(trustKeys.all, result.trust),
  });
}

export function useDeleteTrust() {
  const { request } = usePlatform();
  const client = useQueryClient();
  return useMutation({
    mutationKey: [...trustKeys.all, 'delete'],
    mutationFn: (registry: string) => request(ApiRoutes.deleteTrust, { params: { registry } }),
    onSuccess: (status) => client.setQueryData(trustKeys.all, status),
  });
}
