/**
 * Changes made through the console, recorded where every replica and `oc get events` see them:
 * as Kubernetes Events on the changed object — who, which fields, the `oc` command — created as
 * the user who made the change. The timeline reads them back as change entries.
 */
import { hostname } from 'node:os';
import { Kinds, RegistryNames, kindNamed, type ChangeEntry } from '@irc/shared';
import type { CoreV1Event } from '@kubernetes/client-node';
import { toIso, type KubeObjectLike } from '../kube/resources.js';
import type { KubeClient } from '../kube/client.js';
import type { ChangeInput } from './timeline.js';

export const CONSOLE_COMPONENT = 'image-registry-console';
export const CONSOLE_CHANGE_REASON = 'ConsoleChange';
const ANNOTATION = 'imageregistry.console.openshift.io';
/** A patch larger than this is not kept on the Event (the summary still says what changed). */
const MAX_PATCH_CHARS = 16 * 1024;

/**
 * The namespace an Event about the object must be created in (kube-apiserver's Event
 * validation): the object's own, or `default` for a cluster-scoped object.
 */
export function eventNamespace(object: ChangeInput['object']): string {
  return object.namespace ?? 'default';
}

/** Namespaces console-change Events can be in besides the registry's (which the hub watches). */
export const CHANGE_EVENT_NAMESPACES = ['default', RegistryNames.configNamespace] as const;

export const CHANGE_EVENT_SELECTOR = `reportingComponent=${CONSOLE_COMPONENT}`;

export function consoleChangeEvent(change: ChangeInput, now = new Date()): CoreV1Event {
  const { object } = change;
  const patch = change.patch ? JSON.stringify(change.patch) : undefined;
  const apiVersion = kindNamed(object.kind)?.apiVersion;
  const nanos = BigInt(now.getTime()) * 1_000_000n + BigInt(Math.floor(Math.random() * 1_000_000));
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${object.name}.${nanos.toString(16)}`,
      namespace: eventNamespace(object),
      annotations: {
        [`${ANNOTATION}/user`]: change.user,
        [`${ANNOTATION}/summary`]: change.summary,
        ...(change.ocCommand ? { [`${ANNOTATION}/oc-command`]: change.ocCommand } : {}),
        ...(patch && patch.length <= MAX_PATCH_CHARS ? { [`${ANNOTATION}/patch`]: patch } : {}),
      },
    },
    involvedObject: {
      kind: object.kind,
      name: object.name,
      ...(object.namespace ? { namespace: object.namespace } : {}),
      ...(apiVersion ? { apiVersion } : {}),
    },
    reason: CONSOLE_CHANGE_REASON,
    message: `${change.user} changed ${change.summary} through the console${change.ocCommand ? `: ${change.ocCommand}` : ''}`,
    type: 'Normal',
    // eventTime set: the "new" Event validation, which lets a cluster-scoped object's Event live
    // in `default`. A MicroTime: six fractional digits (client-node passes it through as given).
    eventTime: now.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z') as unknown as Date,
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
    source: { component: CONSOLE_COMPONENT },
    reportingComponent: CONSOLE_COMPONENT,
    reportingInstance: hostname().slice(0, 128),
    action: 'Update',
  } as CoreV1Event;
}

interface EventLike extends KubeObjectLike {
  involvedObject?: { kind?: string; name?: string; namespace?: string };
  reason?: string;
  reportingComponent?: string;
  source?: { component?: string };
  eventTime?: string | Date;
  firstTimestamp?: string | Date;
}

/** A console-change Event → the timeline's change entry (undefined for any other Event). */
export function changeFromEvent(event: KubeObjectLike): ChangeEntry | undefined {
  const e = event as EventLike;
  const fromConsole = e.reportingComponent === CONSOLE_COMPONENT || e.source?.component === CONSOLE_COMPONENT;
  if (!fromConsole || e.reason !== CONSOLE_CHANGE_REASON) return undefined;
  const a = e.metadata?.annotations ?? {};
  let patch: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = a[`${ANNOTATION}/patch`] ? JSON.parse(a[`${ANNOTATION}/patch`] ?? '') : undefined;
    patch =
      parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : undefined;
  } catch {
    patch = undefined;
  }
  const oc = a[`${ANNOTATION}/oc-command`];
  return {
    id: `change:${e.metadata?.uid ?? e.metadata?.name ?? ''}`,
    time: toIso(e.eventTime) ?? toIso(e.firstTimestamp) ?? new Date(0).toISOString(),
    type: 'change',
    object: {
      kind: e.involvedObject?.kind ?? 'Unknown',
      name: e.involvedObject?.name ?? '',
      ...(e.involvedObject?.namespace ? { namespace: e.involvedObject.namespace } : {}),
    },
    change: {
      user: a[`${ANNOTATION}/user`] ?? 'unknown',
      summary: a[`${ANNOTATION}/summary`] ?? '',
      ...(patch ? { patch } : {}),
      ...(oc ? { ocCommand: oc } : {}),
    },
  };
}

/**
 * The console-change Events in {@link CHANGE_EVENT_NAMESPACES}, listed as the caller (a
 * namespace they may not list contributes nothing; the entries' own read check still applies).
 */
export async function listConsoleChanges(client: KubeClient): Promise<ChangeEntry[]> {
  const lists = await Promise.all(
    CHANGE_EVENT_NAMESPACES.map((ns) =>
      client
        .getJson<{ items?: KubeObjectLike[] }>(Kinds.Event.path(undefined, ns), {
          fieldSelector: CHANGE_EVENT_SELECTOR,
        })
        .catch(() => ({ items: [] })),
    ),
  );
  return lists.flatMap((l) =>
    (l.items ?? []).map(changeFromEvent).filter((c): c is ChangeEntry => c !== undefined),
  );
}
