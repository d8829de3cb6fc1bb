/**
 * The validation half of a custom resource write, in kube-apiserver's order
 * (customResourceStrategy.Validate / ValidateUpdate): OpenAPI schema, embedded resources,
 * list-type invariants, then CEL rules — unless an earlier error is "blocking", in which case
 * kube skips CEL and says so.
 */
import { validateCel } from './cel-validator.js';
import { child, invalid, NIL, required, type FieldError } from './field-error.js';
import { isObject } from './json-value.js';
import { validateListSetsAndMaps } from './listtype.js';
import { NO_OLD, validateValue } from './openapi-validator.js';
import { hasCelRules, sortedKeys, type JSONSchemaProps } from './schema.js';

const BLOCKING = new Set([
  'FieldValueNotSupported',
  'FieldValueRequired',
  'FieldValueTooLong',
  'FieldValueTooMany',
  'FieldValueTypeInvalid',
]);
export const CEL_SKIPPED =
  'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation';

export interface ValidateOptions {
  /** The stored object on update (enables ratcheting and CEL transition rules). */
  old?: Record<string, unknown>;
  /** A status subresource write: the OpenAPI schema check covers `.status` only (CEL still sees it all). */
  statusOnly?: boolean;
}

export function validateStructural(
  schema: JSONSchemaProps,
  obj: Record<string, unknown>,
  opts: ValidateOptions = {},
): FieldError[] {
  const old = opts.old;
  const errs: FieldError[] = [];
  const statusSchema = schema.properties?.status;
  if (opts.statusOnly && statusSchema) {
    // customResourceValidator.ValidateStatusUpdate: only .status, against the status schema
    if (isObject(obj) && 'status' in obj)
      errs.push(
        ...validateValue(statusSchema, obj.status, old && 'status' in old ? old.status : NO_OLD, 'status'),
      );
  } else errs.push(...validateValue(schema, obj, old ?? NO_OLD));
  errs.push(...validateEmbeddedResources(schema, obj, ''));
  if (!isObject(obj)) return errs; // a non-object already failed the root type check
  // list-type uniqueness is ratcheted as a whole: kube skips it when the old object already broke it
  if (!old || validateListSetsAndMaps('', schema, old).length === 0)
    errs.push(...validateListSetsAndMaps('', schema, obj));
  if (hasCelRules(schema)) {
    if (errs.some((e) => BLOCKING.has(e.type))) errs.push(invalid('<nil>', NIL, CEL_SKIPPED));
    else errs.push(...validateCel(schema, obj, old));
  }
  return errs;
}

/** x-kubernetes-embedded-resource values must name their apiVersion and kind (schema/objectmeta). */
function validateEmbeddedResources(s: JSONSchemaProps, x: unknown, path: string, root = true): FieldError[] {
  const errs: FieldError[] = [];
  if (Array.isArray(x)) {
    if (s.items)
      x.forEach((item, i) =>
        errs.push(...validateEmbeddedResources(s.items as JSONSchemaProps, item, `${path}[${i}]`, false)),
      );
    return errs;
  }
  if (!isObject(x)) return errs;
  if (!root && s['x-kubernetes-embedded-resource']) {
    if (!x.apiVersion) errs.push(required(child(path, 'apiVersion'), 'must not be empty'));
    if (!x.kind) errs.push(required(child(path, 'kind'), 'must not be empty'));
  }
  for (const k of sortedKeys(x)) {
    const sub =
      s.properties?.[k] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
    if (sub)
      errs.push(
        ...validateEmbeddedResources(sub, x[k], s.properties?.[k] ? child(path, k) : `${path}[${k}]`, false),
      );
  }
  return errs;
}
