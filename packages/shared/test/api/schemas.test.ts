import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import {
  PatchConfigRequestSchema,
  PutCredentialsRequestSchema,
  SectionPatchSchema,
  StorageSectionSchema,
  declaredOnly,
  keepUndeclared,
} from '../../src/api/index.js';

describe('contract schemas', () => {
  it('accept a full section patch', () => {
    const patch = {
      managementState: 'Managed',
      replicas: 2,
      proxy: { http: 'http://proxy:3128', noProxy: '.svc' },
      storage: { s3: { bucket: 'b', region: 'us-east-1' } },
      requests: { read: { maxRunning: 10, maxWaitInQueue: '30s' } },
      defaultRoute: true,
      routes: [{ name: 'public', hostname: 'r.example.com' }],
      logLevel: 'Debug',
      operatorLogLevel: 'Trace',
      rolloutStrategy: 'Recreate',
      nodeSelector: { 'node-role.kubernetes.io/infra': '' },
      tolerations: [{ key: 'infra', operator: 'Exists', effect: 'NoSchedule' }],
      resources: { limits: { cpu: '1', memory: '2Gi' } },
      readOnly: false,
      disableRedirect: true,
    };
    expect(Value.Check(SectionPatchSchema, patch)).toBe(true);
    expect(Value.Check(PatchConfigRequestSchema, { patch, resourceVersion: '12', dryRun: true })).toBe(true);
  });
  it('reject unknown sections and bad enum values', () => {
    expect(Value.Check(SectionPatchSchema, { httpSecret: 'x' })).toBe(false);
    expect(Value.Check(SectionPatchSchema, { managementState: 'Force' })).toBe(false);
    expect(Value.Check(SectionPatchSchema, { rolloutStrategy: 'BlueGreen' })).toBe(false);
    expect(Value.Check(PatchConfigRequestSchema, { patch: {}, resourceVersion: '' })).toBe(false);
  });
  it('credentials accept only known keys, and at least one', () => {
    expect(Value.Check(PutCredentialsRequestSchema, { values: { REGISTRY_STORAGE_S3_ACCESSKEY: 'a' } })).toBe(
      true,
    );
    expect(
      Value.Check(PutCredentialsRequestSchema, { values: { REGISTRY_STORAGE_S3_SECRETKEY: null } }),
    ).toBe(true);
    expect(Value.Check(PutCredentialsRequestSchema, { values: { OTHER: 'a' } })).toBe(false);
    expect(Value.Check(PutCredentialsRequestSchema, { values: {} })).toBe(false);
  });
});

describe('section patches refuse undeclared keys at every depth (issue 13 item 5)', () => {
  const unknownAt = (patch: unknown) =>
    [...Value.Errors(SectionPatchSchema, patch)]
      .filter((e) => e.keyword === 'additionalProperties' || e.keyword === 'boolean')
      .map((e) => e.instancePath)
      .filter(Boolean);

  it.each([
    [
      'storage.s3',
      { storage: { s3: { bucket: 'b', region: 'us-east-1', notAField: true } } },
      '/storage/s3/notAField',
    ],
    ['storage.emptyDir', { storage: { emptyDir: { sizeLimit: '1Gi' } } }, '/storage/emptyDir/sizeLimit'],
    ['storage.pvc', { storage: { pvc: { claim: 'c', storageClass: 'x' } } }, '/storage/pvc/storageClass'],
    [
      'storage.s3.cloudFront.privateKey',
      {
        storage: {
          s3: {
            cloudFront: {
              baseURL: 'https://cf',
              keypairID: 'k',
              privateKey: { key: 'k', name: 'n', value: 'pem' },
            },
          },
        },
      },
      '/storage/s3/cloudFront/privateKey/value',
    ],
    [
      'storage.s3.trustedCA',
      { storage: { s3: { trustedCA: { name: 'ca', key: 'x' } } } },
      '/storage/s3/trustedCA/key',
    ],
    [
      'storage.azure.networkAccess.internal',
      {
        storage: { azure: { networkAccess: { type: 'Internal', internal: { subnetName: 's', extra: 1 } } } },
      },
      '/storage/azure/networkAccess/internal/extra',
    ],
    ['storage.gcs', { storage: { gcs: { bucket: 'b', keyfile: '{}' } } }, '/storage/gcs/keyfile'],
    ['storage.swift', { storage: { swift: { container: 'c', password: 'p' } } }, '/storage/swift/password'],
    ['storage.ibmcos', { storage: { ibmcos: { bucket: 'b', apiKey: 'k' } } }, '/storage/ibmcos/apiKey'],
    [
      'storage.oss',
      { storage: { oss: { bucket: 'bucket', encryption: { method: 'AES256', x: 1 } } } },
      '/storage/oss/encryption/x',
    ],
    [
      'topologySpreadConstraints[].labelSelector',
      {
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: 'zone',
            whenUnsatisfiable: 'DoNotSchedule',
            labelSelector: { matchLabels: { a: 'b' }, bogus: true },
          },
        ],
      },
      '/topologySpreadConstraints/0/labelSelector/bogus',
    ],
    ['requests.read', { requests: { read: { maxRunning: 1, maxRunnng: 2 } } }, '/requests/read/maxRunnng'],
  ])('%s', (_where, patch, path) => {
    expect(Value.Check(SectionPatchSchema, patch)).toBe(false);
    expect(unknownAt(patch)).toContain(path);
  });

  it('still accepts every declared field, maps with any key, nulls that remove a backend', () => {
    const ok = [
      {
        storage: {
          s3: {
            bucket: 'b',
            region: 'us-east-1',
            regionEndpoint: 'https://s3.example',
            chunkSizeMiB: 10,
            encrypt: true,
            keyID: 'k',
            virtualHostedStyle: false,
            trustedCA: { name: '' },
            cloudFront: {
              baseURL: 'https://cf',
              keypairID: 'k',
              duration: '300s',
              privateKey: { key: 'k', name: 'n' },
            },
          },
          gcs: null,
          managementState: 'Managed',
        },
      },
      { storage: { oss: { bucket: 'bucket', encryption: { method: 'KMS', kms: { keyID: 'k' } } } } },
      {
        storage: {
          azure: { accountName: 'a', networkAccess: { type: 'Internal', internal: { subnetName: 's' } } },
        },
      },
      { storage: { emptyDir: {} } },
      { nodeSelector: { 'any/label': 'x' }, resources: { requests: { 'example.com/gpu': 1 } } },
      {
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: 'zone',
            whenUnsatisfiable: 'ScheduleAnyway',
            labelSelector: { matchExpressions: [{ key: 'a', operator: 'In', values: ['b'] }] },
            matchLabelKeys: ['pod-template-hash'],
          },
        ],
      },
    ];
    for (const patch of ok)
      expect([...Value.Errors(SectionPatchSchema, patch)], JSON.stringify(patch)).toEqual([]);
  });

  it('declaredOnly drops what a form must not send; keepUndeclared keeps what the live object has', () => {
    const s3 = StorageSectionSchema.properties.s3;
    expect(declaredOnly(s3, { bucket: 'b', futureField: 1, trustedCA: { name: 'n', later: 2 } })).toEqual({
      bucket: 'b',
      trustedCA: { name: 'n' },
    });
    expect(
      keepUndeclared(
        s3,
        { bucket: 'c', trustedCA: { name: 'm' } },
        { bucket: 'b', futureField: 1, trustedCA: { name: 'n', later: 2 }, region: 'r' },
      ),
    ).toEqual({ bucket: 'c', futureField: 1, trustedCA: { name: 'm', later: 2 } });
  });
});
