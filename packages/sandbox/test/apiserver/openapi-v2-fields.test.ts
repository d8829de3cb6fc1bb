import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_FIELDS, OPEN_KIND_FIELDS } from '../../src/apiserver/openapi/builtin-fields.js';
import { OPENSHIFT_FIELDS } from '../../src/apiserver/openapi/openshift-fields.js';
import { hasKindSchema, schemaName } from '../../src/apiserver/openapi/schemas.js';
import { openApiV2Document } from '../../src/apiserver/openapi/v2.js';
import { ApiServer } from '../../src/apiserver/api-server.js';
import { ScaledClock } from '../../src/core/clock.js';
import { kindModel, openKindFields, realFields, type FieldTable } from './builtin-fields-oracle.js';

/**
 * kubectl validates `kind: List` items against /openapi/v2 and refuses any field a definition
 * does not list. The sandbox's built-in schemas are trimmed, so v2 must still list every field
 * the real struct has (k8s.io/api, via client-node's models) — or a List a real cluster takes
 * would be refused.
 */
const TABLE = fileURLToPath(new URL('../../src/apiserver/openapi/builtin-fields.ts', import.meta.url));

const entries = (table: FieldTable): string =>
  Object.entries(table)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([def, paths]) =>
        `  '${def}': {\n${Object.entries(paths)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([p, f]) => `    '${p}': [${f.map((x) => `'${x}'`).join(', ')}],`)
          .join('\n')}\n  },`,
    )
    .join('\n');

function render(table: FieldTable, open: FieldTable): string {
  return `/**
 * Every field of the real Kubernetes structs behind the sandbox's trimmed built-in schemas, per
 * \`/openapi/v2\` definition and inner path ('' = the definition itself, \`a.b\`, \`list[]\`, \`map{}\`).
 * Generated from @kubernetes/client-node's models (k8s.io/api) by
 * \`UPDATE_BUILTIN_FIELDS=1 npx vitest run test/apiserver/openapi-v2-fields.test.ts\`; that test
 * fails when the schemas and this table drift apart.
 */
export const BUILTIN_FIELDS: Record<string, Record<string, string[]>> = {
${entries(table)}
};

/**
 * Built-in kinds the sandbox has no schema for (Pod, StatefulSet, Job, Event …): their top-level,
 * spec and status field names, published untyped so kubectl still refuses a typo at those levels.
 */
export const OPEN_KIND_FIELDS: Record<string, Record<string, string[]>> = {
${entries(open)}
};
`;
}

describe('/openapi/v2 built-in definitions', () => {
  const api = new ApiServer({ clock: new ScaledClock(0.01) });
  const doc = openApiV2Document(api.registry) as { definitions: Record<string, Record<string, unknown>> };
  const roots = api.registry
    .all()
    .filter((t) => !t.crd && hasKindSchema(t) && !t.group.endsWith('.openshift.io'))
    .map((t): [string, string] => [schemaName(t), `V1${t.kind}`]);
  const real = realFields(doc, roots);
  const open = openKindFields(
    api.registry
      .all()
      .filter((t) => !t.crd && !hasKindSchema(t) && !t.group.endsWith('.openshift.io') && kindModel(t.kind))
      .map((t): [string, string] => [schemaName(t), kindModel(t.kind) as string]),
  );

  it('the field table is the one client-node models give (regenerate with UPDATE_BUILTIN_FIELDS=1)', () => {
    if (process.env.UPDATE_BUILTIN_FIELDS) writeFileSync(TABLE, render(real, open));
    expect(Object.keys(real).length).toBeGreaterThan(20);
    expect(BUILTIN_FIELDS).toEqual(real);
    expect(OPEN_KIND_FIELDS).toEqual(open);
  });

  it('every real field of every covered struct is in its v2 definition, so kubectl refuses none of them', () => {
    const missing: string[] = [];
    for (const [def, paths] of Object.entries({ ...real, ...OPENSHIFT_FIELDS, ...open }))
      for (const [path, fields] of Object.entries(paths)) {
        let node: Record<string, unknown> | undefined = doc.definitions[def];
        const deref = (n: Record<string, unknown> | undefined): Record<string, unknown> | undefined =>
          typeof n?.$ref === 'string' ? doc.definitions[n.$ref.replace('#/definitions/', '')] : n;
        for (const step of path.match(/[^.[\]{}]+|\[\]|\{\}/g) ?? [])
          node = deref(
            (step === '[]'
              ? node?.items
              : step === '{}'
                ? node?.additionalProperties
                : (node?.properties as Record<string, unknown> | undefined)?.[step]) as
              Record<string, unknown> | undefined,
          );
        if (!node?.properties) missing.push(`${def} ${path}: no such object in the document`);
        const props = (node?.properties ?? {}) as Record<string, unknown>;
        for (const f of fields) if (!(f in props)) missing.push(`${def} ${path}.${f}`);
      }
    expect(missing).toEqual([]);
  });
});
