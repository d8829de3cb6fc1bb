import { ApiRoutes, type ApiRoute, type RouteInput } from '@irc/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../common/queries.js';
import { usePlatform } from '../platform/platform.js';

/**
 * DaemonSets, CronJobs, Jobs and Routes are not on the event stream (Deployments, Pods and
 * Events are, and invalidate these at once): an open page re-reads them every few seconds.
 */
const REFRESH_MS = 10_000;

function useWorkloadQuery<R extends ApiRoute>(key: readonly string[], route: R, input: RouteInput<R>) {
  const { request } = usePlatform();
  return useQuery({
    queryKey: [...queryKeys.workloads, ...key],
    queryFn: ({ signal }) => request(route, ...[{ ...input, signal }]),
    refetchInterval: REFRESH_MS,
  });
}

export const useWorkloadsIndexQuery = () => useWorkloadQuery(['index'], ApiRoutes.workloads, {});

export const useDeploymentViewQuery = (name: string) =>
  useWorkloadQuery(['deployment', name], ApiRoutes.deployment, { params: { name } });

export const useDaemonSetViewQuery = (name: string) =>
  useWorkloadQuery(['daemonset', name], ApiRoutes.daemonSet, { params: { name } });

export const useCronJobViewQuery = (name: string) =>
  useWorkloadQuery(['cronjob', name], ApiRoutes.cronJob, { params: { name } });

export const useRoutesViewQuery = () => useWorkloadQuery(['routes'], ApiRoutes.workloadRoutes, {});

/** `PUT …/scale` of the operator Deployment (the fix for an operator scaled to 0). */
export function useScaleMutation(name: string) {
  const { request } = usePlatform();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (replicas: number) =>
      request(ApiRoutes.scaleDeployment, { params: { name }, body: { replicas } }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.workloads }),
  });
}
