/**
 * field.Error from k8s.io/apimachinery/pkg/util/validation/field, with its exact wording:
 * `<field>: <Type string>[: <value>][: <detail>]`, values printed the way Go's fmt prints them.
 */
import type { StatusCause } from '../core/types.js';
import { goQuote, goValue } from './go-format.js';

export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

const TYPE_STRINGS: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

/** A value Go prints as "null" (a nil interface). */
export const NIL = Symbol('nil');

export interface FieldError {
  type: FieldErrorType;
  /** Rendered field path; `<nil>` when kube had no path (nil *field.Path). */
  field: string;
  badValue: unknown;
  detail: string;
}

/** Types whose body omits the bad value. */
const VALUELESS = new Set<FieldErrorType>([
  'FieldValueRequired',
  'FieldValueForbidden',
  'FieldValueTooLong',
  'InternalError',
]);

export function errorBody(e: FieldError): string {
  let s = TYPE_STRINGS[e.type];
  if (!VALUELESS.has(e.type)) s += `: ${renderBadValue(e.badValue)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

function renderBadValue(v: unknown): string {
  if (v === NIL || v === null || v === undefined) return goQuote('null');
  if (typeof v === 'string') return goQuote(v);
  return goValue(v);
}

export function errorString(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

export function toCause(e: FieldError): StatusCause {
  return { reason: e.type, message: errorBody(e), field: e.field };
}

export const required = (field: string, detail = ''): FieldError => ({
  type: 'FieldValueRequired',
  field,
  badValue: '',
  detail,
});
export const invalid = (field: string, value: unknown, detail: string): FieldError => ({
  type: 'FieldValueInvalid',
  field,
  badValue: value,
  detail,
});
export const typeInvalid = (field: string, value: unknown, detail: string): FieldError => ({
  type: 'FieldValueTypeInvalid',
  field,
  badValue: value,
  detail,
});
export const forbidden = (field: string, detail: string): FieldError => ({
  type: 'FieldValueForbidden',
  field,
  badValue: '',
  detail,
});
export const duplicate = (field: string, value: unknown): FieldError => ({
  type: 'FieldValueDuplicate',
  field,
  badValue: value,
  detail: '',
});
export const internalError = (field: string, detail: string): FieldError => ({
  type: 'InternalError',
  field,
  badValue: NIL,
  detail,
});

export function notSupported(field: string, value: unknown, supported: string[]): FieldError {
  const detail = supported.length > 0 ? `supported values: ${supported.map(goQuote).join(', ')}` : '';
  return { type: 'FieldValueNotSupported', field, badValue: value, detail };
}

/** field.TooLongMaxLength as kube-openapi's maxLength failures use it. */
export function tooLong(field: string, value: unknown, maxLength: number): FieldError {
  const detail = maxLength >= 0 ? `may not be longer than ${maxLength}` : 'value is too long';
  return { type: 'FieldValueTooLong', field, badValue: value, detail };
}

export function tooMany(field: string, actual: number, max: number): FieldError {
  return {
    type: 'FieldValueTooMany',
    field,
    badValue: actual,
    detail: max >= 0 ? `must have at most ${max} items` : 'too many items',
  };
}

/** field.Path rendering helpers: Child joins with '.', Index and Key use brackets. */
export const child = (path: string, name: string): string => (path ? `${path}.${name}` : name);
export const index = (path: string, i: number): string => `${path}[${i}]`;
export const key = (path: string, k: string): string => `${path}[${k}]`;
