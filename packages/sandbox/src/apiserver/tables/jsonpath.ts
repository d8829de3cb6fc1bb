/**
 * The subset of client-go's JSONPath that CRD additionalPrinterColumns use:
 * `.a.b`, `[n]`, `[*]`, `['key']` and filters `[?(@.field=="value")]` (==, !=).
 */
type Step =
  | { field: string }
  | { index: number }
  | { all: true }
  | { filter: { path: string[]; op: '==' | '!='; value: string } };

function parse(path: string): Step[] {
  const steps: Step[] = [];
  let s = path.trim().replace(/^\{|\}$/g, '');
  if (s.startsWith('$')) s = s.slice(1);
  let i = 0;
  while (i < s.length) {
    if (s[i] === '.') {
      i++;
      const m = /^[^.[]+/.exec(s.slice(i));
      if (m) {
        steps.push({ field: m[0] });
        i += m[0].length;
      }
    } else if (s[i] === '[') {
      const end = s.indexOf(']', s.startsWith('[?(', i) ? s.indexOf(')]', i) : i);
      const inner = s.slice(i + 1, end);
      i = end + 1;
      if (inner === '*') steps.push({ all: true });
      else if (/^-?\d+$/.test(inner)) steps.push({ index: Number(inner) });
      else if (/^'.*'$|^".*"$/.test(inner)) steps.push({ field: inner.slice(1, -1) });
      else {
        const m = /^\?\(@\.([\w.]+)\s*(==|!=)\s*(?:"([^"]*)"|'([^']*)'|([^)\s]+))\s*\)$/.exec(inner);
        if (!m) throw new Error(`unsupported JSONPath expression: [${inner}]`);
        steps.push({
          filter: {
            path: (m[1] as string).split('.'),
            op: m[2] as '==' | '!=',
            value: m[3] ?? m[4] ?? m[5] ?? '',
          },
        });
      }
    } else i++;
  }
  return steps;
}

function get(v: unknown, key: string): unknown {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)[key]
    : undefined;
}

/** All values a path selects (empty when nothing matches). */
export function jsonPathValues(obj: unknown, path: string): unknown[] {
  let cur: unknown[] = [obj];
  for (const step of parse(path)) {
    const next: unknown[] = [];
    for (const v of cur) {
      if ('field' in step) {
        const x = get(v, step.field);
        if (x !== undefined) next.push(x);
      } else if ('index' in step) {
        if (Array.isArray(v)) {
          const x = v[step.index < 0 ? v.length + step.index : step.index];
          if (x !== undefined) next.push(x);
        }
      } else if ('all' in step) {
        if (Array.isArray(v)) next.push(...v);
        else if (typeof v === 'object' && v !== null) next.push(...Object.values(v));
      } else if (Array.isArray(v)) {
        for (const item of v) {
          let x: unknown = item;
          for (const k of step.filter.path) x = get(x, k);
          const str = x === undefined || x === null ? undefined : String(x);
          if (step.filter.op === '==' ? str === step.filter.value : str !== step.filter.value)
            next.push(item);
        }
      }
    }
    cur = next;
  }
  return cur;
}
