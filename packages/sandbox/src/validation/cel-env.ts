/**
 * The CEL environment of CRD validation rules: @bufbuild/cel with the standard library, the
 * strings extension (lowerAscii, …) and the Kubernetes list library functions these CRDs use
 * (`sum()`; `min()`, `max()`, `isSorted()` alongside). Programs are compiled once and cached.
 */
import {
  celEnv,
  celMethod,
  CelScalar,
  isCelError,
  listType,
  parse,
  plan,
  type CelInput,
  type CelResult,
} from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';

const { DYN, BOOL } = CelScalar;

/** Sums ints as int (bigint) and doubles as double, like the Kubernetes lists library. */
function sum(list: unknown[]): bigint | number {
  if (list.every((v) => typeof v === 'bigint')) return (list as bigint[]).reduce((a, b) => a + b, 0n);
  return list.reduce<number>((a, b) => a + Number(b), 0);
}

function extreme(
  list: unknown[],
  pick: (a: bigint | number | string, b: bigint | number | string) => boolean,
) {
  if (list.length === 0) throw new Error('min/max called on empty list');
  return (list as Array<bigint | number | string>).reduce((a, b) => (pick(b, a) ? b : a));
}

// One overload per name on list(dyn): element types are only known at run time here.
const kubeLists = [
  celMethod('sum', listType(DYN), [], DYN, function () {
    return sum([...this]);
  }),
  celMethod('min', listType(DYN), [], DYN, function () {
    return extreme([...this], (a, b) => a < b);
  }),
  celMethod('max', listType(DYN), [], DYN, function () {
    return extreme([...this], (a, b) => a > b);
  }),
  celMethod('isSorted', listType(DYN), [], BOOL, function () {
    const l = [...this] as Array<bigint | number | string>;
    return l.every((v, i) => i === 0 || (l[i - 1] as bigint | number | string) <= v);
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
  if (isCelError(result))
    return { ok: false, error: result.message.replace(/^field not found: /, 'no such key: ') };
  return { ok: true, value: result };
}
