import { type ApiError, badRequest, invalid } from '../../core/errors.js';
import type { KubeObject, StatusCause } from '../../core/types.js';
import { admitCustomResource, invalidMessage } from '../../validation/index.js';
import { apiVersionOf, type ResourceType } from '../resources/resource-type.js';
import { invalidValue } from './field-errors.js';
import { goJson } from './go-json.js';
import { validateObjectMeta } from './object-meta.js';
import { normalizeSecret } from './secrets.js';
import { pruneUnknownFields } from './unknown-fields.js';

export type Operation = 'CREATE' | 'UPDATE';

export interface AdmitInput {
  type: ResourceType;
  operation: Operation;
  /** The request came as a patch (strict-field errors are then 422, not 400): its type and body. */
  patch?: { type: string; body: unknown };
  subresource?: 'status';
  object: KubeObject;
  old?: KubeObject;
  fieldValidation: 'Strict' | 'Warn' | 'Ignore';
  /**
   * Strict-decoding findings of the request body itself (`duplicate field "spec.replicas"`):
   * reported before the unknown fields, as kube appends the patch's own strict errors first.
   */
  decodeErrors?: string[];
}

export interface Admitted {
  object: KubeObject;
  warnings: string[];
}

/** Go's `%+v` of a decoded JSON map (how kube quotes a strategic merge patch in errors). */
function goValue(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (typeof v === 'object' && v !== null)
    return `map[${Object.keys(v)
      .sort()
      .map((k) => `${k}:${goValue((v as Record<string, unknown>)[k])}`)
      .join(' ')}]`;
  return v === null ? '<nil>' : String(v);
}

/**
 * Unknown fields under fieldValidation=Strict. A create or update is a decode error (400); a
 * patch is decoded after it is applied, so kube answers 422 Invalid on the field `patch` with an
 * empty kind and name, quoting the patched object (JSON/merge, as Go re-marshals it: keys sorted)
 * or the patch map (strategic).
 */
function strictFailure(input: AdmitInput, messages: string[]): ApiError {
  const message = `strict decoding error: ${messages.join(', ')}`;
  // Create and update decode the body strictly: transformDecodeError's 400 wording.
  const { kind, version } = input.type;
  if (!input.patch)
    return badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: ${message}`);
  const shown = input.patch.type === 'strategic' ? goValue(input.patch.body) : goJson(input.object);
  const cause: StatusCause = {
    reason: 'FieldValueInvalid',
    field: 'patch',
    message: `Invalid value: ${JSON.stringify(shown)}: ${message}`,
  };
  return invalid('', '', '', [cause]);
}

function invalidError(type: ResourceType, name: string, causes: StatusCause[]): ApiError {
  if (type.crd) {
    return invalid(type.group, type.kind, name, causes, invalidMessage(type.kind, type.group, name, causes));
  }
  return invalid(type.group, type.kind, name, causes);
}

/**
 * The admission chain every write goes through, in kube-apiserver's order: decode checks
 * (apiVersion/kind, Secret base64, unknown fields), defaulting, then validation (ObjectMeta +
 * the kind's rules, or the CRD's structural schema and CEL rules for custom resources).
 */
export function admit(input: AdmitInput): Admitted {
  const { type } = input;
  const obj = structuredClone(input.object);
  const expected = apiVersionOf(type);
  if (
    obj.apiVersion !== undefined &&
    obj.apiVersion !== expected &&
    !(type.crd && obj.apiVersion.startsWith(`${type.group}/`))
  )
    throw badRequest(
      `the API version in the data (${obj.apiVersion}) does not match the expected API version (${expected})`,
    );
  if (obj.kind !== undefined && obj.kind !== type.kind) {
    // A custom resource decodes whatever kind it names; customResourceValidator.ValidateTypeMeta
    // then refuses it alone: 422 on the field `kind`, named by the body's kind (kube-apiserver-facts.md).
    if (type.crd)
      throw invalid(type.group, String(obj.kind), obj.metadata?.name ?? '', [
        invalidValue('kind', obj.kind, `must be ${type.kind}`),
      ]);
    throw badRequest(`the kind in the data (${obj.kind}) does not match the expected kind (${type.kind})`);
  }
  obj.apiVersion = expected;
  obj.kind = type.kind;
  if (typeof obj.metadata !== 'object' || obj.metadata === null) obj.metadata = {};
  const warnings: string[] = [];

  if (type.crd) {
    const result = admitCustomResource({
      crd: type.crd,
      version: type.version,
      operation: input.operation,
      subresource: input.subresource,
      object: obj,
      oldObject: input.old,
      fieldValidation: input.fieldValidation,
    });
    const strictErrors = [...(input.decodeErrors ?? []), ...result.strictErrors];
    if (input.fieldValidation === 'Strict' && strictErrors.length > 0)
      throw strictFailure(input, strictErrors);
    const causes = [...validateObjectMeta(type, result.object, input.old), ...result.causes];
    if (causes.length > 0) throw invalidError(type, obj.metadata.name ?? '', causes);
    if (input.fieldValidation === 'Warn') warnings.push(...(input.decodeErrors ?? []));
    if (input.fieldValidation !== 'Ignore') warnings.push(...result.warnings);
    return { object: result.object, warnings };
  }

  const unknown = [...(input.decodeErrors ?? []), ...pruneUnknownFields(obj)];
  if (unknown.length > 0) {
    if (input.fieldValidation === 'Strict') throw strictFailure(input, unknown);
    if (input.fieldValidation === 'Warn') warnings.push(...unknown);
  }
  if (type.kind === 'Secret') normalizeSecret(obj);
  type.applyDefaults?.(obj);
  const causes = [...validateObjectMeta(type, obj, input.old), ...(type.validate?.(obj, input.old) ?? [])];
  if (causes.length > 0) throw invalidError(type, obj.metadata.name ?? '', causes);
  return { object: obj, warnings };
}
