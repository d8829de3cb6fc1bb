/** `clusteroperators.config.openshift.io` v1 ClusterOperator (shortName `co`). */
import type { Static } from 'typebox';
import { objectMeta } from './core.js';
import { freeform, list, mapList, nullable, obj, opt, str } from './keywords.js';

export const ClusterOperatorStatusCondition = obj({
  lastTransitionTime: str({ format: 'date-time', description: 'When the status last changed.' }),
  message: opt(str()),
  reason: opt(str({ description: 'CamelCase reason for the last transition.' })),
  status: str({ description: 'True, False or Unknown.' }),
  type: str({ description: 'Available, Progressing, Degraded, Upgradeable, …' }),
});
export type ClusterOperatorStatusCondition = Static<typeof ClusterOperatorStatusCondition>;

export const ObjectReference = obj({
  group: str(),
  name: str(),
  namespace: opt(str()),
  resource: str(),
});
export type ObjectReference = Static<typeof ObjectReference>;

export const OperandVersion = obj({
  name: str({ description: 'The operand name ("operator" for the operator itself).' }),
  version: str(),
});

export const ClusterOperatorStatus = obj({
  conditions: opt(mapList(ClusterOperatorStatusCondition, ['type'])),
  extension: opt(nullable(freeform(), { description: 'Operator-specific status.' })),
  relatedObjects: opt(list(ObjectReference, { description: 'Objects worth looking at when debugging.' })),
  versions: opt(list(OperandVersion)),
});
export type ClusterOperatorStatus = Static<typeof ClusterOperatorStatus>;

export const ClusterOperator = obj({
  apiVersion: opt(str()),
  kind: opt(str()),
  metadata: opt(objectMeta()),
  spec: obj({}, { description: 'Empty: the operator reports, nobody configures it here.' }),
  status: opt(ClusterOperatorStatus),
});
export type ClusterOperator = Static<typeof ClusterOperator>;
