import { ApiRoutes, type MigrationRequest } from '@irc/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { usePlatform } from '../platform/platform.js';

export const migrationQueryKey = ['migration'] as const;

export function useMigrationOptions() {
  const { request } = usePlatform();
  return useQuery({
    queryKey: [...migrationQueryKey, 'options'],
    queryFn: ({ signal }) => request(ApiRoutes.migrationOptions, { signal }),
  });
}

/** Preview and apply are both POSTs of the same request: the preview is a server-side dry run. */
export function useMigrationRun(action: 'preview' | 'apply') {
  const { request } = usePlatform();
  return useMutation({
    mutationKey: [...migrationQueryKey, action],
    mutationFn: (body: MigrationRequest) =>
      request(action === 'preview' ? ApiRoutes.migrationPreview : ApiRoutes.migrationApply, { body }),
  });
}
