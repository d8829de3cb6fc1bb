/**
 * Section patch → JSON merge patch (RFC 7386) + the equivalent `oc patch` command.
 *
 * A merge patch MERGES objects key by key and REPLACES arrays. To make a section replace its
 * part of `spec` whole, the patch is the RFC 7386 difference between the live value and the
 * desired one: keys that disappear become `null` (a storage backend switch emits `null` for the
 * old backend; a removed nodeSelector label or resource limit is nulled), arrays are sent whole
 * (routes, tolerations, topologySpreadConstraints are atomic lists), unchanged keys are omitted.
 */
import { RegistryNames } from '../registry/names.js';
import { SECTION_KEYS, type SectionPatch } from '../api/section-patch.js';
import { effectiveSpec, type SpecLike } from './spec.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface ConfigMergePatch {
  /** `{spec: {...}}`; `{}` when nothing would change. */
  patch: JsonObject;
  ocCommand: string;
}

export function sectionPatchToMergePatch(
  section: SectionPatch,
  current: SpecLike = {},
  configName: string = RegistryNames.configName,
): ConfigMergePatch {
  const desired = effectiveSpec(section, current);
  const spec: JsonObject = {};
  for (const key of SECTION_KEYS) {
    if (section[key] === undefined) continue;
    const diff = mergeDiff(current[key], desired[key]);
    if (diff !== undefined) spec[key] = diff;
  }
  const patch: JsonObject = Object.keys(spec).length > 0 ? { spec } : {};
  return { patch, ocCommand: ocPatchCommand(patch, configName) };
}

/**
 * The merge patch that turns `current` into `desired`, or undefined when they are equal.
 * `desired === undefined` means "absent" and yields `null`.
 */
export function mergeDiff(current: unknown, desired: unknown): JsonValue | undefined {
  if (desired === undefined || desired === null) {
    return current === undefined || current === null ? undefined : null;
  }
  if (isPlainObject(current) && isPlainObject(desired)) {
    const out: JsonObject = {};
    for (const key of Object.keys(current)) {
      if (!(key in desired) || desired[key] === undefined) out[key] = null;
    }
    for (const [key, value] of Object.entries(desired)) {
      const d = mergeDiff(current[key], value);
      if (d !== undefined) out[key] = d;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  if (deepEqual(current, desired)) return undefined;
  return stripNulls(desired);
}

/** `null` inside a value means "delete" in a merge patch: a fresh value must not carry any. */
function stripNulls(value: unknown): JsonValue {
  if (Array.isArray(value)) return value.map(stripNulls);
  if (isPlainObject(value)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = stripNulls(v);
    return out;
  }
  return value as JsonValue;
}

/** The command a user can paste into a terminal; single quotes escaped for POSIX shells. */
export function ocPatchCommand(patch: JsonObject, configName: string = RegistryNames.configName): string {
  const json = JSON.stringify(patch).replace(/'/g, `'\\''`);
  return `oc patch configs.imageregistry.operator.openshift.io/${configName} --type merge --patch '${json}'`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}
