import { describe, expect, it } from 'vitest';
import { validateSectionPatch } from '../../src/rules/validate.js';
import { checkRoutes } from '../../src/rules/routes.js';
import { checkReplicas } from '../../src/rules/replicas.js';
import { checkRequests, isGoDuration } from '../../src/rules/requests.js';
import { checkReadWriteOnceClaim } from '../../src/rules/pvc.js';
import { checkOneStorageBackend, configuredBackends } from '../../src/rules/storage.js';
import { effectiveSpec } from '../../src/rules/spec.js';

const paths = (errors: { path: string }[]) => errors.map((e) => e.path);

describe('one storage backend', () => {
  it('accepts exactly one backend and reports the operator message for two', () => {
    expect(checkOneStorageBackend({ storage: { pvc: { claim: '' } } }, true)).toEqual([]);
    const [err] = checkOneStorageBackend({ storage: { emptyDir: {}, pvc: {} } }, true);
    expect(err).toEqual({
      path: 'spec.storage',
      message: 'exactly one storage type should be configured at the same time, got 2: [EmptyDir PVC]',
    });
    // the operator's driver order, not the console's
    expect(checkOneStorageBackend({ storage: { pvc: { claim: '' }, s3: {} } }, true)[0]?.message).toBe(
      'exactly one storage type should be configured at the same time, got 2: [S3 PVC]',
    );
  });
  it('refuses a storage section with no backend', () => {
    expect(paths(validateSectionPatch({ storage: { managementState: 'Managed' } }))).toEqual([
      'spec.storage',
    ]);
  });
  it('a backend switch replaces the old backend in the effective spec', () => {
    const spec = effectiveSpec(
      { storage: { pvc: { claim: '' } } },
      { storage: { emptyDir: {}, managementState: 'Managed' } },
    );
    expect(configuredBackends(spec.storage)).toEqual(['pvc']);
    expect(spec.storage).toEqual({ pvc: { claim: '' }, managementState: 'Managed' });
  });
  it('checks the S3 chunk size bounds', () => {
    expect(paths(validateSectionPatch({ storage: { s3: { chunkSizeMiB: 4 } } }))).toEqual([
      'spec.storage.s3.chunkSizeMiB',
    ]);
    expect(validateSectionPatch({ storage: { s3: { chunkSizeMiB: 5 } } })).toEqual([]);
  });
});

describe('replicas', () => {
  it('refuses negative and fractional counts, accepts 0', () => {
    expect(checkReplicas({ replicas: 0 })).toEqual([]);
    expect(checkReplicas({ replicas: -1 })[0]?.message).toMatch(/greater than or equal to 0/);
    expect(paths(checkReplicas({ replicas: 1.5 }))).toEqual(['spec.replicas']);
  });
  it('does not block an unrelated section when the live value is already bad', () => {
    expect(validateSectionPatch({ logLevel: 'Debug' }, { current: { replicas: -3 } })).toEqual([]);
  });
});

describe('routes', () => {
  it('requires unique names and reserves default-route', () => {
    const errors = checkRoutes({
      routes: [{ name: 'a' }, { name: 'default-route' }, { name: 'a' }, { name: '' }],
    });
    expect(paths(errors)).toEqual(['spec.routes[1].name', 'spec.routes[2].name', 'spec.routes[3].name']);
    expect(errors[0]?.message).toMatch(/reserved/);
    expect(errors[1]?.message).toMatch(/duplicate.*routes\[0\]/);
  });
  it('refuses names that are not DNS subdomains', () => {
    expect(paths(checkRoutes({ routes: [{ name: 'Public_Route' }] }))).toEqual(['spec.routes[0].name']);
    expect(checkRoutes({ routes: [{ name: 'public.route-1' }] })).toEqual([]);
  });
});

describe('ReadWriteOnce claim', () => {
  const rwo = { claimAccessModes: ['ReadWriteOnce'] };
  it('needs replicas 1 and Recreate', () => {
    const spec = { storage: { pvc: { claim: 'c' } }, replicas: 2, rolloutStrategy: 'RollingUpdate' };
    expect(paths(checkReadWriteOnceClaim(spec, rwo))).toEqual(['spec.replicas', 'spec.rolloutStrategy']);
    expect(checkReadWriteOnceClaim({ ...spec, replicas: 1, rolloutStrategy: 'Recreate' }, rwo)).toEqual([]);
  });
  it('defaults rolloutStrategy to RollingUpdate, and ignores RWX or unknown claims', () => {
    expect(paths(checkReadWriteOnceClaim({ storage: { pvc: {} }, replicas: 1 }, rwo))).toEqual([
      'spec.rolloutStrategy',
    ]);
    expect(
      checkReadWriteOnceClaim({ storage: { pvc: {} }, replicas: 3 }, { claimAccessModes: ['ReadWriteMany'] }),
    ).toEqual([]);
    expect(checkReadWriteOnceClaim({ storage: { pvc: {} }, replicas: 3 }, {})).toEqual([]);
  });
  it('runs when the patch raises replicas on a live RWO PVC config', () => {
    const current = { storage: { pvc: { claim: 'c' } }, replicas: 1, rolloutStrategy: 'Recreate' };
    expect(paths(validateSectionPatch({ replicas: 2 }, { current, ...rwo }))).toEqual(['spec.replicas']);
  });
});

describe('requests', () => {
  it('maxWaitInQueue only with maxRunning or maxInQueue', () => {
    expect(paths(checkRequests({ requests: { read: { maxWaitInQueue: '30s' } } }))).toEqual([
      'spec.requests.read.maxWaitInQueue',
    ]);
    expect(checkRequests({ requests: { read: { maxRunning: 10, maxWaitInQueue: '30s' } } })).toEqual([]);
    expect(checkRequests({ requests: { write: { maxInQueue: 5, maxWaitInQueue: '1m0s' } } })).toEqual([]);
  });
  it('refuses negative counts and malformed durations', () => {
    const errors = checkRequests({
      requests: { write: { maxRunning: -1, maxInQueue: 2, maxWaitInQueue: 'soon' } },
    });
    expect(paths(errors)).toEqual(['spec.requests.write.maxRunning', 'spec.requests.write.maxWaitInQueue']);
  });
  it('parses Go durations', () => {
    for (const ok of ['0', '30s', '1m0s', '1h30m', '1.5s', '300ms']) expect(isGoDuration(ok)).toBe(true);
    for (const bad of ['', '30', 's', '1d', '1 m']) expect(isGoDuration(bad)).toBe(false);
  });
});
