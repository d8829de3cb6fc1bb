import type { ApiRoute, RouteInput, StreamKind } from '@irc/shared';
import { queryOptions } from '@tanstack/react-query';
import type { Platform, RouteCallArgs } from '../platform/platform.js';

/** What a resource's `queryOptions` need from the platform: the typed call of a route. */
export type Api = Pick<Platform, 'request'>;

/**
 * How the event stream keeps a resource's cache fresh: a streamed change of one of `kinds` marks
 * every query under `queryKey` stale (it refetches if shown). See `streamSync.tsx`.
 */
export interface StreamInvalidation {
  queryKey: readonly unknown[];
  kinds: readonly StreamKind[];
}

/** How long an answer is fresh and how often an open page re-reads it, where not the default. */
export interface Freshness {
  staleTime?: number;
  refetchInterval?: number | false;
}

/** The `queryOptions` of a read: the cache key, and the route called with `input` (typed by it). */
export function routeQuery<R extends ApiRoute>(
  api: Api,
  queryKey: readonly unknown[],
  route: R,
  input: RouteInput<R>,
  freshness: Freshness = {},
) {
  return queryOptions({
    queryKey,
    queryFn: ({ signal }) => api.request(route, ...([{ ...input, signal }] as RouteCallArgs<R>)),
    ...freshness,
  });
}
