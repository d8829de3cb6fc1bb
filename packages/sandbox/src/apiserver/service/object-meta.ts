import { randomBytes, randomUUID } from 'node:crypto';
import type { KubeObject } from '../../core/types.js';
import { deepEqual } from '../patch/json-value.js';
import type { ResourceType } from '../resources/resource-type.js';

/** Kubernetes timestamps: RFC 3339, second precision, UTC. */
export function kubeTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const NAME_CHARS = 'bcdfghjklmnpqrstvwxz2456789';
/** generateName suffix: 5 characters from kube's "safe" alphabet (no vowels, no ambiguous digits). */
export function generatedName(prefix: string): string {
  const bytes = randomBytes(5);
  let suffix = '';
  for (const b of bytes) suffix += NAME_CHARS[b % NAME_CHARS.length];
  return `${prefix.slice(0, 58)}${suffix}`;
}

/** Fields the server owns on create: whatever the client sent is replaced. */
export function stampCreate(type: ResourceType, obj: KubeObject, now: Date): void {
  const m = obj.metadata;
  m.uid = randomUUID();
  m.creationTimestamp = kubeTime(now);
  delete m.resourceVersion;
  delete m.deletionTimestamp;
  delete m.deletionGracePeriodSeconds;
  delete m.selfLink;
  delete m.managedFields;
  if (type.generation) m.generation = 1;
  else delete m.generation;
}

/** Everything but metadata and status: what a generation counts. */
function specOf(o: KubeObject): Record<string, unknown> {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = o;
  return rest;
}

/** Server-owned metadata survives an update; generation moves when the spec changed. */
export function carryUpdate(type: ResourceType, next: KubeObject, old: KubeObject): void {
  const m = next.metadata;
  const o = old.metadata;
  m.uid = o.uid;
  m.creationTimestamp = o.creationTimestamp;
  m.namespace = o.namespace;
  if (o.deletionTimestamp) m.deletionTimestamp = o.deletionTimestamp;
  else delete m.deletionTimestamp;
  if (o.deletionGracePeriodSeconds !== undefined) m.deletionGracePeriodSeconds = o.deletionGracePeriodSeconds;
  else delete m.deletionGracePeriodSeconds;
  delete m.managedFields;
  delete m.selfLink;
  if (type.generation) {
    const gen = o.generation ?? 1;
    m.generation = deepEqual(specOf(next), specOf(old)) ? gen : gen + 1;
  } else delete m.generation;
}

/** True when an update would change nothing (kube then writes nothing: same resourceVersion, no event). */
export function unchanged(next: KubeObject, old: KubeObject): boolean {
  const strip = (o: KubeObject): KubeObject => ({
    ...o,
    metadata: { ...o.metadata, resourceVersion: undefined },
  });
  return deepEqual(JSON.parse(JSON.stringify(strip(next))), JSON.parse(JSON.stringify(strip(old))));
}
