import { describe, expect, it } from 'vitest';
import { hasKindSchema, schemaName } from '../../src/apiserver/openapi/schemas.js';
import { openApiV2Document } from '../../src/apiserver/openapi/v2.js';
import { ApiServer } from '../../src/apiserver/api-server.js';
import { ScaledClock } from '../../src/core/clock.js';
import { kindModel, openKindFields, realFields, type FieldTable } from './builtin-fields-oracle.js';

/**
 * kubectl validates `kind: List` items against /openapi/v2 and refuses any field a definition
 * does not list. The sandbox's built-in schemas are trimmed, so v2 must still list every field
 * the real struct has — checked here against client-node's models (k8s.io/api), independently of
 * the struct table v2 derives them from — or a List a real cluster takes would be refused.
 */
type Doc = { definitions: Record<string, Record<string, unknown>> };

function missingFrom(doc: Doc, table: FieldTable): string[] {
  const missing: string[] = [];
  const deref = (n: Record<string, unknown> | undefined): Record<string, unknown> | undefined =>
    typeof n?.$ref === 'string' ? doc.definitions[n.$ref.replace('#/definitions/', '')] : n;
  for (const [def, paths] of Object.entries(table))
    for (const [path, fields] of Object.entries(paths)) {
      let node: Record<string, unknown> | undefined = doc.definitions[def];
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
  return missing;
}

describe('/openapi/v2 built-in definitions', () => {
  const api = new ApiServer({ clock: new ScaledClock(0.01) });
  const doc = openApiV2Document(api.registry) as Doc;
  const builtins = api.registry.all().filter((t) => !t.crd && !t.group.endsWith('.openshift.io'));

  it('every real field of every struct behind a described kind is in its v2 definition, so kubectl refuses none of them', () => {
    const real = realFields(
      doc,
      builtins.filter((t) => hasKindSchema(t)).map((t): [string, string] => [schemaName(t), `V1${t.kind}`]),
    );
    expect(Object.keys(real).length).toBeGreaterThan(20);
    expect(missingFrom(doc, real)).toEqual([]);
  });

  it('a kind the sandbox does not describe still lists its real top-level, spec and status fields', () => {
    const open = openKindFields(
      builtins
        .filter((t) => !hasKindSchema(t) && kindModel(t.kind))
        .map((t): [string, string] => [schemaName(t), kindModel(t.kind) as string]),
    );
    expect(Object.keys(open)).toEqual(
      expect.arrayContaining(['io.k8s.api.core.v1.Pod', 'io.k8s.api.apps.v1.StatefulSet']),
    );
    expect(missingFrom(doc, open)).toEqual([]);
  });

  it('OpenShift kinds list the openshift/api fields the sandbox does not type (from the OpenShift struct table)', () => {
    expect(
      missingFrom(doc, {
        'com.github.openshift.api.build.v1.BuildConfigSpec': {
          '': ['mountTrustedCA', 'postCommit', 'completionDeadlineSeconds', 'nodeSelector'],
          'strategy.dockerStrategy': ['buildArgs', 'imageOptimizationPolicy', 'volumes'],
        },
        'com.github.openshift.api.image.v1.TagReference': { importPolicy: ['importMode'] },
        'com.github.openshift.api.apps.v1.DeploymentConfigSpec': { '': ['test', 'paused'] },
      }),
    ).toEqual([]);
  });
});
