import { badRequest } from '../../core/errors.js';

/** One requirement of a label selector (k8s.io/apimachinery/pkg/labels). */
export interface LabelRequirement {
  key: string;
  op: 'exists' | '!' | '=' | '!=' | 'in' | 'notin' | 'gt' | 'lt';
  values: string[];
}

export type Labels = Record<string, string> | undefined;

const TOKEN = /\s*(!=|==|=|!|\(|\)|,|>|<|[^\s!=(),<>]+)\s*/y;

function tokenize(input: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < input.length && (m = TOKEN.exec(input))) tokens.push(m[1] as string);
  return tokens;
}

/** Parses a selector string (`a=b,c!=d,e in (x,y),!f,g`); throws 400 BadRequest like the API server. */
export function parseLabelSelector(input: string | undefined): LabelRequirement[] {
  if (!input || input.trim() === '') return [];
  const t = tokenize(input);
  const reqs: LabelRequirement[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw badRequest(`unable to parse requirement: ${why}`);
  };
  const word = (): string => {
    const w = t[i++];
    if (w === undefined || ['!=', '==', '=', '!', '(', ')', ',', '>', '<'].includes(w))
      fail(`found '${w ?? ''}', expected: identifier`);
    return w as string;
  };
  while (i < t.length) {
    if (t[i] === '!') {
      i++;
      reqs.push({ key: word(), op: '!', values: [] });
    } else {
      const key = word();
      const op = t[i];
      if (op === undefined || op === ',') reqs.push({ key, op: 'exists', values: [] });
      else if (op === '=' || op === '==' || op === '!=') {
        i++;
        const next = t[i];
        const value = next === undefined || next === ',' ? '' : word();
        reqs.push({ key, op: op === '!=' ? '!=' : '=', values: [value] });
      } else if (op === 'in' || op === 'notin') {
        i++;
        if (t[i++] !== '(') fail(`found '${t[i - 1] ?? ''}', expected: '('`);
        const values: string[] = [];
        while (t[i] !== ')') {
          if (t[i] === undefined) fail("found '', expected: ')'");
          if (t[i] === ',') {
            i++;
            continue;
          }
          values.push(word());
        }
        i++;
        reqs.push({ key, op, values });
      } else if (op === '>' || op === '<') {
        i++;
        const v = word();
        if (!/^-?\d+$/.test(v)) fail(`for 'Gt', 'Lt' operators, the value must be an integer`);
        reqs.push({ key, op: op === '>' ? 'gt' : 'lt', values: [v] });
      } else fail(`found '${op}', expected: '=', '!=', '==', 'in', notin'`);
    }
    if (i < t.length) {
      if (t[i] !== ',') fail(`found '${t[i] ?? ''}', expected: ',' or 'end of string'`);
      i++;
    }
  }
  return reqs;
}

export function matchesRequirement(r: LabelRequirement, labels: Labels): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = has ? (labels as Record<string, string>)[r.key] : undefined;
  switch (r.op) {
    case 'exists':
      return has;
    case '!':
      return !has;
    case '=':
      return has && v === r.values[0];
    case '!=':
      return !has || v !== r.values[0];
    case 'in':
      return has && r.values.includes(v as string);
    case 'notin':
      return !has || !r.values.includes(v as string);
    case 'gt':
    case 'lt': {
      if (!has || !/^-?\d+$/.test(v as string)) return false;
      const n = Number(v);
      const bound = Number(r.values[0]);
      return r.op === 'gt' ? n > bound : n < bound;
    }
  }
}

export function matchesLabels(reqs: LabelRequirement[], labels: Labels): boolean {
  return reqs.every((r) => matchesRequirement(r, labels));
}

/** metav1.LabelSelector (matchLabels + matchExpressions), as workloads and services carry it. */
export interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** Converts a LabelSelector object into requirements; an empty selector matches everything. */
export function selectorObjectToRequirements(sel: LabelSelectorObject): LabelRequirement[] {
  const reqs: LabelRequirement[] = Object.entries(sel.matchLabels ?? {}).map(([key, v]) => ({
    key,
    op: '=',
    values: [v],
  }));
  for (const e of sel.matchExpressions ?? []) {
    const op = ({ In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' } as const)[
      e.operator as 'In'
    ];
    if (!op) throw badRequest(`"${e.operator}" is not a valid label selector operator`);
    reqs.push({ key: e.key, op, values: e.values ?? [] });
  }
  return reqs;
}

export function matchesSelectorObject(sel: LabelSelectorObject | undefined, labels: Labels): boolean {
  if (!sel) return false;
  return matchesLabels(selectorObjectToRequirements(sel), labels);
}

/** Renders a LabelSelector object as a selector string (what `kubectl describe` and status.selector show). */
export function formatSelectorObject(sel: LabelSelectorObject): string {
  const parts = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of sel.matchExpressions ?? []) {
    if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
    else parts.push(`${e.key} ${e.operator === 'In' ? 'in' : 'notin'} (${(e.values ?? []).join(',')})`);
  }
  return parts.join(',');
}
