import type { ControllerContext, KubeObject } from '../core/types.js';
import { EventRecorder } from './events.js';
import { R } from '../core/refs.js';
import { runController } from './controller-loop.js';
import { watchResource } from './watch.js';
import {
  clone,
  controllerOf,
  isAlreadyExists,
  isNotFound,
  isOwnedBy,
  isTerminating,
  num,
  ownerRef,
  rec,
  stableStringify,
  str,
  tryDelete,
  tryGet,
} from '../core/objects.js';
import { podTemplateHash } from '../core/names.js';
import {
  REVISION,
  maxUnavailable,
  revisionOf,
  rollingParams,
  specReplicas,
  statusOf,
} from './rollout-math.js';
import { deploymentConditions } from './deployment-status.js';

const HASH_LABEL = 'pod-template-hash';

/** The template without the controller's own hash label: what "same template" means. */
function templateKey(template: unknown): string {
  const t = clone(rec(template));
  const labels = rec(t, 'metadata', 'labels');
  delete labels[HASH_LABEL];
  return stableStringify(t);
}

/**
 * Deployment controller: one ReplicaSet per pod template (`<deploy>-<pod-template-hash>`),
 * RollingUpdate within maxSurge/maxUnavailable or Recreate (old pods gone before new ones start),
 * revision annotations, history cleanup, and status with the Available/Progressing conditions
 * (NewReplicaSetCreated, ReplicaSetUpdated, NewReplicaSetAvailable, ProgressDeadlineExceeded).
 */
export function startDeploymentController(ctx: ControllerContext): () => void {
  const api = ctx.api();
  const events = new EventRecorder(api, ctx.clock);
  const source = { component: 'deployment-controller' };

  const scale = (d: KubeObject, rs: KubeObject, to: number): KubeObject => {
    const from = specReplicas(rs);
    if (from === to) return rs;
    const annotations = {
      'deployment.kubernetes.io/desired-replicas': String(specReplicas(d)),
      'deployment.kubernetes.io/max-replicas': String(specReplicas(d) + rollingParams(d).maxSurge),
    };
    const updated = api.patch(R.replicaSets, rs.metadata.namespace, rs.metadata.name ?? '', 'merge', {
      metadata: { annotations },
      spec: { replicas: to },
    }).object;
    events.record(
      source,
      d,
      'Normal',
      'ScalingReplicaSet',
      `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} to ${to}`,
    );
    return updated;
  };

  const createNewRS = (d: KubeObject, revision: number, replicas: number): KubeObject => {
    const template = clone(rec(d, 'spec', 'template'));
    let collision = num(rec(d, 'status').collisionCount) ?? 0;
    for (;;) {
      const hash = podTemplateHash(JSON.parse(templateKey(template)), collision);
      const meta = rec(template, 'metadata');
      meta.labels = { ...rec(meta, 'labels'), [HASH_LABEL]: hash };
      const selector = clone(rec(d, 'spec', 'selector'));
      selector.matchLabels = { ...rec(selector, 'matchLabels'), [HASH_LABEL]: hash };
      const rs: KubeObject = {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: `${d.metadata.name}-${hash}`,
          namespace: d.metadata.namespace,
          labels: { ...rec(meta, 'labels') } as Record<string, string>,
          annotations: {
            'deployment.kubernetes.io/desired-replicas': String(specReplicas(d)),
            'deployment.kubernetes.io/max-replicas': String(specReplicas(d) + rollingParams(d).maxSurge),
            [REVISION]: String(revision),
          },
          ownerReferences: [ownerRef(d)],
        },
        spec: { replicas, minReadySeconds: num(rec(d, 'spec').minReadySeconds) ?? 0, selector, template },
      };
      try {
        const created = api.create(R.replicaSets, d.metadata.namespace, rs).object;
        if (replicas > 0)
          events.record(
            source,
            d,
            'Normal',
            'ScalingReplicaSet',
            `Scaled up replica set ${created.metadata.name} to ${replicas}`,
          );
        return created;
      } catch (e) {
        if (!isAlreadyExists(e)) throw e;
        const existing = tryGet(api, R.replicaSets, d.metadata.namespace, rs.metadata.name ?? '');
        if (
          existing &&
          isOwnedBy(existing, d) &&
          templateKey(existing.spec && rec(existing, 'spec', 'template')) === templateKey(template)
        )
          return existing;
        collision++; // a different template hashed to the same name: kube bumps collisionCount
        api.patch(
          R.deployments,
          d.metadata.namespace,
          d.metadata.name ?? '',
          'merge',
          { status: { collisionCount: collision } },
          { subresource: 'status' },
        );
      }
    }
  };

  const sync = (key: string): { requeueAfterMs?: number } | void => {
    const [ns, name] = key.split('/') as [string, string];
    let d = tryGet(api, R.deployments, ns, name);
    if (!d || isTerminating(d)) return;
    const all = api
      .list(R.replicaSets, ns)
      .items.filter((rs) => isOwnedBy(rs, d as KubeObject) && !isTerminating(rs));
    const tkey = templateKey(rec(d, 'spec', 'template'));
    let newRS = all.find((rs) => templateKey(rec(rs, 'spec', 'template')) === tkey);
    const olds = all.filter((rs) => rs !== newRS);
    const maxRev = Math.max(0, ...all.map(revisionOf));
    const replicas = specReplicas(d);
    const recreate = str(rec(d, 'spec', 'strategy').type) === 'Recreate';
    let created = false;

    if (rec(d, 'spec').paused !== true) {
      if (recreate) {
        for (const rs of olds) if (specReplicas(rs) > 0) scale(d, rs, 0);
        const oldPods = api.list(R.pods, ns).items.filter((p) => olds.some((rs) => isOwnedBy(p, rs)));
        if (oldPods.length === 0) {
          if (!newRS) {
            newRS = createNewRS(d, maxRev + 1, replicas);
            created = true;
          } else newRS = scale(d, newRS, replicas);
        }
      } else {
        const { maxSurge } = rollingParams(d);
        const current = all.reduce((n, rs) => n + specReplicas(rs), 0);
        if (!newRS) {
          const room =
            olds.length === 0 ? replicas : Math.max(0, Math.min(replicas + maxSurge - current, replicas));
          newRS = createNewRS(d, maxRev + 1, room);
          created = true;
        } else if (specReplicas(newRS) > replicas) newRS = scale(d, newRS, replicas);
        else if (specReplicas(newRS) < replicas) {
          const room = olds.every((rs) => specReplicas(rs) === 0)
            ? replicas - specReplicas(newRS)
            : replicas + maxSurge - current;
          if (room > 0)
            newRS = scale(d, newRS, specReplicas(newRS) + Math.min(room, replicas - specReplicas(newRS)));
        }
        scaleDownOld(d, newRS, olds);
      }
      if (newRS && revisionOf(newRS) < maxRev) {
        newRS = api.patch(R.replicaSets, ns, newRS.metadata.name ?? '', 'merge', {
          metadata: { annotations: { [REVISION]: String(maxRev + 1) } },
        }).object;
      }
      cleanupHistory(d, olds);
    }
    if (newRS && d.metadata.annotations?.[REVISION] !== String(revisionOf(newRS))) {
      d = api.patch(R.deployments, ns, name, 'merge', {
        metadata: { annotations: { [REVISION]: String(revisionOf(newRS)) } },
      }).object;
    }
    return writeStatus(
      d,
      newRS,
      api.list(R.replicaSets, ns).items.filter((rs) => isOwnedBy(rs, d as KubeObject) && !isTerminating(rs)),
      created,
    );
  };

  /** Rolling update, old side: unhealthy replicas first, then down to minAvailable. */
  const scaleDownOld = (d: KubeObject, newRS: KubeObject, olds: KubeObject[]): void => {
    const replicas = specReplicas(d);
    const minAvailable = replicas - maxUnavailable(d);
    const active = olds
      .filter((rs) => specReplicas(rs) > 0)
      .sort((a, b) =>
        String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)),
      );
    if (active.length === 0) return;
    const allPods = [newRS, ...olds].reduce((n, rs) => n + specReplicas(rs), 0);
    const newUnavailable = specReplicas(newRS) - statusOf(newRS, 'availableReplicas');
    let maxScaledDown = allPods - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return;
    // 1. old replicas that are not available anyway can go without reducing availability
    for (const rs of active) {
      if (maxScaledDown <= 0) break;
      const unhealthy = specReplicas(rs) - statusOf(rs, 'availableReplicas');
      if (unhealthy <= 0) continue;
      const by = Math.min(unhealthy, maxScaledDown);
      scale(d, rs, specReplicas(rs) - by);
      rs.spec = { ...rec(rs, 'spec'), replicas: specReplicas(rs) - by };
      maxScaledDown -= by;
    }
    // 2. then healthy ones, as long as total availability stays ≥ minAvailable
    const available = [newRS, ...olds].reduce((n, rs) => n + statusOf(rs, 'availableReplicas'), 0);
    let total = available - minAvailable;
    for (const rs of active) {
      if (total <= 0) break;
      const cur = specReplicas(rs);
      if (cur === 0) continue;
      const by = Math.min(cur, total);
      scale(d, rs, cur - by);
      total -= by;
    }
  };

  const cleanupHistory = (d: KubeObject, olds: KubeObject[]): void => {
    const limit = num(rec(d, 'spec').revisionHistoryLimit) ?? 10;
    const dead = olds
      .filter((rs) => specReplicas(rs) === 0 && statusOf(rs, 'replicas') === 0)
      .sort((a, b) => revisionOf(a) - revisionOf(b));
    for (const rs of dead.slice(0, Math.max(0, dead.length - limit)))
      tryDelete(api, R.replicaSets, rs.metadata.namespace, rs.metadata.name ?? '');
  };

  const writeStatus = (
    d: KubeObject,
    newRS: KubeObject | undefined,
    rss: KubeObject[],
    created: boolean,
  ): { requeueAfterMs?: number } | void => {
    const sum = (f: string) => rss.reduce((n, rs) => n + statusOf(rs, f), 0);
    const replicas = specReplicas(d);
    const prev = rec(d, 'status');
    const status: Record<string, unknown> = {
      observedGeneration: d.metadata.generation ?? 1,
      replicas: sum('replicas'),
      updatedReplicas: newRS ? statusOf(newRS, 'replicas') : 0,
      readyReplicas: sum('readyReplicas'),
      availableReplicas: sum('availableReplicas'),
      unavailableReplicas: Math.max(0, replicas - sum('availableReplicas')),
    };
    const now = ctx.clock.now();
    const { conditions, requeueAfterMs } = deploymentConditions({
      deployment: d,
      newRSName: newRS?.metadata.name,
      newRSCreated: created,
      status,
      prevStatus: prev,
      now,
      minAvailable: replicas - maxUnavailable(d),
      scale: ctx.clock.scale,
    });
    status.conditions = conditions;
    if (prev.collisionCount !== undefined) status.collisionCount = prev.collisionCount;
    for (const k of ['readyReplicas', 'availableReplicas', 'unavailableReplicas', 'updatedReplicas'])
      if (status[k] === 0) status[k] = undefined;
    if (stableStringify(status) !== stableStringify(prev)) {
      const patch = { ...status };
      for (const k of Object.keys(prev)) if (!(k in patch) || patch[k] === undefined) patch[k] = null;
      try {
        api.patch(
          R.deployments,
          d.metadata.namespace,
          d.metadata.name ?? '',
          'merge',
          { status: patch },
          { subresource: 'status' },
        );
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
    return requeueAfterMs !== undefined ? { requeueAfterMs } : undefined;
  };

  return runController(api, ctx.clock, {
    resource: R.deployments,
    kind: 'Deployment',
    owned: [R.replicaSets],
    sync,
    latencyMs: 20,
    more: ({ enqueueOwner }) => [
      watchResource(api, R.pods, undefined, (type, pod) => {
        // Recreate waits for old pods to be gone: a pod deletion may unblock its deployment
        const owner = controllerOf(pod);
        if (type !== 'DELETED' || owner?.kind !== 'ReplicaSet') return;
        queueMicrotask(() => {
          try {
            const rs = tryGet(api, R.replicaSets, pod.metadata.namespace, owner.name);
            if (rs) enqueueOwner(rs);
          } catch (e) {
            if (!isNotFound(e)) throw e;
          }
        });
      }),
    ],
  });
}
