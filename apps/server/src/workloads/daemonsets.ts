/**
 * The node-ca DaemonSet: desired / ready / updated counts, and per node whether its daemon pod
 * runs, is ready and runs the current template (`pod-template-generation`, as the DaemonSet
 * controller labels its pods).
 */
import { Kinds } from '@irc/shared';
import type { DaemonSetNode, DaemonSetView, WorkloadHealth } from '@irc/shared';
import type { V1Node, V1Pod } from '@kubernetes/client-node';
import type { KubeClient } from '../kube/client.js';
import { forBrowser, NS, type KubeObjectLike } from '../kube/resources.js';
import { podStatusSummary } from '../pods/summarize.js';
import { conditionsFor } from './deployments.js';
import { eventsFor } from './events.js';
import { getObject, listEvents, listNodes, listPods, outcome, partOf, selectorOf } from './reads.js';

export interface DaemonSetStatus {
  desiredNumberScheduled?: number;
  currentNumberScheduled?: number;
  numberReady?: number;
  updatedNumberScheduled?: number;
  numberAvailable?: number;
  numberMisscheduled?: number;
  observedGeneration?: number;
}

/** Every desired node runs a ready, updated pod → ok; none ready (or no node at all) → failing. */
export function daemonSetHealth(s: DaemonSetStatus): { health: WorkloadHealth; complete: boolean } {
  const desired = s.desiredNumberScheduled ?? 0;
  const ready = s.numberReady ?? 0;
  const complete = desired > 0 && ready === desired && (s.updatedNumberScheduled ?? 0) === desired;
  return { health: complete ? 'ok' : desired === 0 || ready === 0 ? 'failing' : 'progressing', complete };
}

/** The nodes the DaemonSet's nodeSelector admits (node-ca tolerates every taint). */
function eligible(ds: KubeObjectLike, node: V1Node): boolean {
  const selector =
    (ds.spec as { template?: { spec?: { nodeSelector?: Record<string, string> } } } | undefined)?.template
      ?.spec?.nodeSelector ?? {};
  const labels = node.metadata?.labels ?? {};
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

function nodeReady(node: V1Node): boolean {
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function nodeRows(
  ds: KubeObjectLike,
  pods: readonly V1Pod[],
  nodes: readonly V1Node[] | undefined,
  now = Date.now(),
): DaemonSetNode[] {
  const generation = String(ds.metadata?.generation ?? '');
  const live = pods.filter((p) => !p.metadata?.deletionTimestamp);
  const podOn = new Map(live.filter((p) => p.spec?.nodeName).map((p) => [p.spec?.nodeName ?? '', p]));
  const names = new Set<string>(podOn.keys());
  const readiness = new Map<string, boolean>();
  for (const node of nodes ?? []) {
    const name = node.metadata?.name ?? '';
    readiness.set(name, nodeReady(node));
    if (eligible(ds, node)) names.add(name);
  }
  return [...names].sort().map((name) => {
    const pod = podOn.get(name);
    return {
      node: name,
      ...(readiness.has(name) ? { nodeReady: readiness.get(name) } : {}),
      ...(pod ? { pod: podStatusSummary(pod, now) } : {}),
      updated: !!pod && pod.metadata?.labels?.['pod-template-generation'] === generation,
    };
  });
}

export async function daemonSetView(client: KubeClient, name: string): Promise<DaemonSetView> {
  const ds = await getObject(client, Kinds.DaemonSet, name);
  const selector = selectorOf(ds);
  const [pods, nodes, events] = await Promise.all([
    outcome(selector ? listPods(client, selector) : Promise.resolve([])),
    outcome(listNodes(client)),
    outcome(listEvents(client)),
  ]);
  const status = (ds.status ?? {}) as DaemonSetStatus;
  const generation = typeof ds.metadata?.generation === 'number' ? ds.metadata.generation : undefined;
  // Without nodes the rows still show every daemon pod; without pods there is nothing to show.
  const rows = pods.ok ? nodeRows(ds, pods.value, nodes.ok ? nodes.value : undefined) : [];
  const error = !pods.ok ? pods.error : !nodes.ok ? nodes.error : undefined;
  return {
    name,
    namespace: NS,
    health: daemonSetHealth(status).health,
    status: {
      desired: status.desiredNumberScheduled ?? 0,
      current: status.currentNumberScheduled ?? 0,
      ready: status.numberReady ?? 0,
      updated: status.updatedNumberScheduled ?? 0,
      available: status.numberAvailable ?? 0,
      misscheduled: status.numberMisscheduled ?? 0,
      ...(generation !== undefined ? { generation } : {}),
      ...(status.observedGeneration !== undefined ? { observedGeneration: status.observedGeneration } : {}),
    },
    conditions: conditionsFor(ds),
    nodes: { items: rows, ...(error ? { error } : {}) },
    events: partOf(events, (list) =>
      eventsFor(list, { names: { DaemonSet: [name] }, prefixes: { Pod: [`${name}-`] } }),
    ),
    object: forBrowser(ds) as DaemonSetView['object'],
  };
}
