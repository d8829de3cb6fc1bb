/** Rewriting image references to the registry's new host: what may be chosen, preview, apply. */
import { ApiRoutes, type MigrationRequest } from '@irc/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { usePlatform } from '../platform/platform.js';
import { routeQuery, type Api } from './types.js';

export const migrationKeys = {
  all: ['migration'] as const,
  options: () => [...migrationKeys.all, 'options'] as const,
};

export const migrationOptionsQuery = (api: Api) =>
  routeQuery(api, migrationKeys.options(), ApiRoutes.migrationOptions, {});

export function useMigrationOptions() {
  return useQuery(migrationOptionsQuery(usePlatform()));
}

/** Preview and apply are both POSTs of the same request: the preview is a server-side dry run. */
export function useMigrationRun(action: 'preview' | 'apply') {
  const { request } = usePlatform();
  return useMutation({
    mutationKey: [...migrationKeys.all, action],
    mutationFn: (body: MigrationRequest) =>
      request(action === 'preview' ? ApiRoutes.migrationPreview : ApiRoutes.migrationApply, { body }),
  });
}
