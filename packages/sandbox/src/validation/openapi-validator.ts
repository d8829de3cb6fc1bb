/**
 * Value validation of a structural schema as kube-openapi's SchemaValidator does it for CRDs,
 * converted to field errors the way apiextensions-apiserver does (kubeOpenAPIResultToFieldErrors):
 * same validators in the same order (type, allOf/anyOf/oneOf/not, string, format, number, array,
 * enum, object), same paths (`spec.replicas`, `spec.routes[0].name`, `spec.nodeSelector.key`) and
 * messages (`spec.replicas in body must be of type integer: "string"`).
 *
 * Ratcheting (CRDValidationRatcheting, on by default since 1.30): on update, errors found in a
 * value equal to its correlated old value are dropped, so unchanged invalid data stays writable.
 */
import { goValue } from './go-format.js';
import {
  invalid,
  NIL,
  notSupported,
  required,
  tooLong,
  tooMany,
  typeInvalid,
  type FieldError,
} from './field-error.js';
import { checkFormat, supportedFormat } from './formats.js';
import { deepEqual, isObject, kindOf } from './json-value.js';
import { additionalSchema, sortedKeys, type JSONSchemaProps } from './schema.js';
import { correlateItem } from './correlation.js';
import { schemaProps } from './openapi-combinators.js';
import type { ValidationResult } from './openapi-result.js';

type Result = ValidationResult;

/** No correlated old value (create, or a node that cannot be correlated). */
const NO_OLD = Symbol('no-old');
type Old = unknown;

/**
 * The field.Path a kube-openapi error name becomes: `.spec` → `spec` (kube trims the dot), under
 * `fieldRoot` when the validated value is a part of the object (the status subresource validates
 * `.status` alone, so its messages say `conditions[0].type in body` at field
 * `status.conditions[0].type`); no name and no root is kube's nil path.
 * Module state is safe here: validation is synchronous and validateValue is not reentrant.
 */
let fieldRoot = '';
function errPath(name: string): string {
  const trimmed = name.startsWith('.') ? name.slice(1) : name;
  if (fieldRoot) return trimmed ? `${fieldRoot}.${trimmed}` : fieldRoot;
  return trimmed === '' ? '<nil>' : trimmed;
}

const inBody = (path: string) => `${path} in body`;

function typesOf(s: JSONSchemaProps): string[] {
  if (s['x-kubernetes-int-or-string']) return ['integer', 'string'];
  return s.type ? [s.type] : [];
}

/** Validates `value` against schema `s`; errors are reported under `root` (a field path) if given. */
export function validateValue(
  s: JSONSchemaProps,
  value: unknown,
  old: Old = NO_OLD,
  root = '',
): FieldError[] {
  fieldRoot = root;
  try {
    return validateNode(s, value, '', old).errors;
  } finally {
    fieldRoot = '';
  }
}

export { NO_OLD };

function validateNode(s: JSONSchemaProps, value: unknown, path: string, old: Old): Result {
  const res = runValidators(s, value, path, old);
  // ratcheting: an unchanged value keeps passing, whatever the schema says now
  if (res.errors.length > 0 && old !== NO_OLD && deepEqual(old, value))
    return { errors: [], matchCount: res.matchCount };
  return res;
}

function runValidators(s: JSONSchemaProps, value: unknown, path: string, old: Old): Result {
  const res: Result = { errors: [], matchCount: 0 };
  const types = typesOf(s);
  const format = supportedFormat(s.format);
  if (value === null || value === undefined) {
    if (types.length > 0 || format) res.errors.push(...typeCheck(s, types, format, null, path));
    res.errors.push(...enumCheck(s, null, path));
    return res;
  }
  const kind = kindOf(value);
  const run = (applies: boolean, fn: () => FieldError[] | Result) => {
    if (!applies) return;
    const out = fn();
    if (Array.isArray(out)) res.errors.push(...out);
    else {
      res.errors.push(...out.errors);
      res.matchCount += out.matchCount;
    }
    res.matchCount++;
  };
  run(types.length > 0 || !!format, () => typeCheck(s, types, format, value, path));
  run(true, () => schemaProps(s, path, (branch) => runValidators(branch, value, path, old)));
  run(kind === 'string' && (s.maxLength !== undefined || s.minLength !== undefined || !!s.pattern), () =>
    stringChecks(s, value as string, path),
  );
  run(kind === 'string' && !!format, () => formatCheck(s, format ?? '', value as string, path));
  run(
    (kind === 'integer' || kind === 'number') &&
      (s.multipleOf !== undefined || s.maximum !== undefined || s.minimum !== undefined),
    () => numberChecks(s, value as number, path),
  );
  run(kind === 'array', () => sliceChecks(s, value as unknown[], path, old));
  run(true, () => enumCheck(s, value, path));
  run(kind === 'object', () => objectChecks(s, value as Record<string, unknown>, path, old));
  res.matchCount++;
  return res;
}

function typeCheck(
  s: JSONSchemaProps,
  types: string[],
  format: string | undefined,
  value: unknown,
  path: string,
): FieldError[] {
  const fail = (expected: string, actual: string) => [
    typeInvalid(errPath(path), actual, `${inBody(path)} must be of type ${expected}: ${goValue(actual)}`),
  ];
  if (value === null) {
    if (types.length > 0 && !types.includes('null') && !s.nullable) return fail(types.join(','), 'null');
    return [];
  }
  const kind = kindOf(value);
  const numeric = types.includes('number') || types.includes('integer');
  // a string/array with a (supported) format on a non-numeric schema skips the type check, as kube-openapi does
  if (!numeric && format && (kind === 'string' || kind === 'array')) return [];
  const isFloatInt = kind === 'number' && Number.isInteger(value) && types.includes('integer');
  const isIntFloat = kind === 'integer' && types.includes('number');
  if (types.includes(kind) || isFloatInt || isIntFloat) return [];
  return fail(types.join(','), kind);
}

function stringChecks(s: JSONSchemaProps, value: string, path: string): FieldError[] {
  const length = [...value].length; // runes, like utf8.RuneCountInString
  if (s.maxLength !== undefined && length > s.maxLength) return [tooLong(errPath(path), value, s.maxLength)];
  if (s.minLength !== undefined && length < s.minLength)
    return [invalid(errPath(path), value, `${inBody(path)} should be at least ${s.minLength} chars long`)];
  if (s.pattern && !patternMatches(s.pattern, value))
    return [invalid(errPath(path), value, `${inBody(path)} should match '${s.pattern}'`)];
  return [];
}

const patternCache = new Map<string, RegExp | null>();
/** ECMA patterns as kube-openapi compiles them (Go regexp, unanchored search). */
function patternMatches(pattern: string, value: string): boolean {
  let re = patternCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern, 'u');
    } catch {
      re = new RegExp(pattern);
    }
    patternCache.set(pattern, re);
  }
  return re === null || re.test(value);
}

function formatCheck(s: JSONSchemaProps, format: string, value: string, path: string): FieldError[] {
  if (checkFormat(format, value)) return [];
  return [
    typeInvalid(
      errPath(path),
      value,
      `${inBody(path)} must be of type ${s.format ?? format}: ${goValue(value)}`,
    ),
  ];
}

function numberChecks(s: JSONSchemaProps, value: number, path: string): FieldError[] {
  const out: FieldError[] = [];
  const p = errPath(path);
  if (s.multipleOf !== undefined && s.multipleOf > 0 && !Number.isInteger(value / s.multipleOf))
    out.push(invalid(p, value, `${inBody(path)} should be a multiple of ${goValue(s.multipleOf)}`));
  if (s.maximum !== undefined && (s.exclusiveMaximum ? value >= s.maximum : value > s.maximum))
    out.push(
      invalid(
        p,
        value,
        `${inBody(path)} should be less than${s.exclusiveMaximum ? '' : ' or equal to'} ${goValue(s.maximum)}`,
      ),
    );
  if (s.minimum !== undefined && (s.exclusiveMinimum ? value <= s.minimum : value < s.minimum))
    out.push(
      invalid(
        p,
        value,
        `${inBody(path)} should be greater than${s.exclusiveMinimum ? '' : ' or equal to'} ${goValue(s.minimum)}`,
      ),
    );
  return out;
}

function sliceChecks(s: JSONSchemaProps, value: unknown[], path: string, old: Old): Result {
  const res: Result = { errors: [], matchCount: 0 };
  const p = errPath(path);
  if (s.minItems !== undefined && value.length < s.minItems)
    res.errors.push(invalid(p, value.length, `${inBody(path)} should have at least ${s.minItems} items`));
  if (s.maxItems !== undefined && value.length > s.maxItems)
    res.errors.push(tooMany(p, value.length, s.maxItems));
  if (s.uniqueItems && value.some((x, i) => value.findIndex((y) => deepEqual(x, y)) !== i))
    res.errors.push(invalid(p, '', `${inBody(path)} shouldn't contain duplicates`)); // kube prints a nil value as "" here
  if (s.items) {
    value.forEach((item, i) => {
      const r = validateNode(
        s.items as JSONSchemaProps,
        item,
        `${path}[${i}]`,
        correlateItem(s, item, old, NO_OLD),
      );
      res.errors.push(...r.errors);
      res.matchCount += r.matchCount;
    });
  }
  return res;
}

function enumCheck(s: JSONSchemaProps, value: unknown, path: string): FieldError[] {
  if (!s.enum || s.enum.length === 0) return [];
  if (s.enum.some((e) => deepEqual(e, value ?? null))) return [];
  const supported = s.enum.map((e) => (typeof e === 'string' ? e : JSON.stringify(e)));
  return [notSupported(errPath(path), value ?? NIL, supported)];
}

const oldChild = (old: Old, key: string): Old => (isObject(old) && key in old ? old[key] : NO_OLD);

function objectChecks(s: JSONSchemaProps, value: Record<string, unknown>, path: string, old: Old): Result {
  const res: Result = { errors: [], matchCount: 0 };
  const merge = (r: Result) => {
    res.errors.push(...r.errors);
    res.matchCount += r.matchCount;
  };
  const p = errPath(path);
  const n = Object.keys(value).length;
  if (s.minProperties !== undefined && n < s.minProperties)
    return {
      errors: [
        invalid(p, s.minProperties, `${inBody(path)} should have at least ${s.minProperties} properties`),
      ],
      matchCount: 0,
    };
  if (s.maxProperties !== undefined && n > s.maxProperties)
    return { errors: [tooMany(p, s.maxProperties, s.maxProperties)], matchCount: 0 };
  const additional = additionalSchema(s);
  if (s.additionalProperties === false) {
    for (const k of sortedKeys(value)) {
      if (!s.properties?.[k]) res.errors.push(invalid(p, k, `${path}.${k} in body is a forbidden property`));
    }
  } else if (additional) {
    for (const k of sortedKeys(value)) {
      if (!s.properties?.[k]) merge(validateNode(additional, value[k], `${path}.${k}`, oldChild(old, k)));
    }
  }
  for (const k of sortedKeys(s.properties ?? {})) {
    if (k in value)
      merge(
        validateNode(
          (s.properties as Record<string, JSONSchemaProps>)[k] as JSONSchemaProps,
          value[k],
          path ? `${path}.${k}` : k,
          oldChild(old, k),
        ),
      );
  }
  for (const k of s.required ?? []) {
    if (!(k in value)) res.errors.push(required(errPath(`${path}.${k}`)));
  }
  return res;
}
