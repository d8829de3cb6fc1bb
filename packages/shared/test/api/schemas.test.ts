import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import {
  PatchConfigRequestSchema,
  PutCredentialsRequestSchema,
  SectionPatchSchema,
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
