import type { FieldError } from '../api/common.js';
import type { RuleContext, SpecLike } from './spec.js';

/**
 * A ReadWriteOnce claim can be mounted by one node only: the operator requires replicas ≤ 1 and
 * the Recreate rollout strategy ("cannot use ReadWriteOnce access mode with more than one
 * replica" / "…with RollingUpdate rollout strategy"). Unknown access modes (claim not created yet,
 * or not readable) are not judged here.
 */
export function checkReadWriteOnceClaim(spec: SpecLike, ctx: RuleContext): FieldError[] {
  if (!spec.storage?.pvc) return [];
  const modes = ctx.claimAccessModes;
  if (!modes || !isReadWriteOnceOnly(modes)) return [];
  const errors: FieldError[] = [];
  if ((spec.replicas ?? 1) > 1) {
    errors.push({
      path: 'spec.replicas',
      message: 'cannot use ReadWriteOnce access mode with more than one replica',
    });
  }
  if ((spec.rolloutStrategy ?? 'RollingUpdate') !== 'Recreate') {
    errors.push({
      path: 'spec.rolloutStrategy',
      message: 'cannot use ReadWriteOnce access mode with RollingUpdate rollout strategy: use Recreate',
    });
  }
  return errors;
}

function isReadWriteOnceOnly(modes: readonly string[]): boolean {
  return modes.includes('ReadWriteOnce') || modes.includes('ReadWriteOncePod')
    ? !modes.includes('ReadWriteMany')
    : false;
}
