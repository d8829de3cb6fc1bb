import type { ConfigSpec, FieldError, RolloutStrategy } from '../../api/contract.js';
import { oneOf, parseInteger, type SectionDefinition } from '../editor/sectionModel.js';

export interface ReplicasDraft {
  replicas: string;
  rolloutStrategy: '' | RolloutStrategy;
}

export const replicasSection: SectionDefinition<ReplicasDraft> = {
  id: 'replicas',
  fromSpec: (spec: ConfigSpec) => ({
    replicas: spec.replicas === undefined ? '' : String(spec.replicas),
    rolloutStrategy: oneOf(spec.rolloutStrategy, ['RollingUpdate', 'Recreate'], ''),
  }),
  toPatch(draft) {
    const errors: FieldError[] = [];
    const replicas = parseInteger(draft.replicas, 'spec.replicas', errors);
    if (draft.replicas.trim() === '') errors.push({ path: 'spec.replicas', message: 'replicas is required' });
    return {
      patch: {
        ...(replicas !== undefined ? { replicas } : {}),
        rolloutStrategy: draft.rolloutStrategy === '' ? null : draft.rolloutStrategy,
      },
      errors,
    };
  },
};
