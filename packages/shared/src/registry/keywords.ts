/**
 * Builders for TypeBox schemas that carry Kubernetes structural-schema keywords.
 *
 * Why helpers: the same schema must (1) type the server and UI through `Static`, (2) validate
 * with TypeBox's own validator and (3) become a CRD's openAPIV3Schema. Kubernetes-only keywords
 * (`x-kubernetes-*`, `nullable`) ride along as extra options that TypeBox ignores; the shapes
 * TypeBox writes differently from Kubernetes (null unions, records) are translated by the
 * sandbox's CRD builder.
 */
import Type, { type Static, type TSchema, type TUnsafe } from 'typebox';

/** One `x-kubernetes-validations` entry (a CEL rule). */
export interface CelRule {
  rule: string;
  message?: string;
  messageExpression?: string;
  reason?: 'FieldValueInvalid' | 'FieldValueForbidden' | 'FieldValueRequired' | 'FieldValueDuplicate';
  fieldPath?: string;
  optionalOldSelf?: boolean;
}

/** The structural-schema keywords Kubernetes understands besides plain JSON Schema. */
export interface KubeOptions {
  description?: string;
  default?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  uniqueItems?: boolean;
  nullable?: boolean;
  anyOf?: unknown[];
  allOf?: unknown[];
  oneOf?: unknown[];
  not?: unknown;
  'x-kubernetes-validations'?: CelRule[];
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: 'atomic' | 'granular';
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  [keyword: PropertyKey]: unknown;
}

export const str = (o: KubeOptions = {}) => Type.String(o);
export const bool = (o: KubeOptions = {}) => Type.Boolean(o);
/** `type: integer` without a format (Go `int`). */
export const int = (o: KubeOptions = {}) => Type.Integer(o);
export const int32 = (o: KubeOptions = {}) => Type.Integer({ format: 'int32', ...o });
export const int64 = (o: KubeOptions = {}) => Type.Integer({ format: 'int64', ...o });
/** RFC 3339 timestamp (metav1.Time). */
export const dateTime = (o: KubeOptions = {}) => Type.String({ format: 'date-time', ...o });
/** Go duration string such as `30s` or `1h2m` (metav1.Duration). */
export const duration = (o: KubeOptions = {}) => Type.String({ format: 'duration', ...o });

/** A string limited to `values` (`type: string` + `enum`, as Kubernetes writes it). */
export function stringEnum<const V extends readonly string[]>(
  values: V,
  o: KubeOptions = {},
): TUnsafe<V[number]> {
  return Type.Unsafe<V[number]>({ type: 'string', enum: [...values], ...o });
}

/** `map[string]string`: `type: object` + `additionalProperties: {type: string}`. */
export function stringMap(o: KubeOptions = {}): TUnsafe<Record<string, string>> {
  return Type.Unsafe<Record<string, string>>({
    type: 'object',
    additionalProperties: { type: 'string' },
    ...o,
  });
}

/** `map[string]T` */
export function mapOf<T extends TSchema>(value: T, o: KubeOptions = {}) {
  return Type.Unsafe<Record<string, Static<T>>>({ type: 'object', additionalProperties: value, ...o });
}

/** An object whose content Kubernetes keeps as is (`x-kubernetes-preserve-unknown-fields`). */
export function freeform(o: KubeOptions = {}): TUnsafe<Record<string, unknown>> {
  return Type.Unsafe<Record<string, unknown>>({
    type: 'object',
    'x-kubernetes-preserve-unknown-fields': true,
    ...o,
  });
}

/**
 * A nullable field. TypeBox sees `anyOf [T, null]` (so its validator accepts null); the CRD
 * builder turns it into T + `nullable: true`, which is how Kubernetes spells it.
 */
export function nullable<T extends TSchema>(schema: T, o: KubeOptions = {}) {
  return Type.Union([schema, Type.Null()], { ...o, nullable: true });
}

/** intstr.IntOrString (`x-kubernetes-int-or-string` with its anyOf). */
export function intOrString(o: KubeOptions = {}) {
  return Type.Union([Type.Integer(), Type.String()], { 'x-kubernetes-int-or-string': true, ...o });
}

/** resource.Quantity: int-or-string with the quantity pattern Kubernetes generates. */
export const QUANTITY_PATTERN =
  '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';
export const quantity = (o: KubeOptions = {}) => intOrString({ pattern: QUANTITY_PATTERN, ...o });

/** `+listType=atomic`: replaced as a whole on apply. */
export function atomicList<T extends TSchema>(items: T, o: KubeOptions = {}) {
  return Type.Array(items, { 'x-kubernetes-list-type': 'atomic', ...o });
}

/** `+listType=set`: scalar items, unique. */
export function setList<T extends TSchema>(items: T, o: KubeOptions = {}) {
  return Type.Array(items, { 'x-kubernetes-list-type': 'set', ...o });
}

/** `+listType=map` keyed by `keys`: items unique by those keys. */
export function mapList<T extends TSchema>(items: T, keys: string[], o: KubeOptions = {}) {
  return Type.Array(items, { 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': keys, ...o });
}

export const { Object: obj, Optional: opt, Array: list } = Type;
