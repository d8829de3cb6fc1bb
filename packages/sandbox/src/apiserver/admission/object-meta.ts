import type { KubeObject, StatusCause } from '../../core/types.js';
import type { NameRule, ResourceType } from '../resources/resource-type.js';
import { invalidValue, nameCauses, required, forbiddenField } from './field-errors.js';
import {
  dns1035Label,
  dns1123Label,
  dns1123Subdomain,
  labelValue,
  pathSegmentName,
  qualifiedName,
} from './names.js';

const nameValidators: Record<NameRule, (v: string) => string[]> = {
  subdomain: dns1123Subdomain,
  label: dns1123Label,
  dns1035: dns1035Label,
  path: pathSegmentName,
  none: () => [],
};

/** The label and annotation checks both ValidateObjectMetaAccessor and its Update twin run. */
function labelAndAnnotationCauses(obj: KubeObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const meta = obj.metadata;
  for (const [k, v] of Object.entries(meta.labels ?? {})) {
    causes.push(...qualifiedName(k).map((m) => invalidValue('metadata.labels', k, m)));
    if (typeof v !== 'string') causes.push(invalidValue(`metadata.labels`, v, 'must be a string'));
    else causes.push(...labelValue(v).map((m) => invalidValue('metadata.labels', v, m)));
  }
  for (const k of Object.keys(meta.annotations ?? {})) {
    causes.push(...qualifiedName(k.toLowerCase()).map((m) => invalidValue('metadata.annotations', k, m)));
  }
  const annotationBytes = Object.entries(meta.annotations ?? {}).reduce(
    (n, [k, v]) => n + k.length + String(v).length,
    0,
  );
  if (annotationBytes > 256 * 1024)
    causes.push({
      reason: 'FieldValueTooLong',
      field: 'metadata.annotations',
      message: 'Too long: must have at most 262144 bytes',
    });
  return causes;
}

/** ValidateObjectMetaAccessor (create): name by the kind's rule, labels, annotations. */
function createCauses(rule: NameRule, obj: KubeObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const name = obj.metadata.name;
  if (!name) causes.push(required('metadata.name', 'name or generateName is required'));
  else causes.push(...nameCauses('metadata.name', name, nameValidators[rule](name)));
  return [...causes, ...labelAndAnnotationCauses(obj)];
}

/** ValidateObjectMetaAccessorUpdate: no new finalizers while deleting, immutable identity, labels, annotations. */
function updateCauses(obj: KubeObject, old: KubeObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const meta = obj.metadata;
  if (
    old.metadata.deletionTimestamp &&
    (meta.finalizers ?? []).some((f) => !(old.metadata.finalizers ?? []).includes(f))
  )
    causes.push(
      forbiddenField('metadata.finalizers', 'no new finalizers can be added if the object is being deleted'),
    );
  if (meta.name !== old.metadata.name)
    causes.push(invalidValue('metadata.name', meta.name, 'field is immutable'));
  if (meta.uid !== undefined && meta.uid !== old.metadata.uid)
    causes.push(invalidValue('metadata.uid', meta.uid, 'field is immutable'));
  if (meta.creationTimestamp !== undefined && meta.creationTimestamp !== old.metadata.creationTimestamp)
    causes.push(invalidValue('metadata.creationTimestamp', meta.creationTimestamp, 'field is immutable'));
  return [...causes, ...labelAndAnnotationCauses(obj)];
}

/**
 * ObjectMeta validation as kube-apiserver runs it, so a bad label is reported as often as the real
 * server reports it. Create (rest.BeforeCreate): the strategy's ValidateObjectMeta, once. Update
 * (rest.BeforeUpdate): validateCommonFields runs ValidateObjectMetaAccessor (path-segment names)
 * and ValidateObjectMetaAccessorUpdate, then the strategy's ValidateUpdate runs the Update check
 * again — a label value with spaces is three identical causes (kube-apiserver-facts.md), which
 * the message states once (field.ErrorList.ToAggregate).
 */
export function validateObjectMeta(
  type: ResourceType,
  obj: KubeObject,
  old: KubeObject | undefined,
): StatusCause[] {
  if (!old) return createCauses(type.nameRule, obj);
  const strategyUpdate = updateCauses(obj, old);
  return [...createCauses('path', obj), ...strategyUpdate, ...strategyUpdate];
}
