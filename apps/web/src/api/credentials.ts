/**
 * The storage credentials (the secret image-registry-private-configuration-user): whether each
 * key is set and when it changed, never a value. Writes replace the keys they name.
 */
import { ApiRoutes, type PutCredentialsRequest } from '@irc/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { usePlatform } from '../platform/platform.js';
import { routeQuery, type Api } from './types.js';

export const credentialsKeys = {
  all: ['storage-credentials'] as const,
};

export const credentialsQuery = (api: Api) => routeQuery(api, credentialsKeys.all, ApiRoutes.credentials, {});

export function useCredentialsQuery(enabled: boolean) {
  return useQuery({ ...credentialsQuery(usePlatform()), enabled });
}

/** PUT the typed keys; the answer (the new status) replaces the cached one. */
export function usePutCredentials(onSaved?: () => void) {
  const { request } = usePlatform();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PutCredentialsRequest) => request(ApiRoutes.putCredentials, { body }),
    onSuccess: (next) => {
      client.setQueryData(credentialsKeys.all, next);
      onSaved?.();
    },
  });
}
