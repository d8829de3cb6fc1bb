import {
  MigrationPaths,
  type MigrationOptions,
  type MigrationRequest,
  type MigrationResponse,
} from '@irc/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { apiPath } from '../common/queries.js';
import { usePlatform } from '../shell/platform.js';

export const migrationQueryKey = ['migration'] as const;

export function useMigrationOptions() {
  const { request } = usePlatform();
  return useQuery({
    queryKey: [...migrationQueryKey, 'options'],
    queryFn: ({ signal }) => request<MigrationOptions>(apiPath(MigrationPaths.options), { signal }),
  });
}

/** Preview and apply are both POSTs of the same request: the preview is a server-side dry run. */
export function useMigrationRun(action: 'preview' | 'apply') {
  const { request } = usePlatform();
  return useMutation({
    mutationKey: [...migrationQueryKey, action],
    mutationFn: (body: MigrationRequest) =>
      request<MigrationResponse>(apiPath(MigrationPaths[action]), { method: 'POST', body }),
  });
}
