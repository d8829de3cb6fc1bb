import { describe, expect, it } from 'vitest';
import type { ConfigSpec } from '../../api/contract.js';
import type { ConfigData } from '../../api/config.js';
import { evaluateSection } from '../editor/sectionModel.js';
import { storageSection } from './storageDraft.js';

function data(spec: ConfigSpec): ConfigData {
  return {
    config: {
      apiVersion: 'imageregistry.operator.openshift.io/v1',
      kind: 'Config',
      metadata: { name: 'cluster', resourceVersion: '5' },
      spec,
    },
    resourceVersion: '5',
  };
}

// futureField: a field a newer API might add; the form must keep it.
const s3Spec = {
  replicas: 2,
  managementState: 'Managed',
  storage: {
    managementState: 'Managed',
    s3: {
      bucket: 'reg-bucket',
      region: 'us-east-1',
      encrypt: true,
      virtualHostedStyle: false,
      trustedCA: { name: '' },
      futureField: 'kept',
    },
  },
} as unknown as ConfigSpec;

describe('storage section', () => {
  it.each([
    ['s3', s3Spec],
    ['pvc', { replicas: 1, storage: { pvc: { claim: '' }, managementState: 'Managed' } }],
    ['emptyDir', { replicas: 1, storage: { emptyDir: {} } }],
    ['azure', { replicas: 1, storage: { azure: { accountName: 'acc', container: 'c1' } } }],
    ['nothing configured', { replicas: 1 }],
  ] as const)('loading and saving an untouched form (%s) changes nothing', (_name, spec) => {
    const base = data(spec as ConfigSpec);
    const draft = storageSection.fromSpec(base.config.spec);
    const result = evaluateSection(storageSection, draft, base);
    expect(result.merge.patch).toEqual({});
    expect(result.dirty).toBe(false);
  });

  it('switching backend nulls the old one and keeps storage.managementState', () => {
    const base = data(s3Spec);
    const draft = { ...storageSection.fromSpec(s3Spec), backend: 'pvc' as const };
    const result = evaluateSection(storageSection, draft, base);
    expect(result.merge.patch).toEqual({ spec: { storage: { s3: null, pvc: {} } } });
    expect(result.warnings.join(' ')).toMatch(/not migrated/);
  });

  it('editing a field keeps fields the form does not know, and never sends them', () => {
    const base = data(s3Spec);
    const draft = storageSection.fromSpec(s3Spec);
    draft.s3.region = 'eu-west-1';
    draft.s3.bucket = '';
    const result = evaluateSection(storageSection, draft, base);
    expect(result.merge.patch).toEqual({ spec: { storage: { s3: { region: 'eu-west-1', bucket: null } } } });
    // The server refuses undeclared keys (issue 13 item 5): the section patch carries none.
    expect(JSON.stringify(result.patch)).not.toContain('futureField');
    expect(result.errors).toEqual([]);
  });

  it('reports bad input at the field: not a number, schema bounds, KMS without encryption', () => {
    const base = data(s3Spec);
    const notNumber = storageSection.fromSpec(s3Spec);
    notNumber.s3.chunkSizeMiB = '12x';
    expect(evaluateSection(storageSection, notNumber, base).errors).toContainEqual({
      path: 'spec.storage.s3.chunkSizeMiB',
      message: 'must be a whole number',
    });

    const tooSmall = storageSection.fromSpec(s3Spec);
    tooSmall.s3.chunkSizeMiB = '2';
    const paths = evaluateSection(storageSection, tooSmall, base).errors.map((e) => e.path);
    expect(paths).toContain('spec.storage.s3.chunkSizeMiB');

    const kms = storageSection.fromSpec(s3Spec);
    kms.s3.encrypt = false;
    kms.s3.keyID = 'arn:aws:kms:key';
    expect(evaluateSection(storageSection, kms, base).errors.map((e) => e.path)).toContain(
      'spec.storage.s3.keyID',
    );
  });

  it('validates the Azure container name with the CRD pattern', () => {
    const spec: ConfigSpec = { replicas: 1, storage: { azure: { accountName: 'acc', container: 'ok' } } };
    const draft = storageSection.fromSpec(spec);
    draft.azure.container = 'Not_Valid';
    const errors = evaluateSection(storageSection, draft, data(spec)).errors;
    expect(errors.map((e) => e.path)).toContain('spec.storage.azure.container');
  });
});
