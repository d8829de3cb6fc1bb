import { badRequest } from '../../core/errors.js';
import type { KubeObject } from '../../core/types.js';
import type { ResourceType } from '../resources/resource-type.js';

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

/** Splits on commas not escaped with a backslash (fields.ParseSelector). */
function splitTerms(input: string): string[] {
  const terms: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    const ch = input[i] as string;
    if (ch === '\\' && i + 1 < input.length) {
      cur += input[++i];
    } else if (ch === ',') {
      terms.push(cur);
      cur = '';
    } else cur += ch;
  }
  terms.push(cur);
  return terms.filter((t) => t.trim() !== '');
}

/** Parses `a=b,c!=d` and checks every field is one this resource supports (400 otherwise). */
export function parseFieldSelector(input: string | undefined, type: ResourceType): FieldRequirement[] {
  if (!input || input.trim() === '') return [];
  return splitTerms(input).map((term) => {
    const m = /^([^=!]+)(!=|==|=)(.*)$/.exec(term.trim());
    if (!m) throw badRequest(`invalid selector: '${input}'; can't understand '${term}'`);
    const field = (m[1] as string).trim();
    if (!fieldGetter(type, field)) throw badRequest(`field label not supported: ${field}`);
    return { field, op: m[2] === '!=' ? '!=' : '=', value: (m[3] as string).trim() };
  });
}

function fieldGetter(type: ResourceType, field: string): ((o: KubeObject) => string | undefined) | undefined {
  if (field === 'metadata.name') return (o) => o.metadata.name;
  if (field === 'metadata.namespace' && type.namespaced) return (o) => o.metadata.namespace;
  return type.fields[field];
}

export function matchesFields(reqs: FieldRequirement[], type: ResourceType, obj: KubeObject): boolean {
  return reqs.every((r) => {
    const v = fieldGetter(type, r.field)?.(obj) ?? '';
    return r.op === '=' ? v === r.value : v !== r.value;
  });
}
