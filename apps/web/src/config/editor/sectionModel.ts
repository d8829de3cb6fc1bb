import {
  ConfigSpec as ConfigSpecSchema,
  deepEqual,
  effectiveSpec,
  sectionPatchToMergePatch,
  sectionPatchWarnings,
  validateSectionPatch,
  type ConfigMergePatch,
} from '@irc/shared';
import { Value } from 'typebox/value';
import type { ConfigSpec, FieldError, SectionPatch } from '../../api/contract.js';
import type { ConfigData } from '../../api/config.js';

/**
 * One configuration section form: how its form state (`draft`, strings while typing) comes
 * from the live spec and becomes a section patch. Pure, so the forms and the tests share it.
 */
export interface SectionDefinition<D> {
  id: string;
  fromSpec(spec: ConfigSpec): D;
  /** The section patch for this draft; `errors` for input that cannot be converted (e.g. "abc" as a number). */
  toPatch(draft: D, spec: ConfigSpec): { patch: SectionPatch; errors: FieldError[] };
}

export interface SectionEvaluation {
  patch: SectionPatch;
  merge: ConfigMergePatch;
  /** The merge patch would change something. */
  dirty: boolean;
  errors: FieldError[];
  warnings: string[];
}

/** Everything the form shows before any request: patch, merge patch, rule errors and warnings. */
export function evaluateSection<D>(
  definition: SectionDefinition<D>,
  draft: D,
  base: ConfigData,
): SectionEvaluation {
  const spec = base.config.spec;
  const { patch, errors: parseErrors } = definition.toPatch(draft, spec);
  const merge = sectionPatchToMergePatch(patch, spec, base.config.metadata.name ?? 'cluster');
  const ctx = {
    current: spec,
    claimAccessModes: base.storageClaim?.exists ? base.storageClaim.accessModes : undefined,
  };
  // The parse and rule messages are written for people ("must be a duration such as 30s"); the
  // schema's say the same in the CRD's terms ('must match format "duration"'). One per field.
  const own = [...parseErrors, ...validateSectionPatch(patch, ctx)];
  const explained = new Set(own.map((e) => e.path));
  const errors = dedupe([...own, ...schemaErrors(patch, spec).filter((e) => !explained.has(e.path))]);
  return {
    patch,
    merge,
    dirty: Object.keys(merge.patch).length > 0,
    errors,
    warnings: errors.length ? [] : sectionPatchWarnings(patch, ctx),
  };
}

/** `/routes/0/name` → `spec.routes[0].name` (the Kubernetes field path the API uses). */
export function toFieldPath(instancePath: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  let path = 'spec';
  for (const part of parts)
    path += /^\d+$/.test(part) ? `[${part}]` : `.${part.replace(/~1/g, '/').replace(/~0/g, '~')}`;
  return path;
}

/**
 * The CRD's structural schema (types, enums, patterns, bounds, formats) from `@irc/shared`,
 * checked on the spec as it would be after the patch — only for the keys the patch sets, so an
 * unrelated pre-existing problem never blocks this section.
 */
export function schemaErrors(patch: SectionPatch, current: ConfigSpec): FieldError[] {
  const touched = Object.keys(patch).filter((key) => patch[key as keyof SectionPatch] !== undefined);
  if (touched.length === 0) return [];
  const after = effectiveSpec(patch, current);
  const errors: FieldError[] = [];
  for (const error of Value.Errors(ConfigSpecSchema, after)) {
    const top = error.instancePath.split('/')[1];
    if (top === undefined || !touched.includes(top)) continue;
    errors.push({ path: toFieldPath(error.instancePath), message: error.message });
  }
  return errors;
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\n${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface ConflictSummary {
  /** Top-level spec keys someone else changed since the admin loaded the config. */
  changedMeanwhile: string[];
  /** Of those, the ones this section's patch also sets: re-applying overwrites them. */
  overlapping: string[];
}

/** What changed between the version the admin edited and the live one, and where it collides. */
export function summarizeConflict(seen: ConfigSpec, live: ConfigSpec, patch: SectionPatch): ConflictSummary {
  const before = seen as Record<string, unknown>;
  const after = live as Record<string, unknown>;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changedMeanwhile = [...keys].filter((key) => !deepEqual(before[key], after[key])).sort();
  const touched = new Set(Object.keys(patch).filter((key) => patch[key as keyof SectionPatch] !== undefined));
  return { changedMeanwhile, overlapping: changedMeanwhile.filter((key) => touched.has(key)) };
}

/** Errors by field path, several per path possible. */
export function errorsByPath(errors: readonly FieldError[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const error of errors) map.set(error.path, [...(map.get(error.path) ?? []), error.message]);
  return map;
}

// --- helpers for toPatch: strings typed into inputs → typed values -------------------------

/** "" → undefined; a whole number → number; anything else → an error at `path`. */
export function parseInteger(text: string, path: string, errors: FieldError[]): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!/^-?\d+$/.test(trimmed)) {
    errors.push({ path, message: 'must be a whole number' });
    return undefined;
  }
  return Number(trimmed);
}

/** `value` if it is one of `allowed`, else `fallback` (CRD strings are free-form patterns). */
export function oneOf<const T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** Drops keys whose value is undefined or '' so that a cleared input removes the field. */
export function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, v] of Object.entries(value))
    if (v !== undefined && v !== '') (out as Record<string, unknown>)[key] = v;
  return out;
}
