/**
 * kube-openapi's schemaPropsValidator: allOf / anyOf / oneOf / not. Their own failures carry no
 * field path (kube prints `<nil>: Invalid value: "": "spec.tls" must validate at least one
 * schema (anyOf)`); anyOf and oneOf also report the errors of the branch that matched best
 * (highest match count), as kube-openapi does.
 */
import { invalid } from './field-error.js';
import type { ValidationResult } from './openapi-result.js';
import type { JSONSchemaProps } from './schema.js';

/** `sub` validates the same value against one branch schema. */
export function schemaProps(
  s: JSONSchemaProps,
  path: string,
  sub: (schema: JSONSchemaProps) => ValidationResult,
): ValidationResult {
  const res: ValidationResult = { errors: [], matchCount: 0 };
  const composite = (msg: string) => invalid('<nil>', '', msg);
  if (s.anyOf?.length) {
    let best: ValidationResult | undefined;
    let ok = false;
    for (const branch of s.anyOf) {
      const r = sub(branch);
      if (r.errors.length === 0) {
        ok = true;
        best = r;
        break;
      }
      if (!best || r.matchCount > best.matchCount) best = r;
    }
    if (!ok) res.errors.push(composite(`${JSON.stringify(path)} must validate at least one schema (anyOf)`));
    if (best) {
      res.errors.push(...best.errors);
      res.matchCount += best.matchCount;
    }
  }
  if (s.oneOf?.length) {
    let valid = 0;
    let best: ValidationResult | undefined;
    let first: ValidationResult | undefined;
    for (const branch of s.oneOf) {
      const r = sub(branch);
      if (r.errors.length === 0) {
        valid++;
        best = undefined;
        first ??= r;
        continue;
      }
      if (valid === 0 && (!best || r.matchCount > best.matchCount)) best = r;
    }
    if (valid !== 1) {
      const extra = valid === 0 ? 'Found none valid' : `Found ${valid} valid alternatives`;
      res.errors.push(
        composite(`${JSON.stringify(path)} must validate one and only one schema (oneOf). ${extra}`),
      );
      if (best) res.errors.push(...best.errors);
    } else if (first) res.matchCount += first.matchCount;
  }
  if (s.allOf?.length) {
    let valid = 0;
    for (const branch of s.allOf) {
      const r = sub(branch);
      if (r.errors.length === 0) valid++;
      res.errors.push(...r.errors);
      res.matchCount += r.matchCount;
    }
    if (valid !== s.allOf.length)
      res.errors.push(
        composite(
          `${JSON.stringify(path)} must validate all the schemas (allOf)${valid === 0 ? '. None validated' : ''}`,
        ),
      );
  }
  if (s.not && sub(s.not).errors.length === 0)
    res.errors.push(composite(`${JSON.stringify(path)} must not validate the schema (not)`));
  return res;
}
