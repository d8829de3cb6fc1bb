/** What the stream carries: one upstream watch per kind (domain.md §1 names). */
import { Kinds, RegistryNames, type StreamKind } from '@irc/shared';
import { trimEvent } from './bounds.js';
import type { WatchTarget } from '../watch/watcher.js';

export const WATCH_TARGETS: readonly WatchTarget[] = [
  { kind: 'Config', path: Kinds.Config.path() },
  {
    kind: 'ClusterOperator',
    path: Kinds.ClusterOperator.path(),
    fieldSelector: `metadata.name=${Kinds.ClusterOperator.name}`,
  },
  { kind: 'Deployment', path: Kinds.Deployment.path() },
  { kind: 'Pod', path: Kinds.Pod.path() },
  { kind: 'Event', path: Kinds.Event.path(), transform: trimEvent },
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
