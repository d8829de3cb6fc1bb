import {
  WorkloadPaths,
  type CronJobView,
  type DaemonSetView,
  type DeploymentView,
  type RoutesView,
  type ScaleResponse,
  type WorkloadsIndex,
} from '@irc/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiPath, queryKeys } from '../common/queries.js';
import { usePlatform } from '../shell/platform.js';

/**
 * DaemonSets, CronJobs, Jobs and Routes are not on the event stream (Deployments, Pods and
 * Events are, and invalidate these at once): an open page re-reads them every few seconds.
 */
const REFRESH_MS = 10_000;

function useWorkloadQuery<T>(key: readonly string[], path: string) {
  const { request } = usePlatform();
  return useQuery({
    queryKey: [...queryKeys.workloads, ...key],
    queryFn: ({ signal }) => request<T>(apiPath(path), { signal }),
    refetchInterval: REFRESH_MS,
  });
}

export const useWorkloadsIndexQuery = () => useWorkloadQuery<WorkloadsIndex>(['index'], WorkloadPaths.index);

export const useDeploymentViewQuery = (name: string) =>
  useWorkloadQuery<DeploymentView>(['deployment', name], WorkloadPaths.deployment(name));

export const useDaemonSetViewQuery = (name: string) =>
  useWorkloadQuery<DaemonSetView>(['daemonset', name], WorkloadPaths.daemonSet(name));

export const useCronJobViewQuery = (name: string) =>
  useWorkloadQuery<CronJobView>(['cronjob', name], WorkloadPaths.cronJob(name));

export const useRoutesViewQuery = () => useWorkloadQuery<RoutesView>(['routes'], WorkloadPaths.routes);

/** `PUT …/scale` of the operator Deployment (the fix for an operator scaled to 0). */
export function useScaleMutation(name: string) {
  const { request } = usePlatform();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (replicas: number) =>
      request<ScaleResponse>(apiPath(WorkloadPaths.deploymentScale(name)), {
        method: 'PUT',
        body: { replicas },
      }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.workloads }),
  });
}
