/** The registry Config (`configs.imageregistry.operator.openshift.io/cluster`) as the BFF relays it. */
import { ApiRoutes, type ConfigResponse, type ConflictBody, type PatchConfigRequest } from '@irc/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../platform/http.js';
import { usePlatform } from '../platform/platform.js';
import { routeQuery, type Api, type StreamInvalidation } from './types.js';

/** The registry configuration as GET /api/v1/config answers it. */
export type ConfigData = ConfigResponse;

export const configKeys = {
  all: ['config'] as const,
};

export const configQuery = (api: Api) => routeQuery(api, configKeys.all, ApiRoutes.config, {});

export const configStream: StreamInvalidation = { queryKey: configKeys.all, kinds: ['Config'] };

export function useConfigQuery() {
  return useQuery(configQuery(usePlatform()));
}

/** PATCH /api/v1/config; a real (non dry-run) success updates the cached config at once. */
export function usePatchConfig() {
  const { request } = usePlatform();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PatchConfigRequest) => request(ApiRoutes.patchConfig, { body }),
    onSuccess: (response) => {
      if (response.dryRun) return;
      const { config } = response;
      client.setQueryData<ConfigData>(configKeys.all, (old) => ({
        ...old,
        config,
        resourceVersion: config.metadata.resourceVersion ?? old?.resourceVersion ?? '',
      }));
    },
  });
}

/**
 * The version of the Config the admin saw: its resourceVersion, and the spec's generation, so
 * that the server can tell a status-only change (no conflict) from a spec change (409) even if
 * it never saw that resourceVersion itself.
 */
export function seenVersion(data: ConfigData): Pick<PatchConfigRequest, 'resourceVersion' | 'generation'> {
  const generation = (data.config.metadata as { generation?: unknown }).generation;
  return {
    resourceVersion: data.resourceVersion,
    ...(typeof generation === 'number' && generation >= 1 ? { generation } : {}),
  };
}

/** The live Config a 409 answer carries (someone else changed the spec), if the error is one. */
export function conflictOf(error: unknown): ConfigData | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const body = error.body as Partial<ConflictBody> | undefined;
  return body?.live as ConfigData | undefined;
}
