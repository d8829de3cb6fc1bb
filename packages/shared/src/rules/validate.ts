import type { FieldError } from '../api/common.js';
import type { SectionPatch } from '../api/section-patch.js';
import { checkReadWriteOnceClaim } from './pvc.js';
import { checkReplicas } from './replicas.js';
import { checkRequests } from './requests.js';
import { checkRoutes } from './routes.js';
import { effectiveSpec, type RuleContext } from './spec.js';
import { checkOneStorageBackend, checkS3 } from './storage.js';

/**
 * Every domain rule the CRD does not encode, applied to the spec as it would be after the
 * patch. A rule only runs when the patch touches what it judges, so a pre-existing problem
 * elsewhere never blocks saving an unrelated section. Returns [] when the patch may be sent.
 */
export function validateSectionPatch(patch: SectionPatch, ctx: RuleContext = {}): FieldError[] {
  const spec = effectiveSpec(patch, ctx.current);
  const touches = (...keys: (keyof SectionPatch)[]) => keys.some((k) => patch[k] !== undefined);
  const errors: FieldError[] = [];
  if (touches('replicas')) errors.push(...checkReplicas(spec));
  if (touches('storage')) errors.push(...checkOneStorageBackend(spec, true), ...checkS3(spec));
  if (touches('routes')) errors.push(...checkRoutes(spec));
  if (touches('requests')) errors.push(...checkRequests(spec));
  if (touches('storage', 'replicas', 'rolloutStrategy')) errors.push(...checkReadWriteOnceClaim(spec, ctx));
  return errors;
}
