import type { KubeObject, ResourceRef } from '../core/types.js';
import {
  errorMessage,
  isNotFound,
  isRecord,
  isSubset,
  rec,
  stableStringify,
  tryGet,
} from '../core/objects.js';
import type { OperatorEnv } from './context.js';
import { diffObjects } from './diff.js';

/** `*v1.Deployment, Namespace=openshift-image-registry, Name=image-registry` as the operator prints objects. */
export function describe(obj: KubeObject): string {
  const ns = obj.metadata.namespace ? `, Namespace=${obj.metadata.namespace}` : '';
  return `*v1.${obj.kind}${ns}, Name=${obj.metadata.name}`;
}

/** Kinds whose create/update the operator reports as Events (library-go resourceapply). */
const EVENT_KINDS = new Set(['Deployment', 'DaemonSet', 'NetworkPolicy']);

function groupOf(obj: KubeObject): string {
  const g = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
  return g ? `.${g}` : '';
}

function redactedDump(obj: KubeObject): string {
  const copy: Record<string, unknown> = { ...obj };
  if (obj.kind === 'Secret' && isRecord(obj.data))
    copy.data = Object.fromEntries(Object.keys(obj.data).map((k) => [k, '<REDACTED>']));
  return JSON.stringify(copy);
}

/** Top-level fields other than metadata/status: what "the operator owns" in an object. */
function payload(obj: KubeObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj))
    if (!['apiVersion', 'kind', 'metadata', 'status'].includes(k)) out[k] = v;
  return out;
}

export type ApplyOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Create-or-update of one operand object (op:pkg/resource/generator.go): creates it when
 * missing, otherwise rewrites the operator-owned fields when they drifted (manual edits are
 * reverted), leaving fields others own (defaults, controller annotations, status) alone.
 * Logs `object … created/updated: …` and throws `failed to <verb> object …: <err>`.
 */
export function applyObject(
  env: OperatorEnv,
  ref: ResourceRef,
  desired: KubeObject,
  opts: { dataOwnedByOthers?: boolean } = {},
): { outcome: ApplyOutcome; object: KubeObject } {
  const { api, log } = env;
  const ns = desired.metadata.namespace;
  const name = desired.metadata.name ?? '';
  const existing = tryGet(api, ref, ns, name);
  const secret = desired.kind === 'Secret';
  const eventBase = `${desired.kind}${groupOf(desired)}/${name}${ns ? ` -n ${ns}` : ''}`;
  if (!existing) {
    try {
      const created = api.create(ref, ns, desired).object;
      log.info('generator.go:300', `object ${describe(desired)} created: ${redactedDump(desired)}`);
      if (EVENT_KINDS.has(desired.kind))
        env.events.record(
          { component: 'image-registry-operator' },
          env.self(),
          'Normal',
          `${desired.kind}Created`,
          `Created ${eventBase} because it was missing`,
          { namespace: 'openshift-image-registry' },
        );
      return { outcome: 'created', object: created };
    } catch (e) {
      throw new Error(`failed to create object ${describe(desired)}: ${errorMessage(e)}`);
    }
  }
  const wantMeta = { labels: desired.metadata.labels, annotations: desired.metadata.annotations };
  // maps of data must match exactly: a key dropped from the desired data must go
  // (unless another controller fills the data, as the service-ca injector does for `serviceca`)
  const exactData =
    ['ConfigMap', 'Secret'].includes(desired.kind) && !opts.dataOwnedByOthers
      ? stableStringify(desired.data ?? {}) === stableStringify(existing.data ?? {})
      : true;
  if (exactData && isSubset(wantMeta, existing.metadata) && isSubset(payload(desired), payload(existing)))
    return { outcome: 'unchanged', object: existing };
  const next: KubeObject = {
    ...existing,
    ...payload(desired),
    metadata: {
      ...existing.metadata,
      labels: { ...existing.metadata.labels, ...desired.metadata.labels },
      annotations: { ...existing.metadata.annotations, ...desired.metadata.annotations },
    },
  };
  try {
    const updated = api.update(ref, ns, next).object;
    const diff = diffObjects(
      { metadata: rec(existing, 'metadata'), ...payload(existing) },
      { metadata: rec(next, 'metadata'), ...payload(next) },
      {
        secret,
        only: ['metadata.labels', 'metadata.annotations', ...Object.keys(payload(desired))],
        ignoreRemoved: true,
      },
    );
    log.info('generator.go:64', `object ${describe(desired)} updated: ${diff}`);
    if (EVENT_KINDS.has(desired.kind))
      env.events.record(
        { component: 'image-registry-operator' },
        env.self(),
        'Normal',
        `${desired.kind}Updated`,
        `Updated ${eventBase} because it changed`,
        { namespace: 'openshift-image-registry' },
      );
    return { outcome: 'updated', object: updated };
  } catch (e) {
    // no Warning event: the real operator's sync errors reach only its conditions and its log
    throw new Error(`failed to update object ${describe(desired)}: ${errorMessage(e)}`);
  }
}

/** Deletes an operand object, logging like the generator does. */
export function deleteObject(
  env: OperatorEnv,
  ref: ResourceRef,
  obj: KubeObject,
  opts: { foreground?: boolean } = {},
): boolean {
  try {
    env.api.delete(ref, obj.metadata.namespace, obj.metadata.name ?? '', {
      gracePeriodSeconds: 0,
      ...(opts.foreground ? { propagationPolicy: 'Foreground' } : {}),
    });
    env.log.info('generator.go:300', `object ${describe(obj)} deleted`);
    return true;
  } catch (e) {
    if (isNotFound(e)) return false;
    throw e;
  }
}
