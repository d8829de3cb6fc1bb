/** Who the user is and what they may do (GET /api/v1/me: the access checks). */
import { ApiRoutes } from '@irc/shared';
import { useQuery } from '@tanstack/react-query';
import { usePlatform } from '../platform/platform.js';
import { routeQuery, type Api } from './types.js';

export const meKeys = {
  all: ['me'] as const,
};

export const meQuery = (api: Api) => routeQuery(api, meKeys.all, ApiRoutes.me, {}, { staleTime: 60_000 });

export function useMeQuery() {
  return useQuery(meQuery(usePlatform()));
}
