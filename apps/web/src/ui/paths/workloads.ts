/**
 * Router paths of the pages for the objects behind the registry (pass them through
 * `links.page()`), and where each kind of object a diagnosis names is shown.
 */
import { RegistryNames, WorkloadNames } from '@irc/shared';

export const workloadPaths = {
  index: '/workloads',
  deployment: (name: string) => `/workloads/deployments/${encodeURIComponent(name)}`,
  registry: () => workloadPaths.deployment(RegistryNames.registryDeployment),
  operator: () => workloadPaths.deployment(RegistryNames.operatorDeployment),
  nodeCa: () => `/workloads/daemonsets/${encodeURIComponent(WorkloadNames.daemonSets[0])}`,
  pruner: () => `/workloads/cronjobs/${encodeURIComponent(WorkloadNames.cronJobs[0])}`,
  routes: '/workloads/routes',
} as const;

/** The page of a Deployment, DaemonSet, CronJob/Job/ImagePruner or Route; undefined: none. */
export function workloadPageOf(kind: string, name: string): string | undefined {
  switch (kind) {
    case 'Deployment':
    case 'ReplicaSet':
      // A ReplicaSet is named <deployment>-<hash>: it is shown on its Deployment's page.
      return WorkloadNames.deployments
        .filter((d) => name === d || name.startsWith(`${d}-`))
        .map(workloadPaths.deployment)
        .sort((a, b) => b.length - a.length)[0];
    case 'DaemonSet':
      return (WorkloadNames.daemonSets as readonly string[]).includes(name)
        ? workloadPaths.nodeCa()
        : undefined;
    case 'CronJob':
    case 'Job':
    case 'ImagePruner':
      return workloadPaths.pruner();
    case 'Route':
      return workloadPaths.routes;
    default:
      return undefined;
  }
}
