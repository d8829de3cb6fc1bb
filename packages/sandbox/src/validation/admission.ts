/**
 * Admission of a custom resource write, as kube-apiserver runs it for a CRD with a structural
 * schema: decode-time pruning of unknown fields (reported per fieldValidation), dropping of
 * non-nullable nulls, defaulting, then validation.
 */
import type { KubeObject } from '../core/types.js';
import { normalize } from './defaulting.js';
import { toCause } from './field-error.js';
import { deepCopy } from './json-value.js';
import { prune } from './pruning.js';
import type { JSONSchemaProps } from './schema.js';
import { validateStructural } from './structural-validation.js';
import type { AdmissionRequest, AdmissionResult, CustomResourceDefinition } from './types.js';

export function versionSchema(crd: CustomResourceDefinition, version: string): JSONSchemaProps | undefined {
  const v = crd.spec.versions.find((x) => x.name === version);
  return v?.schema.openAPIV3Schema as JSONSchemaProps | undefined;
}

export interface SchemaAdmission extends Omit<AdmissionRequest, 'crd' | 'version'> {
  schema: JSONSchemaProps;
}

/** admitCustomResource against an explicit schema (the oracle tests feed the real CRDs' schemas). */
export function admitWithSchema(req: SchemaAdmission): AdmissionResult {
  const obj = deepCopy(req.object) as KubeObject;
  const pruned = prune(obj, req.schema);
  const unknown = pruned.map((p) => `unknown field "${p}"`);
  normalize(obj, req.schema);
  let old: Record<string, unknown> | undefined;
  if (req.operation === 'UPDATE' && req.oldObject) {
    old = deepCopy(req.oldObject) as Record<string, unknown>;
    normalize(old, req.schema);
  }
  const errors = validateStructural(req.schema, obj, { old, statusOnly: req.subresource === 'status' });
  return {
    object: obj,
    causes: errors.map(toCause),
    warnings: req.fieldValidation === 'Warn' ? unknown : [],
    strictErrors: req.fieldValidation === 'Strict' ? unknown : [],
  };
}

export function admitCustomResource(req: AdmissionRequest): AdmissionResult {
  const schema = versionSchema(req.crd, req.version);
  if (!schema)
    return { object: deepCopy(req.object) as KubeObject, causes: [], warnings: [], strictErrors: [] };
  return admitWithSchema({ ...req, schema });
}

/** kube-apiserver defaults objects read from storage too (new defaults show up without a write). */
export function defaultOnRead(
  crd: CustomResourceDefinition,
  version: string,
  object: KubeObject,
): KubeObject {
  const schema = versionSchema(crd, version);
  if (!schema) return object;
  const copy = deepCopy(object);
  normalize(copy, schema);
  return copy;
}
