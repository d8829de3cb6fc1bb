/**
 * Kubernetes core types (k8s.io/api/core/v1, apimachinery meta/v1) as the OpenShift CRDs embed
 * them. Builders take options where CRDs differ (e.g. the Config marks resources atomic, the
 * ImagePruner does not).
 */
import Type, { type Static } from 'typebox';
import {
  atomicList,
  bool,
  int32,
  int64,
  mapList,
  mapOf,
  obj,
  opt,
  quantity,
  str,
  stringEnum,
  stringMap,
  type KubeOptions,
} from './keywords.js';

/** A label/field selector requirement: `key operator values`. */
export const NodeSelectorRequirement = obj({
  key: str({ description: 'The label key that the selector applies to.' }),
  operator: str({ description: 'In, NotIn, Exists, DoesNotExist, Gt or Lt.' }),
  values: opt(atomicList(str())),
});

export const NodeSelectorTerm = obj(
  {
    matchExpressions: opt(atomicList(NodeSelectorRequirement)),
    matchFields: opt(atomicList(NodeSelectorRequirement)),
  },
  { 'x-kubernetes-map-type': 'atomic' },
);

export const NodeAffinity = obj({
  preferredDuringSchedulingIgnoredDuringExecution: opt(
    atomicList(
      obj({ preference: NodeSelectorTerm, weight: int32({ description: 'Weight in the range 1-100.' }) }),
    ),
  ),
  requiredDuringSchedulingIgnoredDuringExecution: opt(
    obj({ nodeSelectorTerms: atomicList(NodeSelectorTerm) }, { 'x-kubernetes-map-type': 'atomic' }),
  ),
});

export const LabelSelectorRequirement = obj({
  key: str({ description: 'The label key that the selector applies to.' }),
  operator: str({ description: 'In, NotIn, Exists or DoesNotExist.' }),
  values: opt(atomicList(str())),
});

export const LabelSelector = obj(
  { matchExpressions: opt(atomicList(LabelSelectorRequirement)), matchLabels: opt(stringMap()) },
  { 'x-kubernetes-map-type': 'atomic' },
);
export type LabelSelector = Static<typeof LabelSelector>;

export const PodAffinityTerm = obj({
  labelSelector: opt(LabelSelector),
  matchLabelKeys: opt(atomicList(str())),
  mismatchLabelKeys: opt(atomicList(str())),
  namespaceSelector: opt(LabelSelector),
  namespaces: opt(atomicList(str())),
  topologyKey: str({ description: 'Node label key whose value defines the topology domain.' }),
});

const WeightedPodAffinityTerm = obj({ podAffinityTerm: PodAffinityTerm, weight: int32() });

export const PodAffinity = obj({
  preferredDuringSchedulingIgnoredDuringExecution: opt(atomicList(WeightedPodAffinityTerm)),
  requiredDuringSchedulingIgnoredDuringExecution: opt(atomicList(PodAffinityTerm)),
});

export const Affinity = obj(
  { nodeAffinity: opt(NodeAffinity), podAffinity: opt(PodAffinity), podAntiAffinity: opt(PodAffinity) },
  { description: "The registry pods' scheduling constraints." },
);
export type Affinity = Static<typeof Affinity>;

export const K8sToleration = obj({
  effect: opt(str({ description: 'NoSchedule, PreferNoSchedule or NoExecute; empty matches all.' })),
  key: opt(str()),
  operator: opt(str({ description: 'Exists or Equal (default).' })),
  tolerationSeconds: opt(int64()),
  value: opt(str()),
});
export type K8sToleration = Static<typeof K8sToleration>;

/** `[]Toleration`; `atomic` where the Go type says `+listType=atomic`. */
export const tolerations = (atomic: boolean, o: KubeOptions = {}) =>
  atomic ? atomicList(K8sToleration, o) : Type.Array(K8sToleration, o);

export const ResourceClaim = obj({ name: str(), request: opt(str()) });

/** corev1.ResourceRequirements. */
export const resourceRequirements = (o: KubeOptions = {}) =>
  obj(
    {
      claims: opt(mapList(ResourceClaim, ['name'])),
      limits: opt(mapOf(quantity())),
      requests: opt(mapOf(quantity())),
    },
    o,
  );
export const ResourceRequirements = resourceRequirements();
export type ResourceRequirements = Static<typeof ResourceRequirements>;

export const TopologySpreadConstraint = obj({
  labelSelector: opt(LabelSelector),
  matchLabelKeys: opt(atomicList(str())),
  maxSkew: int32(),
  minDomains: opt(int32()),
  nodeAffinityPolicy: opt(str()),
  nodeTaintsPolicy: opt(str()),
  topologyKey: str(),
  whenUnsatisfiable: str({ description: 'DoNotSchedule or ScheduleAnyway.' }),
});
export type TopologySpreadConstraint = Static<typeof TopologySpreadConstraint>;

/** operatorv1.OperatorCondition. `listTypeMap` where the Go type says `+listType=map`. */
export const OperatorCondition = obj({
  lastTransitionTime: str({ format: 'date-time', description: 'When the status last changed.' }),
  message: opt(str({ description: 'Human-readable details.' })),
  reason: opt(
    str({ description: 'Why the condition is in this state (may contain spaces for storage conditions).' }),
  ),
  status: stringEnum(['True', 'False', 'Unknown']),
  type: str({
    description: 'The condition type, CamelCase.',
    maxLength: 316,
    pattern:
      '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$',
  }),
});
export type OperatorCondition = Static<typeof OperatorCondition>;
/** The condition type both sides use. */
export type Condition = OperatorCondition;

export const operatorConditions = (listMap: boolean, description?: string) => {
  const o = description ? { description } : {};
  return listMap ? mapList(OperatorCondition, ['type'], o) : Type.Array(OperatorCondition, o);
};

/** operatorv1.GenerationStatus: what the operator last reconciled. */
export const GenerationStatus = obj({
  group: str(),
  hash: opt(str()),
  lastGeneration: opt(int64()),
  name: str(),
  namespace: str(),
  resource: str(),
});
export type GenerationStatus = Static<typeof GenerationStatus>;

/** corev1.SecretKeySelector. */
export const SecretKeySelector = obj(
  { key: str(), name: opt(str({ default: '' })), optional: opt(bool()) },
  { 'x-kubernetes-map-type': 'atomic' },
);

export const nodeSelector = (o: KubeOptions = {}) => stringMap(o);

/** metav1.ObjectMeta as clients see it (the CRD schema itself only says `type: object`). */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: Array<{
    apiVersion: string;
    kind: string;
    name: string;
    uid: string;
    controller?: boolean;
    blockOwnerDeletion?: boolean;
  }>;
  [key: string]: unknown;
}
/** `metadata: {type: object}`; the API server validates it, not the CRD schema. */
export const objectMeta = () => Type.Unsafe<ObjectMeta>({ type: 'object' });
