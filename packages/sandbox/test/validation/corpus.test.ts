/**
 * Oracle (b): every corpus document goes through the engine twice, with the real CRD's schema
 * (parsed from openshift/api's YAML) and with ours; the results — object after pruning and
 * defaulting, causes, warnings, strict errors — must be identical, and must be what the case
 * says (valid / invalid / warn / strict, plus the exact lines it lists).
 */
import { describe, expect, it } from 'vitest';
import {
  admitWithSchema,
  sandboxCrds,
  versionSchema,
  type JSONSchemaProps,
} from '../../src/validation/index.js';
import { CORPUS, type CorpusCase } from './corpus.js';
import { hasReference, referenceCrd, SKIP_REASON } from './reference.js';

const ours = new Map(sandboxCrds().map((c) => [c.metadata.name, c]));

function run(c: CorpusCase, schema: JSONSchemaProps) {
  return admitWithSchema({
    schema,
    operation: c.old ? 'UPDATE' : 'CREATE',
    subresource: c.subresource,
    object: c.object,
    oldObject: c.old,
    fieldValidation: c.fieldValidation ?? 'Warn',
  });
}

function ourSchema(name: string): JSONSchemaProps {
  const crd = ours.get(name);
  const schema = crd && versionSchema(crd, 'v1');
  if (!schema) throw new Error(`no schema for ${name}`);
  return schema;
}

describe('corpus size', () => {
  it('has at least 60 documents, valid and invalid', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(CORPUS.filter((c) => c.expect === 'valid').length).toBeGreaterThan(15);
    expect(CORPUS.filter((c) => c.expect === 'invalid').length).toBeGreaterThan(30);
  });
});

describe('our schemas give the documented outcome', () => {
  for (const c of CORPUS) {
    it(`${c.crd.split('.')[0]}: ${c.name}`, () => {
      const r = run(c, ourSchema(c.crd));
      const causeLines = r.causes.map((x) => `${x.field}: ${x.message}`);
      if (c.expect === 'valid')
        expect({ causes: causeLines, warnings: r.warnings }).toEqual({ causes: [], warnings: [] });
      if (c.expect === 'invalid') expect(causeLines.length).toBeGreaterThan(0);
      if (c.expect === 'warn')
        expect({ causes: causeLines, warned: r.warnings.length > 0 }).toEqual({ causes: [], warned: true });
      if (c.expect === 'strict') expect(r.strictErrors.length).toBeGreaterThan(0);
      for (const line of c.has ?? []) expect([...causeLines, ...r.warnings]).toContain(line);
    });
  }
});

describe.skipIf(!hasReference)('the real CRD schemas give identical results', () => {
  if (!hasReference) it.skip(SKIP_REASON, () => undefined);
  const real = new Map<string, JSONSchemaProps>();
  const realSchema = (name: string) => {
    let s = real.get(name);
    if (!s) {
      s = versionSchema(referenceCrd(name), 'v1');
      if (!s) throw new Error(`no v1 schema in the reference ${name}`);
      real.set(name, s);
    }
    return s;
  };
  for (const c of CORPUS) {
    it(`${c.crd.split('.')[0]}: ${c.name}`, () => {
      expect(run(c, ourSchema(c.crd))).toEqual(run(c, realSchema(c.crd)));
    });
  }
});
