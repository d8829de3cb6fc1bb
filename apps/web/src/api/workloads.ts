/**
 * The objects behind the registry (Deployments, DaemonSet, CronJobs and their Jobs, Routes) as
 * the workload views read them (GET /api/v1/workloads…), and the operator Deployment's scale.
 */
import { ApiRoutes, type ApiRoute, type RouteInput } from '@irc/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { usePlatform } from '../platform/platform.js';
import { routeQuery, type Api, type StreamInvalidation } from './types.js';

/**
 * DaemonSets, CronJobs, Jobs and Routes are not on the event stream (Deployments, Pods and
 * Events are, and invalidate these at once): an open page re-reads them every few seconds.
 */
const REFRESH_MS = 10_000;

export const workloadKeys = {
  /** Every workload view starts with this. */
  all: ['workloads'] as const,
  index: () => [...workloadKeys.all, 'index'] as const,
  deployment: (name: string) => [...workloadKeys.all, 'deployment', name] as const,
  daemonSet: (name: string) => [...workloadKeys.all, 'daemonset', name] as const,
  cronJob: (name: string) => [...workloadKeys.all, 'cronjob', name] as const,
  routes: () => [...workloadKeys.all, 'routes'] as const,
};

function workloadQuery<R extends ApiRoute>(
  api: Api,
  queryKey: readonly string[],
  route: R,
  input: RouteInput<R>,
) {
  return routeQuery(api, queryKey, route, input, { refetchInterval: REFRESH_MS });
}

export const workloadQueries = {
  index: (api: Api) => workloadQuery(api, workloadKeys.index(), ApiRoutes.workloads, {}),
  deployment: (api: Api, name: string) =>
    workloadQuery(api, workloadKeys.deployment(name), ApiRoutes.deployment, { params: { name } }),
  daemonSet: (api: Api, name: string) =>
    workloadQuery(api, workloadKeys.daemonSet(name), ApiRoutes.daemonSet, { params: { name } }),
  cronJob: (api: Api, name: string) =>
    workloadQuery(api, workloadKeys.cronJob(name), ApiRoutes.cronJob, { params: { name } }),
  routes: (api: Api) => workloadQuery(api, workloadKeys.routes(), ApiRoutes.workloadRoutes, {}),
};

export const workloadsStream: StreamInvalidation = {
  queryKey: workloadKeys.all,
  kinds: ['Config', 'Deployment', 'Pod', 'Event'],
};

export const useWorkloadsIndexQuery = () => useQuery(workloadQueries.index(usePlatform()));
export const useDeploymentViewQuery = (name: string) =>
  useQuery(workloadQueries.deployment(usePlatform(), name));
export const useDaemonSetViewQuery = (name: string) =>
  useQuery(workloadQueries.daemonSet(usePlatform(), name));
export const useCronJobViewQuery = (name: string) => useQuery(workloadQueries.cronJob(usePlatform(), name));
export const useRoutesViewQuery = () => useQuery(workloadQueries.routes(usePlatform()));

/** `PUT …/scale` of the operator Deployment (the fix for an operator scaled to 0). */
export function useScaleMutation(name: string) {
  const { request } = usePlatform();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (replicas: number) =>
      request(ApiRoutes.scaleDeployment, { params: { name }, body: { replicas } }),
    onSettled: () => client.invalidateQueries({ queryKey: workloadKeys.all }),
  });
}
