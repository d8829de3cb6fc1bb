import { ApiRoutes } from '@irc/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { usePlatform } from '../platform/platform.js';
import type { ConflictBody, ErrorBody, PatchConfigRequest } from './contract.js';
import { ApiError } from '../platform/http.js';
import { queryKeys, type ConfigData } from './queries.js';

/** PATCH /api/v1/config; a real (non dry-run) success updates the cached config at once. */
export function usePatchConfig() {
  const { request } = usePlatform();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PatchConfigRequest) => request(ApiRoutes.patchConfig, { body }),
    onSuccess: (response) => {
      if (response.dryRun) return;
      const { config } = response;
      client.setQueryData<ConfigData>(queryKeys.config, (old) => ({
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

export function conflictOf(error: unknown): ConfigData | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const body = error.body as Partial<ConflictBody> | undefined;
  return body?.live as ConfigData | undefined;
}

export function fieldErrorsOf(error: unknown): NonNullable<ErrorBody['fieldErrors']> {
  if (!(error instanceof ApiError) || (error.status !== 422 && error.status !== 400)) return [];
  const body = error.body as Partial<ErrorBody> | undefined;
  return body?.fieldErrors ?? [];
}
