/**
 * The part of a Config's `spec` the rules read. Kept narrow and structural on purpose: the rules
 * run in the browser and on the server against either the live object or a section patch
 * merged onto it (see {@link effectiveSpec}).
 */
import { keepUndeclared } from '../api/declared-fields.js';
import { StorageSectionSchema, type SectionPatch } from '../api/section-patch.js';

export interface SpecLike {
  managementState?: string;
  replicas?: number;
  rolloutStrategy?: string | null;
  storage?: Record<string, unknown> | null;
  routes?: { name?: string }[] | null;
  requests?: { read?: RequestLimitsLike; write?: RequestLimitsLike } | null;
  defaultRoute?: boolean;
  [key: string]: unknown;
}

export interface RequestLimitsLike {
  maxRunning?: number;
  maxInQueue?: number;
  maxWaitInQueue?: string;
}

/** What the rules know beyond the spec (e.g. the claim behind `storage.pvc`). */
export interface RuleContext {
  /** The live spec the patch applies to (absent: validate the patch alone). */
  current?: SpecLike;
  /** Access modes of the PVC in use or named by the patch, when known. */
  claimAccessModes?: readonly string[];
}

/** The spec as it will be once the section patch is applied: present sections replace whole. */
export function effectiveSpec(patch: SectionPatch, current: SpecLike = {}): SpecLike {
  const spec: SpecLike = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (key === 'storage') {
      spec.storage = storageAfter(value as Record<string, unknown>, current.storage ?? undefined);
    } else if (value === null) {
      delete spec[key];
    } else {
      spec[key] = value;
    }
  }
  return spec;
}

/**
 * `storage.managementState` survives a backend switch unless the patch sets it; the backend kept
 * keeps the fields the console's schema does not declare (a newer API's: see declared-fields.ts).
 */
function storageAfter(
  patch: Record<string, unknown>,
  current: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const next: Record<string, unknown> = {};
  const backends = StorageSectionSchema.properties as Record<string, object>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined) continue;
    next[key] = backends[key] ? keepUndeclared(backends[key], value, current?.[key]) : value;
  }
  if (next.managementState === undefined && current?.managementState !== undefined) {
    next.managementState = current.managementState;
  }
  return next;
}
