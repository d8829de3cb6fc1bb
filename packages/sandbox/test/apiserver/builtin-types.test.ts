import * as k8s from '@kubernetes/client-node';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_KIND_MODELS, BUILTIN_STRUCTS } from '../../src/apiserver/structs/builtin-structs.js';
import { OPENSHIFT_KIND_STRUCTS, OPENSHIFT_STRUCTS } from '../../src/apiserver/structs/openshift-structs.js';
import { ApiServer } from '../../src/apiserver/api-server.js';
import { ScaledClock } from '../../src/core/clock.js';
import { kindModel } from './builtin-fields-oracle.js';

/**
 * The sandbox describes built-in kinds once: a table of their structs
 * (src/apiserver/structs/builtin-structs.ts), read by strict decoding and by /openapi/v2,
 * generated here from @kubernetes/client-node's models (k8s.io/api). Regenerate with
 * `UPDATE_BUILTIN_TYPES=1 npx vitest run test/apiserver/builtin-types.test.ts`.
 */
const TABLE = fileURLToPath(new URL('../../src/apiserver/structs/builtin-structs.ts', import.meta.url));
interface Attribute {
  baseName: string;
  type: string;
}
const models = k8s as unknown as Record<string, { getAttributeTypeMap?(): Attribute[] } | undefined>;

/** client-node's type string → the table's reference: '' (leaf), 'X', '[]X', '{}X'. */
function ref(type: string): string {
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return refOrLeaf('[]', ref(array[1] as string));
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return refOrLeaf('{}', ref(map[1] as string));
  return models[type]?.getAttributeTypeMap ? type : '';
}
const refOrLeaf = (prefix: string, inner: string): string => (inner ? `${prefix}${inner}` : '');

function structsOf(roots: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const queue = [...roots];
  for (let model = queue.shift(); model; model = queue.shift()) {
    if (out[model] !== undefined) continue;
    const attrs = models[model]?.getAttributeTypeMap?.() ?? [];
    out[model] = attrs.map((a) => (ref(a.type) ? `${a.baseName}:${ref(a.type)}` : a.baseName)).join(' ');
    for (const a of attrs) {
      const child = ref(a.type).replace(/^(\[\]|\{\})+/, '');
      if (child) queue.push(child);
    }
  }
  return out;
}

function render(kinds: Record<string, string>, structs: Record<string, string>): string {
  const lines = (o: Record<string, string>) =>
    Object.keys(o)
      .sort()
      .map((k) => `  ${k}: '${o[k]}',`)
      .join('\n');
  return `/**
 * The JSON fields of every struct a served built-in kind is made of (k8s.io/api), read by strict
 * decoding at every depth and by /openapi/v2 for the real field names (see ./index.ts): per
 * struct, space-separated \`field\` (a leaf: scalar, quantity, int-or-string, time, string map,
 * RawExtension) or \`field:Ref\` where Ref is a struct, \`[]Struct\` (list) or \`{}Struct\` (map).
 * Generated from @kubernetes/client-node's models by
 * \`UPDATE_BUILTIN_TYPES=1 npx vitest run test/apiserver/builtin-types.test.ts\`; do not edit.
 */
export const BUILTIN_KIND_MODELS: Record<string, string> = {
${lines(kinds)}
};

export const BUILTIN_STRUCTS: Record<string, string> = {
${lines(structs)}
};
`;
}

describe('built-in struct table (strict decoding at every depth)', () => {
  const api = new ApiServer({ clock: new ScaledClock(0.01) });
  const served = api.registry.all().filter((t) => !t.crd && !t.group.endsWith('.openshift.io'));
  const kinds = Object.fromEntries(
    served.flatMap((t) => (kindModel(t.kind) ? [[t.kind, kindModel(t.kind) as string]] : [])),
  );
  const structs = structsOf(Object.values(kinds));

  it('is the one client-node models give (regenerate with UPDATE_BUILTIN_TYPES=1)', () => {
    if (process.env.UPDATE_BUILTIN_TYPES) writeFileSync(TABLE, render(kinds, structs));
    expect(Object.keys(kinds)).toEqual(
      expect.arrayContaining(['Deployment', 'Pod', 'Secret', 'CronJob', 'Event', 'RoleBinding']),
    );
    expect(BUILTIN_KIND_MODELS).toEqual(kinds);
    expect(BUILTIN_STRUCTS).toEqual(structs);
  });

  it('every struct the OpenShift table names exists in one of the two tables', () => {
    const known = new Set([...Object.keys(BUILTIN_STRUCTS), ...Object.keys(OPENSHIFT_STRUCTS)]);
    const refs = [
      ...Object.values(OPENSHIFT_KIND_STRUCTS),
      ...Object.values(OPENSHIFT_STRUCTS).flatMap((s) => s.split(' ').flatMap((f) => f.split(':').slice(1))),
    ];
    expect(refs.map((r) => r.replace(/^(\[\]|\{\})+/, '')).filter((r) => !known.has(r))).toEqual([]);
  });
});
