/** What the stream carries: one upstream watch per kind (domain.md §1 names). */
import { RegistryNames, type StreamKind } from '@irc/shared';
import { ClusterOperatorResource, ConfigResource, NS } from '../kube/resources.js';
import { trimEvent } from './bounds.js';
import type { WatchTarget } from '../watch/watcher.js';

export const WATCH_TARGETS: readonly WatchTarget[] = [
  {
    kind: 'Config',
    path: `/apis/${ConfigResource.group}/${ConfigResource.version}/${ConfigResource.plural}`,
  },
  {
    kind: 'ClusterOperator',
    path: `/apis/${ClusterOperatorResource.group}/${ClusterOperatorResource.version}/${ClusterOperatorResource.plural}`,
    fieldSelector: `metadata.name=${RegistryNames.clusterOperator}`,
  },
  { kind: 'Deployment', path: `/apis/apps/v1/namespaces/${NS}/deployments` },
  { kind: 'Pod', path: `/api/v1/namespaces/${NS}/pods` },
  { kind: 'Event', path: `/api/v1/namespaces/${NS}/events`, transform: trimEvent },
];

/** Only the registry and operator deployments (and their pods) are of interest. */
export function isRelevant(
  kind: StreamKind,
  obj: { metadata?: { name?: string; labels?: Record<string, string> } },
): boolean {
  if (kind === 'Deployment') {
    const name = obj.metadata?.name;
    return name === RegistryNames.registryDeployment || name === RegistryNames.operatorDeployment;
  }
  if (kind === 'Pod') {
    const labels = obj.metadata?.labels ?? {};
    return labels['docker-registry'] === 'default' || labels.name === RegistryNames.operatorDeployment;
  }
  return true;
}
