import type { ControllerContext, KubeObject } from '../core/types.js';
import { EventRecorder } from './events.js';
import { R } from '../core/refs.js';
import { runController } from './controller-loop.js';
import {
  clone,
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
import { isPodAvailable, isPodReady } from './pod-readiness.js';

const REVISION_LABEL = 'controller-revision-hash';
const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

const ordinalOf = (sts: KubeObject, pod: KubeObject): number => {
  const m = new RegExp(`^${sts.metadata.name ?? ''}-(\\d+)$`).exec(pod.metadata.name ?? '');
  return m ? Number(m[1]) : -1;
};

/**
 * StatefulSet controller: pods `<name>-<ordinal>` with stable names, created in order (each
 * once the lower ones are Running and Ready, unless podManagementPolicy is Parallel), removed
 * from the highest ordinal down, and replaced highest-first on a template change (RollingUpdate
 * above the partition; OnDelete waits for the user). Status counts pods per revision.
 */
export function startStatefulSetController(ctx: ControllerContext): () => void {
  const api = ctx.api();
  const events = new EventRecorder(api, ctx.clock);
  const source = { component: 'statefulset-controller' };

  const sync = (key: string): void => {
    const [ns, name] = key.split('/') as [string, string];
    const sts = tryGet(api, R.statefulSets, ns, name);
    if (!sts || isTerminating(sts)) return;
    const spec = rec(sts, 'spec');
    const replicas = num(spec.replicas) ?? 1;
    const parallel = spec.podManagementPolicy === 'Parallel';
    const updateRevision = `${name}-${podTemplateHash(rec(spec, 'template'))}`;
    const minReady = num(spec.minReadySeconds) ?? 0;
    const nowMs = ctx.clock.now().getTime();
    const pods = api.list(R.pods, ns).items.filter((p) => isOwnedBy(p, sts) && ordinalOf(sts, p) >= 0);
    const byOrdinal = new Map(pods.map((p) => [ordinalOf(sts, p), p]));
    const healthy = (p: KubeObject | undefined): boolean =>
      !!p && !isTerminating(p) && rec(p, 'status').phase === 'Running' && isPodReady(p);

    if (!pods.some(isTerminating)) {
      let acted = false;
      for (let i = 0; i < replicas && !acted; i++) {
        if (byOrdinal.has(i)) {
          if (!parallel && !healthy(byOrdinal.get(i))) break;
          continue;
        }
        createPod(sts, i, updateRevision);
        acted = !parallel;
      }
      const extra = pods
        .filter((p) => ordinalOf(sts, p) >= replicas)
        .sort((a, b) => ordinalOf(sts, b) - ordinalOf(sts, a));
      const allHealthy = pods.every(healthy);
      if (!acted && extra[0] && (parallel || allHealthy)) deletePod(sts, extra[0]);
      else if (!acted && extra.length === 0 && allHealthy && pods.length === replicas)
        rollOne(sts, pods, updateRevision);
    }
    writeStatus(sts, updateRevision, minReady, nowMs);
  };

  /** RollingUpdate: the highest-ordinal pod at or above the partition that runs an old revision. */
  const rollOne = (sts: KubeObject, pods: KubeObject[], updateRevision: string): void => {
    const strategy = rec(sts, 'spec', 'updateStrategy');
    if (strategy.type === 'OnDelete') return;
    const partition = num(rec(strategy, 'rollingUpdate').partition) ?? 0;
    const outdated = pods
      .filter((p) => ordinalOf(sts, p) >= partition && p.metadata.labels?.[REVISION_LABEL] !== updateRevision)
      .sort((a, b) => ordinalOf(sts, b) - ordinalOf(sts, a));
    if (outdated[0]) deletePod(sts, outdated[0]);
  };

  const deletePod = (sts: KubeObject, pod: KubeObject): void => {
    if (tryDelete(api, R.pods, sts.metadata.namespace, pod.metadata.name ?? ''))
      events.record(
        source,
        sts,
        'Normal',
        'SuccessfulDelete',
        `delete Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} successful`,
      );
  };

  const createPod = (sts: KubeObject, ordinal: number, revision: string): void => {
    const template = clone(rec(sts, 'spec', 'template'));
    const meta = rec(template, 'metadata');
    const podName = `${sts.metadata.name}-${ordinal}`;
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        ...meta,
        name: podName,
        namespace: sts.metadata.namespace,
        labels: {
          ...(rec(meta, 'labels') as Record<string, string>),
          [REVISION_LABEL]: revision,
          [POD_NAME_LABEL]: podName,
          [POD_INDEX_LABEL]: String(ordinal),
        },
        ownerReferences: [ownerRef(sts)],
      },
      spec: {
        ...rec(template, 'spec'),
        hostname: podName,
        ...(str(rec(sts, 'spec').serviceName) ? { subdomain: rec(sts, 'spec').serviceName } : {}),
      },
    };
    api.create(R.pods, sts.metadata.namespace, pod);
    events.record(
      source,
      sts,
      'Normal',
      'SuccessfulCreate',
      `create Pod ${podName} in StatefulSet ${sts.metadata.name} successful`,
    );
  };

  const writeStatus = (sts: KubeObject, updateRevision: string, minReady: number, nowMs: number): void => {
    const live = api
      .list(R.pods, sts.metadata.namespace)
      .items.filter((p) => isOwnedBy(p, sts) && !isTerminating(p));
    const updated = live.filter((p) => p.metadata.labels?.[REVISION_LABEL] === updateRevision).length;
    const replicas = num(rec(sts, 'spec').replicas) ?? 1;
    const previous = str(rec(sts, 'status').currentRevision);
    // the current revision catches up once every pod runs the update revision
    const currentRevision =
      updated === live.length && live.length === replicas ? updateRevision : (previous ?? updateRevision);
    const status: Record<string, unknown> = {
      observedGeneration: sts.metadata.generation ?? 1,
      replicas: live.length,
      readyReplicas: live.filter(isPodReady).length,
      currentReplicas: live.filter((p) => p.metadata.labels?.[REVISION_LABEL] === currentRevision).length,
      updatedReplicas: updated,
      availableReplicas: live.filter((p) => isPodAvailable(p, minReady, nowMs, ctx.clock.scale)).length,
      currentRevision,
      updateRevision,
      collisionCount: 0,
    };
    if (stableStringify({ ...rec(sts, 'status'), ...status }) === stableStringify(rec(sts, 'status'))) return;
    try {
      api.patch(
        R.statefulSets,
        sts.metadata.namespace,
        sts.metadata.name ?? '',
        'merge',
        { status },
        { subresource: 'status' },
      );
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  };

  return runController(api, ctx.clock, {
    resource: R.statefulSets,
    kind: 'StatefulSet',
    owned: [R.pods],
    sync,
    latencyMs: 20,
  });
}
