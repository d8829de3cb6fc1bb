/**
 * Registry pods the scheduler cannot place, each through the Config field an admin would have
 * set (`oc patch configs.imageregistry…`): a nodeSelector no node matches, infra nodes whose taint
 * the registry does not tolerate, a CPU request no node can hold, anti-affinity with more
 * replicas than nodes, a spread constraint over a label no node carries. The operator rolls the
 * Deployment and the new pods stay Pending with the scheduler's own FailedScheduling message.
 */
import { R } from '../core/refs.js';
import {
  arr,
  clone,
  isTerminating,
  rec,
  selectorString,
  tryDelete,
  tryGet,
  type Json,
} from '../core/objects.js';
import type { KubeObject } from '../core/types.js';
import { NS, REGISTRY_LABELS } from '../operator/defaults.js';
import { memo, patchConfigFields, restoreConfigFields } from './memo.js';
import type { Scenario, ScenarioEnv } from './types.js';

const INFRA = 'node-role.kubernetes.io/infra';
const isWorker = (n: KubeObject) => 'node-role.kubernetes.io/worker' in (n.metadata.labels ?? {});

/** Makes the first worker an infra node (label + NoSchedule taint), remembering it as it was. */
function makeInfraNode(env: ScenarioEnv, scenario: string): void {
  const worker = env.api.list(R.nodes, undefined).items.find(isWorker);
  if (!worker?.metadata.name) return;
  memo(env).set(`${scenario}:node`, {
    name: worker.metadata.name,
    taints: clone(arr(worker, 'spec', 'taints')),
  });
  env.api.patch(R.nodes, undefined, worker.metadata.name, 'merge', {
    metadata: { labels: { [INFRA]: '' } },
    spec: { taints: [...arr(worker, 'spec', 'taints'), { key: INFRA, effect: 'NoSchedule' }] },
  });
}

function restoreInfraNode(env: ScenarioEnv, scenario: string): void {
  const saved = memo(env).get(`${scenario}:node`) as { name: string; taints: Json[] } | undefined;
  memo(env).delete(`${scenario}:node`);
  if (!saved) return;
  env.api.patch(R.nodes, undefined, saved.name, 'merge', {
    metadata: { labels: { [INFRA]: null } },
    spec: { taints: saved.taints.length ? saved.taints : null },
  });
}

/**
 * Every worker cordoned (`oc adm cordon`, what a drain starts with), and one registry pod gone
 * as the drain of its node evicts it: the replacement finds no node that accepts new pods.
 */
const cordonedWorkers: Scenario = {
  name: 'registry-nodes-cordoned',
  description:
    'Every worker is cordoned for maintenance (`oc adm cordon`, spec.unschedulable: true) and a drain evicts one registry pod: its replacement stays Pending, "3 node(s) were unschedulable"; the other registry pod keeps serving.',
  activate(env) {
    const cordoned: string[] = [];
    for (const n of env.api.list(R.nodes, undefined).items.filter(isWorker)) {
      if (rec(n, 'spec').unschedulable === true) continue;
      cordoned.push(n.metadata.name ?? '');
      env.api.patch(R.nodes, undefined, n.metadata.name ?? '', 'merge', { spec: { unschedulable: true } });
    }
    memo(env).set(`${this.name}:nodes`, cordoned);
    const pod = env.api
      .list(R.pods, NS, { labelSelector: selectorString(REGISTRY_LABELS) })
      .items.find((p) => !isTerminating(p));
    if (pod) tryDelete(env.api, R.pods, NS, pod.metadata.name ?? '');
  },
  clear(env) {
    const cordoned = (memo(env).get(`${this.name}:nodes`) as string[] | undefined) ?? [];
    memo(env).delete(`${this.name}:nodes`);
    for (const name of cordoned)
      if (tryGet(env.api, R.nodes, undefined, name))
        env.api.patch(R.nodes, undefined, name, 'merge', { spec: { unschedulable: null } });
  },
};

function configScenario(name: string, description: string, fields: Record<string, unknown>): Scenario {
  return {
    name,
    description,
    activate: (env) => patchConfigFields(env, name, fields),
    clear: (env) => restoreConfigFields(env, name),
  };
}

export const SCHEDULING_SCENARIOS: Scenario[] = [
  cordonedWorkers,
  configScenario(
    'registry-unschedulable',
    'spec.nodeSelector asks for infra nodes the cluster does not have: new registry pods stay Pending (FailedScheduling).',
    { nodeSelector: { [INFRA]: '' } },
  ),
  {
    name: 'registry-untolerated-taint',
    description:
      'One worker becomes an infra node (label and NoSchedule taint) and spec.nodeSelector picks it, without a toleration: "had untolerated taint {node-role.kubernetes.io/infra: }".',
    activate(env) {
      makeInfraNode(env, this.name);
      patchConfigFields(env, this.name, { nodeSelector: { [INFRA]: '' } });
    },
    clear(env) {
      restoreConfigFields(env, this.name);
      restoreInfraNode(env, this.name);
    },
  },
  configScenario(
    'registry-node-affinity',
    'spec.affinity requires nodes with the node-role.kubernetes.io/infra label (requiredDuringScheduling nodeAffinity), which no node has: "didn\'t match Pod\'s node affinity/selector".',
    {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: INFRA, operator: 'Exists' }] }],
          },
        },
      },
    },
  ),
  configScenario(
    'registry-insufficient-cpu',
    'spec.resources requests 16 CPUs for the registry container; no node has that much allocatable: "Insufficient cpu".',
    { resources: { requests: { cpu: '16', memory: '256Mi' } } },
  ),
  configScenario(
    'registry-anti-affinity',
    'spec.affinity keeps registry pods on different nodes and spec.replicas asks for 4 on 3 workers: "didn\'t match pod anti-affinity rules".',
    {
      replicas: 4,
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { labelSelector: { matchLabels: REGISTRY_LABELS }, topologyKey: 'kubernetes.io/hostname' },
          ],
        },
      },
    },
  ),
  configScenario(
    'registry-topology-spread',
    'spec.topologySpreadConstraints spreads over topology.kubernetes.io/rack, a label no node carries: "didn\'t match pod topology spread constraints".',
    {
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: 'topology.kubernetes.io/rack',
          whenUnsatisfiable: 'DoNotSchedule',
          labelSelector: { matchLabels: REGISTRY_LABELS },
        },
      ],
    },
  ),
];
