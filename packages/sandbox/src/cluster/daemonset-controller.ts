import type { ControllerContext, KubeObject } from '../core/types.js';
import { EventRecorder } from './events.js';
import { R } from '../core/refs.js';
import { runController } from './controller-loop.js';
import { watchResource } from './watch.js';
import {
  arr,
  clone,
  isNotFound,
  isOwnedBy,
  isTerminating,
  num,
  ownerRef,
  rec,
  stableStringify,
  tryDelete,
  tryGet,
  type Json,
} from '../core/objects.js';
import { podTemplateHash, randomSuffix } from '../core/names.js';
import { nodeAccepts } from './scheduling.js';
import { isPodAvailable, isPodReady } from './pod-readiness.js';

const REVISION_LABEL = 'controller-revision-hash';

/**
 * DaemonSet controller: one pod per eligible node (node selector + taints), replaced one at a
 * time (maxUnavailable 1) when the template changes, with the DaemonSet status counters.
 */
export function startDaemonSetController(ctx: ControllerContext): () => void {
  const api = ctx.api();
  const events = new EventRecorder(api, ctx.clock);
  const source = { component: 'daemonset-controller' };

  const sync = (key: string): void => {
    const [ns, name] = key.split('/') as [string, string];
    const ds = tryGet(api, R.daemonSets, ns, name);
    if (!ds || isTerminating(ds)) return;
    const template = rec(ds, 'spec', 'template');
    const hash = podTemplateHash(template);
    const probe: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: rec(template, 'spec') };
    const nodes = api.list(R.nodes, undefined).items.filter((n) => nodeAccepts(probe, n));
    const pods = api.list(R.pods, ns).items.filter((p) => isOwnedBy(p, ds));
    const live = pods.filter((p) => !isTerminating(p));
    const minReady = num(rec(ds, 'spec').minReadySeconds) ?? 0;
    const nowMs = ctx.clock.now().getTime();

    for (const node of nodes) {
      const nodeName = node.metadata.name ?? '';
      const onNode = pods.filter((p) => rec(p, 'spec').nodeName === nodeName);
      if (onNode.length === 0) createPod(ds, hash, nodeName);
    }
    // rolling update: replace one outdated pod at a time, only when all others are available
    const unavailable = live.filter((p) => !isPodAvailable(p, minReady, nowMs, ctx.clock.scale)).length;
    const outdated = live.filter((p) => p.metadata.labels?.[REVISION_LABEL] !== hash);
    const first = outdated[0];
    if (first && unavailable === 0 && pods.length === live.length) {
      if (tryDelete(api, R.pods, ns, first.metadata.name ?? ''))
        events.record(source, ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${first.metadata.name}`);
    }
    // pods on nodes that are gone or no longer eligible
    for (const p of live) {
      if (!nodes.some((n) => n.metadata.name === rec(p, 'spec').nodeName))
        tryDelete(api, R.pods, ns, p.metadata.name ?? '');
    }

    const current = api.list(R.pods, ns).items.filter((p) => isOwnedBy(p, ds) && !isTerminating(p));
    const available = current.filter((p) => isPodAvailable(p, minReady, nowMs, ctx.clock.scale)).length;
    const status: Record<string, unknown> = {
      currentNumberScheduled: current.length,
      desiredNumberScheduled: nodes.length,
      numberMisscheduled: 0,
      numberReady: current.filter(isPodReady).length,
      numberAvailable: available,
      updatedNumberScheduled: current.filter((p) => p.metadata.labels?.[REVISION_LABEL] === hash).length,
      observedGeneration: ds.metadata.generation ?? 1,
      numberUnavailable: nodes.length - available > 0 ? nodes.length - available : null,
    };
    if (stableStringify({ ...rec(ds, 'status'), ...status }) !== stableStringify(rec(ds, 'status'))) {
      try {
        api.patch(R.daemonSets, ns, name, 'merge', { status }, { subresource: 'status' });
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
  };

  const createPod = (ds: KubeObject, hash: string, nodeName: string): void => {
    const template = clone(rec(ds, 'spec', 'template'));
    const podSpec = rec(template, 'spec');
    const meta = rec(template, 'metadata');
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        ...meta,
        name: `${ds.metadata.name}-${randomSuffix()}`,
        generateName: `${ds.metadata.name}-`,
        namespace: ds.metadata.namespace,
        labels: {
          ...(rec(meta, 'labels') as Record<string, string>),
          [REVISION_LABEL]: hash,
          'pod-template-generation': String(ds.metadata.generation ?? 1),
        },
        ownerReferences: [ownerRef(ds)],
      },
      spec: { ...podSpec, nodeName, tolerations: daemonPodTolerations(podSpec) },
    };
    const created = api.create(R.pods, ds.metadata.namespace, pod).object;
    events.record(source, ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
  };

  return runController(api, ctx.clock, {
    resource: R.daemonSets,
    kind: 'DaemonSet',
    owned: [R.pods],
    sync,
    latencyMs: 20,
    // a node added, changed or gone may want a daemon pod, or no longer: every DaemonSet looks again
    more: ({ enqueueAll }) => [watchResource(api, R.nodes, undefined, () => queueMicrotask(enqueueAll))],
  });
}

/**
 * The tolerations the DaemonSet controller gives every daemon pod (AddOrUpdateDaemonPodTolerations):
 * a daemon stays on its node through NotReady/unreachable (no tolerationSeconds: never evicted)
 * and pressure, and lands on cordoned nodes.
 */
function daemonPodTolerations(podSpec: Json): Json[] {
  const own = arr(podSpec, 'tolerations');
  const added: Array<[string, string]> = [
    ['node.kubernetes.io/not-ready', 'NoExecute'],
    ['node.kubernetes.io/unreachable', 'NoExecute'],
    ['node.kubernetes.io/disk-pressure', 'NoSchedule'],
    ['node.kubernetes.io/memory-pressure', 'NoSchedule'],
    ['node.kubernetes.io/pid-pressure', 'NoSchedule'],
    ['node.kubernetes.io/unschedulable', 'NoSchedule'],
  ];
  if (podSpec.hostNetwork === true) added.push(['node.kubernetes.io/network-unavailable', 'NoSchedule']);
  const missing = added
    .filter(([key, effect]) => !own.some((t) => t.key === key && t.effect === effect))
    .map(([key, effect]) => ({ key, operator: 'Exists', effect }));
  return [...own, ...missing];
}
