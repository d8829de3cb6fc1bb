/** Small readers over what was gathered: which pods belong to what, the pruner's Jobs, object refs. */
import { RegistryNames, type ObjectRef } from '@irc/shared';
import type { CoreV1Event, V1Pod } from '@kubernetes/client-node';
import { NS, toIso, type ConditionLike, type KubeObjectLike } from '../kube/resources.js';
import type { Read } from './gather.js';

export interface JobLike extends KubeObjectLike {
  status?: {
    conditions?: ConditionLike[];
    startTime?: string;
    completionTime?: string;
    failed?: number;
    succeeded?: number;
  };
}

/** Pods of one `key=value` selector, from the one list of the namespace. */
export function podsOf(pods: Read<V1Pod[]>, selector: string): Read<V1Pod[]> {
  if (!pods.ok) return pods;
  const [key = '', value = ''] = selector.split('=');
  return { ok: true, value: pods.value.filter((p) => p.metadata?.labels?.[key] === value) };
}

/** Containers that have a previous instance (restarted at least once). */
export function restartedContainers(pods: Read<V1Pod[]>): { pod: string; container: string }[] {
  if (!pods.ok) return [];
  return pods.value.flatMap((p) =>
    (p.status?.containerStatuses ?? [])
      .filter((s) => (s.restartCount ?? 0) > 0 && s.lastState?.terminated)
      .map((s) => ({ pod: p.metadata?.name ?? '', container: s.name })),
  );
}

function isPrunerJob(j: JobLike): boolean {
  const owner = j.metadata?.ownerReferences as { kind?: string; name?: string }[] | undefined;
  return (
    owner?.some((o) => o.kind === 'CronJob' && o.name === 'image-pruner') === true ||
    (j.metadata?.name ?? '').startsWith('image-pruner-')
  );
}

export function jobFinished(j: JobLike): 'failed' | 'complete' | undefined {
  const c = j.status?.conditions ?? [];
  if (c.some((x) => x.type === 'Failed' && x.status === 'True')) return 'failed';
  if (c.some((x) => x.type === 'Complete' && x.status === 'True')) return 'complete';
  return undefined;
}

function startedAt(j: JobLike): number {
  return Date.parse(toIso(j.status?.startTime ?? j.metadata?.creationTimestamp) ?? '') || 0;
}

/**
 * The pruner's most recent finished Job; with `want: 'failed'`, only when that latest finished
 * Job failed. A later run that succeeded makes an older failure history.
 */
export function latestPrunerJob(jobs: JobLike[], want?: 'failed'): JobLike | undefined {
  const finished = jobs
    .filter((j) => isPrunerJob(j) && jobFinished(j))
    // start times have second granularity: of two runs started in the same second (a failed run
    // and the manual re-run after the fix) neither is known to be later, so a success wins the tie
    .sort(
      (a, b) =>
        startedAt(b) - startedAt(a) ||
        Number(jobFinished(b) === 'complete') - Number(jobFinished(a) === 'complete'),
    );
  const latest = finished[0];
  if (!latest) return undefined;
  return want === 'failed' && jobFinished(latest) !== 'failed' ? undefined : latest;
}

export const ref = {
  config: (): ObjectRef => ({
    kind: 'Config',
    name: RegistryNames.configName,
    apiVersion: 'imageregistry.operator.openshift.io/v1',
  }),
  clusterOperator: (): ObjectRef => ({
    kind: 'ClusterOperator',
    name: RegistryNames.clusterOperator,
    apiVersion: 'config.openshift.io/v1',
  }),
  imageConfig: (): ObjectRef => ({ kind: 'Image', name: 'cluster', apiVersion: 'config.openshift.io/v1' }),
  proxy: (): ObjectRef => ({ kind: 'Proxy', name: 'cluster', apiVersion: 'config.openshift.io/v1' }),
  imagePruner: (): ObjectRef => ({
    kind: 'ImagePruner',
    name: 'cluster',
    apiVersion: 'imageregistry.operator.openshift.io/v1',
  }),
  node: (name: string): ObjectRef => ({ kind: 'Node', name, apiVersion: 'v1' }),
  ns: (kind: string, name: string, apiVersion = 'v1'): ObjectRef => ({
    kind,
    name,
    namespace: NS,
    apiVersion,
  }),
  registryDeployment: (): ObjectRef => ref.ns('Deployment', RegistryNames.registryDeployment, 'apps/v1'),
  operatorDeployment: (): ObjectRef => ref.ns('Deployment', RegistryNames.operatorDeployment, 'apps/v1'),
  pod: (name: string): ObjectRef => ref.ns('Pod', name),
  secret: (name: string): ObjectRef => ref.ns('Secret', name),
};

/** `oc patch` of the Config, for commands that show the exact change. */
export const PATCH_CONFIG = 'oc patch configs.imageregistry.operator.openshift.io/cluster --type merge -p';

/** Events about one object, newest first. */
export function eventsAbout(events: Read<CoreV1Event[]>, kind: string, name: string): CoreV1Event[] {
  if (!events.ok) return [];
  const time = (e: CoreV1Event) => toIso(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp) ?? '';
  return events.value
    .filter((e) => e.involvedObject?.kind === kind && e.involvedObject.name === name)
    .sort((a, b) => time(b).localeCompare(time(a)));
}
