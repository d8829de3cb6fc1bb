/**
 * Reads behind the workload views, AS THE CALLER. Workload objects are read as plain JSON through
 * the custom-objects API (URL templating over /apis/{group}/{version}: it serves apps and batch as
 * well as OpenShift kinds), so the YAML tab shows the object as the API server stored it;
 * pods, events and nodes through the typed core API, whose shapes the summaries use.
 */
import type { CoreV1Event, V1Node, V1Pod } from '@kubernetes/client-node';
import type { KubeKind, PartError } from '@irc/shared';
import type { KubeClient } from '../kube/client.js';
import { KubeError, toKubeError } from '../kube/errors.js';
import { NS, type KubeObjectLike } from '../kube/resources.js';

/** One object of the registry namespace; a failure (403, 404 …) is thrown as a KubeError. */
export async function getObject(client: KubeClient, kind: KubeKind, name: string): Promise<KubeObjectLike> {
  try {
    return (await client.custom.getNamespacedCustomObject(
      { ...kind.coordinates, namespace: NS, name },
      client.opts(),
    )) as KubeObjectLike;
  } catch (err) {
    throw toKubeError(err);
  }
}

export async function listObjects(
  client: KubeClient,
  kind: KubeKind,
  labelSelector?: string,
): Promise<KubeObjectLike[]> {
  try {
    const list = (await client.custom.listNamespacedCustomObject(
      { ...kind.coordinates, namespace: NS, ...(labelSelector ? { labelSelector } : {}) },
      client.opts(),
    )) as { items?: KubeObjectLike[] };
    return list.items ?? [];
  } catch (err) {
    throw toKubeError(err);
  }
}

export async function listPods(client: KubeClient, labelSelector: string): Promise<V1Pod[]> {
  try {
    return (await client.core.listNamespacedPod({ namespace: NS, labelSelector }, client.opts())).items;
  } catch (err) {
    throw toKubeError(err);
  }
}

export async function listEvents(client: KubeClient): Promise<CoreV1Event[]> {
  try {
    return (await client.core.listNamespacedEvent({ namespace: NS }, client.opts())).items;
  } catch (err) {
    throw toKubeError(err);
  }
}

export async function listNodes(client: KubeClient): Promise<V1Node[]> {
  try {
    return (await client.core.listNode({}, client.opts())).items;
  } catch (err) {
    throw toKubeError(err);
  }
}

/** A read whose failure the view reports instead of failing as a whole. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: PartError };

export async function outcome<T>(p: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await p };
  } catch (err) {
    const e = toKubeError(err);
    return { ok: false, error: { statusCode: e.statusCode, reason: e.reason, message: e.message } };
  }
}

/** `{items, error?}` for the view from an outcome and a mapping of its value. */
export function partOf<T, I>(read: Outcome<T>, items: (value: T) => I[]): { items: I[]; error?: PartError } {
  return read.ok ? { items: items(read.value) } : { items: [], error: read.error };
}

/** `matchLabels` → a label selector string (`a=b,c=d`); matchExpressions are not used by these objects. */
export function selectorOf(obj: KubeObjectLike): string | undefined {
  const spec = obj.spec as { selector?: { matchLabels?: Record<string, string> } } | undefined;
  const labels = spec?.selector?.matchLabels;
  if (!labels || Object.keys(labels).length === 0) return undefined;
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** `obj` names `owner` (by uid) among its ownerReferences. */
export function ownedBy(obj: KubeObjectLike, owner: KubeObjectLike): boolean {
  const refs = (obj.metadata as { ownerReferences?: { uid?: string }[] } | undefined)?.ownerReferences;
  return !!owner.metadata?.uid && (refs ?? []).some((r) => r.uid === owner.metadata?.uid);
}

/** A part's error thrown again (a 401 ends the whole view, like every other route). */
export function kubeErrorOf(error: PartError): KubeError {
  return new KubeError(error.statusCode, error.reason, error.message);
}
