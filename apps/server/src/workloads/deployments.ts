/**
 * The registry and operator Deployments as the console's Deployment page shows them: rollout
 * progress, conditions, ReplicaSets by revision, pods, and the events of all three.
 */
import type {
  DeploymentView,
  ReplicaSetSummary,
  Rollout,
  WorkloadCondition,
  WorkloadHealth,
} from '@irc/shared';
import { Kinds, RegistryNames } from '@irc/shared';
import type { KubeClient } from '../kube/client.js';
import { conditionsOf, forBrowser, NS, toIso, type KubeObjectLike } from '../kube/resources.js';
import { podStatusSummary } from '../pods/summarize.js';
import { eventsFor } from './events.js';
import {
  getObject,
  listEvents,
  listObjects,
  listPods,
  outcome,
  ownedBy,
  partOf,
  selectorOf,
} from './reads.js';

const REVISION = 'deployment.kubernetes.io/revision';

interface DeploymentSpec {
  replicas?: number;
  paused?: boolean;
  progressDeadlineSeconds?: number;
  strategy?: {
    type?: string;
    rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string };
  };
  template?: { spec?: { containers?: { image?: string }[] } };
}

interface ReplicaSetStatus {
  replicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
}

interface DeploymentStatus extends ReplicaSetStatus {
  updatedReplicas?: number;
  unavailableReplicas?: number;
}

export function conditionsFor(obj: KubeObjectLike): WorkloadCondition[] {
  return conditionsOf(obj).map((c) => {
    const lastUpdate = toIso((c as { lastUpdateTime?: string }).lastUpdateTime);
    const lastTransition = toIso(c.lastTransitionTime);
    return {
      type: c.type,
      status: c.status,
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.message ? { message: c.message } : {}),
      ...(lastTransition ? { lastTransitionTime: lastTransition } : {}),
      ...(lastUpdate ? { lastUpdateTime: lastUpdate } : {}),
    };
  });
}

const asText = (v: number | string | undefined) => (v === undefined ? undefined : String(v));

export function rolloutOf(d: KubeObjectLike): Rollout {
  const spec = (d.spec ?? {}) as DeploymentSpec;
  const status = (d.status ?? {}) as DeploymentStatus;
  const desired = spec.replicas ?? 1;
  const current = status.replicas ?? 0;
  const updated = status.updatedReplicas ?? 0;
  const available = status.availableReplicas ?? 0;
  const generation = typeof d.metadata?.generation === 'number' ? d.metadata.generation : undefined;
  const observed = status.observedGeneration;
  const progressing = conditionsOf(d).find((c) => c.type === 'Progressing');
  const caughtUp = generation === undefined || (observed ?? 0) >= generation;
  const state: Rollout['state'] =
    desired === 0 && current === 0
      ? 'scaledDown'
      : progressing?.status === 'False' && progressing.reason === 'ProgressDeadlineExceeded'
        ? 'stalled'
        : caughtUp && updated === desired && available === desired && current === desired
          ? 'complete'
          : 'progressing';
  const maxSurge = asText(spec.strategy?.rollingUpdate?.maxSurge);
  const maxUnavailable = asText(spec.strategy?.rollingUpdate?.maxUnavailable);
  return {
    desired,
    current,
    updated,
    ready: status.readyReplicas ?? 0,
    available,
    unavailable: status.unavailableReplicas ?? Math.max(0, current - available),
    ...(generation !== undefined ? { generation } : {}),
    ...(observed !== undefined ? { observedGeneration: observed } : {}),
    paused: spec.paused === true,
    strategy: spec.strategy?.type ?? 'RollingUpdate',
    ...(maxSurge ? { maxSurge } : {}),
    ...(maxUnavailable ? { maxUnavailable } : {}),
    ...(spec.progressDeadlineSeconds !== undefined
      ? { progressDeadlineSeconds: spec.progressDeadlineSeconds }
      : {}),
    state,
  };
}

/** Complete → ok; scaled to 0, stalled or without an available pod → failing; else progressing. */
export function deploymentHealth(r: Rollout): WorkloadHealth {
  if (r.state === 'complete') return 'ok';
  return r.state === 'scaledDown' || r.state === 'stalled' || r.available === 0 ? 'failing' : 'progressing';
}

function revisionOf(obj: KubeObjectLike): number | undefined {
  const r = Number(obj.metadata?.annotations?.[REVISION]);
  return Number.isInteger(r) && r > 0 ? r : undefined;
}

export function replicaSetSummary(rs: KubeObjectLike, deployment: KubeObjectLike): ReplicaSetSummary {
  const status = (rs.status ?? {}) as ReplicaSetStatus;
  const spec = (rs.spec ?? {}) as DeploymentSpec;
  const revision = revisionOf(rs);
  const created = toIso(rs.metadata?.creationTimestamp);
  const current = revisionOf(deployment);
  return {
    name: rs.metadata?.name ?? '',
    ...(revision !== undefined ? { revision } : {}),
    desired: spec.replicas ?? 0,
    current: status.replicas ?? 0,
    ready: status.readyReplicas ?? 0,
    available: status.availableReplicas ?? 0,
    ...(created ? { createdAt: created } : {}),
    isCurrent: revision !== undefined && revision === current,
    images: (spec.template?.spec?.containers ?? []).map((c) => c.image ?? '').filter(Boolean),
  };
}

export function roleOf(name: string): DeploymentView['role'] {
  return name === RegistryNames.operatorDeployment ? 'operator' : 'registry';
}

export async function deploymentView(client: KubeClient, name: string): Promise<DeploymentView> {
  const deployment = await getObject(client, Kinds.Deployment, name);
  const selector = selectorOf(deployment);
  const [replicaSets, pods, events] = await Promise.all([
    outcome(listObjects(client, Kinds.ReplicaSet, selector)),
    outcome(selector ? listPods(client, selector) : Promise.resolve([])),
    outcome(listEvents(client)),
  ]);
  const owned = replicaSets.ok ? replicaSets.value.filter((rs) => ownedBy(rs, deployment)) : [];
  // ReplicaSets are `<deployment>-<pod-template-hash>`, their pods `<replicaset>-<suffix>`: by
  // prefix, the events of pods (and ReplicaSets) already gone still count.
  const children = [`${name}-`];
  const now = Date.now();
  const rollout = rolloutOf(deployment);
  return {
    name,
    namespace: NS,
    role: roleOf(name),
    health: deploymentHealth(rollout),
    rollout,
    conditions: conditionsFor(deployment),
    replicaSets: partOf(replicaSets, () =>
      owned
        .map((rs) => replicaSetSummary(rs, deployment))
        .sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0)),
    ),
    pods: partOf(pods, (list) =>
      list.map((p) => podStatusSummary(p, now)).sort((a, b) => a.name.localeCompare(b.name)),
    ),
    events: partOf(events, (list) =>
      eventsFor(list, {
        names: { Deployment: [name] },
        prefixes: { ReplicaSet: children, Pod: children },
      }),
    ),
    object: forBrowser(deployment) as DeploymentView['object'],
  };
}
