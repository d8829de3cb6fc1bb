import type { FieldError } from '../api/common.js';
import type { SpecLike } from './spec.js';

/** The CRD has no minimum; the operator fails with VerificationFailed on a negative count. */
export function checkReplicas(spec: SpecLike): FieldError[] {
  const { replicas } = spec;
  if (replicas === undefined) return [];
  if (!Number.isInteger(replicas)) return [{ path: 'spec.replicas', message: 'must be a whole number' }];
  if (replicas < 0)
    return [{ path: 'spec.replicas', message: 'replicas must be greater than or equal to 0' }];
  return [];
}
