/**
 * x-kubernetes-validations evaluation as apiextensions-apiserver's CEL validator does it:
 * rules of a node run with `self` (and `oldSelf` for transition rules, only when a correlated
 * old value exists), then its properties / additionalProperties / items are visited; null
 * values are not validated. A failing rule yields `<path>: Invalid value: "<schema type>":
 * <message>` (or Forbidden / Required / Duplicate per `reason`), at `fieldPath` when given.
 * Ratcheting: errors in values unchanged from the old object are dropped.
 */
import { compileRule, evaluate } from './cel-env.js';
import { toCel } from './cel-values.js';
import { correlateItem } from './correlation.js';
import {
  child,
  duplicate,
  forbidden,
  index,
  invalid,
  key,
  required,
  type FieldError,
} from './field-error.js';
import { deepEqual, isObject } from './json-value.js';
import { additionalSchema, sortedKeys, type CelRuleProps, type JSONSchemaProps } from './schema.js';

const NO_OLD = Symbol('no-old');

interface Correlation {
  /** The old value at this node, or NO_OLD when it cannot be correlated. */
  old: unknown;
  /** Whether the nearest correlatable ancestor is unchanged (ratchets uncorrelatable nodes). */
  parentUnchanged: boolean;
}

export function validateCel(s: JSONSchemaProps, obj: unknown, old: unknown | undefined): FieldError[] {
  return visit(s, obj, '', { old: old === undefined ? NO_OLD : old, parentUnchanged: false });
}

function visit(s: JSONSchemaProps, obj: unknown, path: string, corr: Correlation): FieldError[] {
  if (obj === null || obj === undefined) return [];
  const errs = validateRules(s, obj, path, corr);
  for (const branch of s.allOf ?? []) {
    // kube does not ratchet allOf rules: they are visited without the current correlation
    errs.push(...visit(branch, obj, path, { old: NO_OLD, parentUnchanged: corr.parentUnchanged }));
  }
  const unchanged = corr.old !== NO_OLD ? deepEqual(corr.old, obj) : corr.parentUnchanged;
  const childCorr = (oldChild: unknown): Correlation => ({
    old: corr.old === NO_OLD ? NO_OLD : oldChild,
    parentUnchanged: corr.old !== NO_OLD ? unchanged : corr.parentUnchanged,
  });
  if (Array.isArray(obj) && s.items) {
    const items = s.items;
    obj.forEach((item, i) =>
      errs.push(...visit(items, item, index(path, i), childCorr(correlateItem(s, item, corr.old, NO_OLD)))),
    );
  } else if (isObject(obj)) {
    const additional = additionalSchema(s);
    const oldMap = isObject(corr.old) ? corr.old : undefined;
    for (const k of sortedKeys(obj)) {
      const prop = s.properties?.[k];
      const oldChild = oldMap && k in oldMap ? oldMap[k] : NO_OLD;
      if (prop) errs.push(...visit(prop, obj[k], child(path, k), childCorr(oldChild)));
      else if (additional) errs.push(...visit(additional, obj[k], key(path, k), childCorr(oldChild)));
    }
  }
  return errs;
}

function ruleErrorString(rule: CelRuleProps): string {
  return rule.message?.trim() || rule.rule.trim();
}

function validateRules(s: JSONSchemaProps, obj: unknown, path: string, corr: Correlation): FieldError[] {
  const rules = s['x-kubernetes-validations'] ?? [];
  if (rules.length === 0) return [];
  const errs: FieldError[] = [];
  const type = s.type ?? '';
  const self = toCel(obj, s);
  const hasOld = corr.old !== NO_OLD && corr.old !== null;
  const oldSelf = hasOld ? toCel(corr.old, s) : null;
  const ratchet = corr.old !== NO_OLD ? deepEqual(corr.old, obj) : corr.parentUnchanged;
  const fieldPath = (p: string) => p || '<nil>';
  for (const rule of rules) {
    const compiled = compileRule(rule.rule);
    if (compiled.compileError || !compiled.program) {
      errs.push(
        invalid(fieldPath(path), type, `rule compile error: ${compiled.compileError ?? 'empty rule'}`),
      );
      continue;
    }
    if (compiled.usesOldSelf && !hasOld) continue;
    const result = evaluate(compiled.program, { self, oldSelf });
    if (!result.ok) {
      errs.push(invalid(fieldPath(path), type, `${result.error} evaluating rule: ${ruleErrorString(rule)}`));
      continue;
    }
    if (result.value === true) continue;
    if (!compiled.usesOldSelf && ratchet) continue;
    const at = rule.fieldPath ? child(path, rule.fieldPath.replace(/^\./, '')) : path;
    const detail = messageOf(rule, self, oldSelf);
    errs.push(errorForReason(fieldPath(at), type, detail, rule.reason));
  }
  return errs;
}

/** messageExpression when it yields a usable string, else message, else "failed rule: <rule>". */
function messageOf(rule: CelRuleProps, self: unknown, oldSelf: unknown): string {
  if (rule.messageExpression) {
    const compiled = compileRule(rule.messageExpression);
    if (compiled.program) {
      const r = evaluate(compiled.program, { self: self as never, oldSelf: oldSelf as never });
      if (r.ok && typeof r.value === 'string') {
        const msg = r.value.trim();
        if (msg && !msg.includes('\n')) return msg;
      }
    }
  }
  return rule.message?.trim() ? rule.message.trim() : `failed rule: ${rule.rule.trim()}`;
}

function errorForReason(path: string, type: string, detail: string, reason: string | undefined): FieldError {
  switch (reason) {
    case 'FieldValueForbidden':
      return forbidden(path, detail);
    case 'FieldValueRequired':
      return required(path, detail);
    case 'FieldValueDuplicate':
      return duplicate(path, type);
    default:
      return invalid(path, type, detail);
  }
}
