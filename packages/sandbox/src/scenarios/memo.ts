/**
 * What a scenario replaced, so clearing restores the admin's own value and nothing else — also
 * when the admin changed other things meanwhile (restores are narrow merge patches).
 */
import type { KubeObject } from '../core/types.js';
import { R } from '../core/refs.js';
import {
  clone,
  isRecord,
  isTerminating,
  rec,
  selectorString,
  stableStringify,
  tryDelete,
  tryGet,
  type Json,
} from '../core/objects.js';
import { CONFIG_NAME, NS, REGISTRY_LABELS } from '../operator/defaults.js';
import type { Scenario, ScenarioEnv } from './types.js';

const saved = new WeakMap<ScenarioEnv['world'], Map<string, unknown>>();

export function memo(env: ScenarioEnv): Map<string, unknown> {
  let m = saved.get(env.world);
  if (!m) saved.set(env.world, (m = new Map()));
  return m;
}

/** `{spec: {a: {b: value}}}` for the path a.b. */
function nested(path: string[], value: unknown): Json {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Json;
}

function at(obj: unknown, path: string[]): unknown {
  let cur: unknown = obj;
  for (const key of path) cur = rec(cur)[key];
  return cur;
}

/** The merge patch that turns `current` into `want` (null removes what `want` lacks). */
function mergePatchTo(current: unknown, want: unknown): unknown {
  if (!isRecord(current) || !isRecord(want)) return want ?? null;
  const patch: Json = {};
  for (const key of Object.keys(current)) if (!(key in want)) patch[key] = null;
  for (const [key, value] of Object.entries(want))
    if (stableStringify(current[key]) !== stableStringify(value))
      patch[key] = mergePatchTo(current[key], value);
  return patch;
}

/**
 * Sets Config spec fields (dotted paths under spec) for a scenario, remembering each field's
 * value the first time, and restores exactly those fields on clear (null = it was not set).
 */
export function patchConfigFields(env: ScenarioEnv, scenario: string, fields: Record<string, unknown>): void {
  const m = memo(env);
  const cfg = env.api.get(R.configs, undefined, CONFIG_NAME);
  for (const [field, value] of Object.entries(fields)) {
    const path = field.split('.');
    const key = `${scenario}:spec.${field}`;
    const current = at(rec(cfg, 'spec'), path);
    if (!m.has(key)) m.set(key, clone(current) ?? null);
    // the field becomes exactly `value` (not merged into what was there)
    env.api.patch(R.configs, undefined, CONFIG_NAME, 'merge', {
      spec: nested(path, mergePatchTo(current, value)),
    });
  }
}

export function restoreConfigFields(env: ScenarioEnv, scenario: string): void {
  const m = memo(env);
  const prefix = `${scenario}:spec.`;
  for (const [key, value] of [...m.entries()].reverse()) {
    if (!key.startsWith(prefix)) continue;
    m.delete(key);
    const path = key.slice(prefix.length).split('.');
    const cfg = env.api.get(R.configs, undefined, CONFIG_NAME);
    // one merge patch, so the operator never sees a half-restored field (an empty storage)
    env.api.patch(R.configs, undefined, CONFIG_NAME, 'merge', {
      spec: nested(path, mergePatchTo(at(rec(cfg, 'spec'), path), value)),
    });
  }
}

/** Replaces (or creates) a secret in the registry namespace; {@link restoreSecret} puts back the prior one. */
export function replaceSecret(
  env: ScenarioEnv,
  scenario: string,
  name: string,
  data: Record<string, string> | null,
): void {
  const m = memo(env);
  const key = `${scenario}:secret/${name}`;
  const existing = tryGet(env.api, R.secrets, NS, name);
  if (!m.has(key)) m.set(key, existing ? clone(existing) : null);
  if (data === null) {
    tryDelete(env.api, R.secrets, NS, name);
    return;
  }
  const encoded = Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, Buffer.from(v, 'utf8').toString('base64')]),
  );
  const secret: KubeObject = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: NS },
    type: 'Opaque',
    data: encoded,
  };
  if (existing) env.api.update(R.secrets, NS, { ...secret, metadata: { ...existing.metadata } });
  else env.api.create(R.secrets, NS, secret);
}

export function restoreSecret(env: ScenarioEnv, scenario: string, name: string): void {
  const m = memo(env);
  const key = `${scenario}:secret/${name}`;
  if (!m.has(key)) return;
  const prior = m.get(key) as KubeObject | null;
  m.delete(key);
  const cur = tryGet(env.api, R.secrets, NS, name);
  if (!prior) {
    tryDelete(env.api, R.secrets, NS, name);
    return;
  }
  if (cur)
    env.api.update(R.secrets, NS, {
      ...prior,
      metadata: { ...prior.metadata, resourceVersion: cur.metadata.resourceVersion },
    });
  else
    env.api.create(R.secrets, NS, {
      ...prior,
      metadata: {
        name,
        namespace: NS,
        labels: prior.metadata.labels,
        annotations: prior.metadata.annotations,
      },
    });
}

/** Deletes the registry pods: their replacements start with the world as it is now. */
export function restartRegistryPods(env: ScenarioEnv): void {
  for (const p of env.api.list(R.pods, NS, { labelSelector: selectorString(REGISTRY_LABELS) }).items)
    if (!isTerminating(p)) tryDelete(env.api, R.pods, NS, p.metadata.name ?? '');
}

/**
 * A fault outside the cluster, switched in the simulated world; with `restart`, registry pods
 * restart into it (a fault they only meet when starting), else what runs meets it as it comes.
 */
export function worldSwitch(
  name: string,
  description: string,
  set: (env: ScenarioEnv, on: boolean) => void,
  { restart = true }: { restart?: boolean } = {},
): Scenario {
  return {
    name,
    description,
    activate(env) {
      set(env, true);
      if (restart) restartRegistryPods(env);
    },
    clear(env) {
      set(env, false);
      if (restart) restartRegistryPods(env);
    },
  };
}
