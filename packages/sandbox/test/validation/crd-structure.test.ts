/**
 * Oracle (a): our CRDs, built from packages/shared's TypeBox schemas, against the real CRDs of
 * openshift/api — every structural difference fails the test unless it is allowlisted below
 * with the reason it is acceptable.
 */
import { describe, expect, it } from 'vitest';
import { sandboxCrds } from '../../src/validation/index.js';
import { hasReference, REFERENCE_FILES, referenceCrd, SKIP_REASON } from './reference.js';
import { schemaDiff } from './schema-diff.js';

/** Known, deliberate differences: `<crd>: <diff line>` → why it is fine. */
const ALLOWLIST: Record<string, string> = {
  // Empty today. (routes.crd.yaml carries `anyOf: null` on spec.port.targetPort; schemaDiff treats
  // a null keyword as absent, which is how kube-apiserver decodes it.)
};

describe.skipIf(!hasReference)('our CRDs match the real ones', () => {
  if (!hasReference) it.skip(SKIP_REASON, () => undefined);
  const ours = new Map(sandboxCrds().map((c) => [c.metadata.name, c]));

  for (const name of Object.keys(REFERENCE_FILES)) {
    describe(name, () => {
      // read lazily: describe bodies run at collection even when skipped
      const real = () => referenceCrd(name);
      const mine = ours.get(name);

      it('exists with the same names, scope and versions', () => {
        expect(mine, `${name} is not built`).toBeDefined();
        const ref = real();
        expect(mine?.spec.group).toBe(ref.spec.group);
        expect(mine?.spec.scope).toBe(ref.spec.scope);
        expect(mine?.spec.names).toEqual(ref.spec.names);
        expect(mine?.spec.versions.map((v) => [v.name, v.served, v.storage, v.subresources ?? null])).toEqual(
          ref.spec.versions.map((v) => [v.name, v.served, v.storage, v.subresources ?? null]),
        );
        expect(mine?.spec.versions.map((v) => v.additionalPrinterColumns ?? [])).toEqual(
          ref.spec.versions.map((v) => v.additionalPrinterColumns ?? []),
        );
      });

      it('has the same openAPIV3Schema (descriptions aside)', () => {
        const diffs = schemaDiff(
          real().spec.versions[0]?.schema.openAPIV3Schema,
          mine?.spec.versions[0]?.schema.openAPIV3Schema,
        ).filter((d) => !(`${name}: ${d}` in ALLOWLIST));
        expect(diffs).toEqual([]);
      });
    });
  }
});

describe('schemaDiff itself', () => {
  const base = {
    type: 'object',
    required: ['a'],
    properties: {
      a: { type: 'string', pattern: '^x$', description: 'ignored' },
      l: {
        type: 'array',
        items: { type: 'object', 'x-kubernetes-validations': [{ rule: 'true', message: 'm' }] },
      },
    },
  };
  const clone = () => JSON.parse(JSON.stringify(base)) as typeof base;

  it('finds no difference between equal schemas, descriptions aside', () => {
    const other = clone();
    other.properties.a.description = 'different';
    expect(schemaDiff(base, other)).toEqual([]);
  });
  it('reports changed keywords, missing properties, required and CEL rules', () => {
    const other = clone();
    other.properties.a.pattern = '^y$';
    const rule = other.properties.l.items['x-kubernetes-validations'][0];
    if (rule) rule.message = 'n';
    other.required = [];
    Object.assign(other.properties, { extra: { type: 'string' } });
    expect(schemaDiff(base, other)).toEqual([
      '<root>: required ["a"] != []',
      'a: pattern "^x$" != "^y$"',
      'l[]: x-kubernetes-validations [{"message":"m","rule":"true"}] != [{"message":"n","rule":"true"}]',
      'extra: not in the real CRD',
    ]);
  });
});
