/** The registry's pods (GET /api/v1/pods). Their logs are streamed text, read by pods/logs. */
import { ApiRoutes } from '@irc/shared';
import { useQuery } from '@tanstack/react-query';
import { usePlatform } from '../platform/platform.js';
import { routeQuery, type Api, type StreamInvalidation } from './types.js';

export const podKeys = {
  all: ['pods'] as const,
};

export const podsQuery = (api: Api) => routeQuery(api, podKeys.all, ApiRoutes.pods, {});

export const podsStream: StreamInvalidation = { queryKey: podKeys.all, kinds: ['Pod'] };

export function usePodsQuery() {
  return useQuery(podsQuery(usePlatform()));
}
