/**
 * The CEL environment of CRD validation rules: @bufbuild/cel with the standard library, the
 * strings extension (lowerAscii, …) and the Kubernetes list library functions these CRDs use
 * (`sum()`; `min()`, `max()`, `isSorted()` alongside). Programs are compiled once and cached.
 */
import { celEnv, celMethod, CelScalar, isCelError, listType, parse, plan, type CelInput, type CelResult } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';

const { INT, DOUBLE, BOOL, STRING } = CelScalar;

function listOf<T>(list: Iterable<unknown>): T[] {
  return [...list] as T[];
}

const kubeLists = [
  celMethod('sum', listType(INT), [], INT, function () {
    return listOf<bigint>(this).reduce((a, b) => a + b, 0n);
  }),
  celMethod('sum', listType(DOUBLE), [], DOUBLE, function () {
    return listOf<number>(this).reduce((a, b) => a + b, 0);
  }),
  celMethod('min', listType(INT), [], INT, function () {
    const l = listOf<bigint>(this);
    if (l.length === 0) throw new Error('min called on empty list');
    return l.reduce((a, b) => (b < a ? b : a));
  }),
  celMethod('max', listType(INT), [], INT, function () {
    const l = listOf<bigint>(this);
    if (l.length === 0) throw new Error('max called on empty list');
    return l.reduce((a, b) => (b > a ? b : a));
  }),
  celMethod('isSorted', listType(INT), [], BOOL, function () {
    const l = listOf<bigint>(this);
    return l.every((v, i) => i === 0 || (l[i - 1] as bigint) <= v);
  }),
  celMethod('isSorted', listType(STRING), [], BOOL, function () {
    const l = listOf<string>(this);
    return l.every((v, i) => i === 0 || (l[i - 1] as string) <= v);
  }),
];

const env = celEnv({
  funcs: [...strings, ...kubeLists],
  variables: { self: CelScalar.DYN, oldSelf: CelScalar.DYN },
});

export type CelProgram = (bindings: { self: CelInput; oldSelf?: CelInput }) => CelResult;

export interface CompiledRule {
  program?: CelProgram;
  /** Transition rules are only evaluated on update, where an old value exists. */
  usesOldSelf: boolean;
  compileError?: string;
}

const cache = new Map<string, CompiledRule>();

export function compileRule(expression: string): CompiledRule {
  let compiled = cache.get(expression);
  if (!compiled) {
    const usesOldSelf = /\boldSelf\b/.test(expression);
    try {
      const program = plan(env, parse(expression)) as CelProgram;
      compiled = { program, usesOldSelf };
    } catch (e) {
      compiled = { usesOldSelf, compileError: e instanceof Error ? e.message : String(e) };
    }
    cache.set(expression, compiled);
  }
  return compiled;
}

export type Evaluation = { ok: true; value: unknown } | { ok: false; error: string };

/** Runs a program; CEL errors are worded like cel-go's where they differ ("no such key"). */
export function evaluate(program: CelProgram, bindings: { self: CelInput; oldSelf?: CelInput }): Evaluation {
  let result: CelResult;
  try {
    result = program(bindings);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  if (isCelError(result)) return { ok: false, error: result.message.replace(/^field not found: /, 'no such key: ') };
  return { ok: true, value: result };
}
