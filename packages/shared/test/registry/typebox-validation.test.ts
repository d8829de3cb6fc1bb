import { describe, expect, it } from 'vitest';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import {
  ClusterOperator,
  Config,
  ConfigSpec,
  Route,
  conditionHealth,
  conditionPolarity,
} from '../../src/registry/index.js';

const valid = {
  apiVersion: 'imageregistry.operator.openshift.io/v1',
  kind: 'Config',
  metadata: { name: 'cluster' },
  spec: {
    managementState: 'Managed',
    replicas: 2,
    logLevel: 'Debug',
    rolloutStrategy: 'RollingUpdate',
    storage: {
      s3: {
        bucket: 'b',
        region: 'us-east-1',
        chunkSizeMiB: 10,
        cloudFront: {
          baseURL: 'https://x',
          keypairID: 'k',
          privateKey: { key: 'pk', name: 's' },
          duration: '300s',
        },
      },
    },
    requests: { read: { maxRunning: 1, maxWaitInQueue: '1m30s' } },
    resources: { requests: { cpu: '100m', memory: 1024 } },
    unsupportedConfigOverrides: null,
  },
  status: {
    storage: {},
    storageManaged: false,
    conditions: [{ type: 'Available', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }],
  },
};

describe('registry schemas work with TypeBox’s own validator', () => {
  it('accepts a realistic Config', () => {
    expect([...Value.Errors(Config, valid)]).toEqual([]);
  });
  it.each([
    ['replicas as a string', { replicas: 'three' }],
    ['chunkSizeMiB below 5', { replicas: 1, storage: { s3: { chunkSizeMiB: 2 } } }],
    ['bad rolloutStrategy', { replicas: 1, rolloutStrategy: 'bad' }],
    ['bad logLevel', { replicas: 1, logLevel: 'x' }],
    ['missing replicas', {}],
    [
      'ISO duration where Kubernetes wants a Go duration',
      { replicas: 1, requests: { read: { maxWaitInQueue: 'PT1M' } } },
    ],
    ['bad quantity', { replicas: 1, resources: { limits: { cpu: 'lots' } } }],
    ['oss KMS without key', { replicas: 1, storage: { oss: { encryption: { method: 'KMS' } } } }],
  ])('rejects %s', (_name, spec) => {
    expect(Value.Check(ConfigSpec, spec)).toBe(false);
  });
  // Route's allOf assumes kube's defaults were applied first (wildcardPolicy: None), as the API server does
  it('accepts a ClusterOperator and a Route', () => {
    expect(
      Value.Check(ClusterOperator, {
        metadata: { name: 'image-registry' },
        spec: {},
        status: {
          conditions: [{ type: 'Degraded', status: 'False', lastTransitionTime: '2026-01-01T00:00:00Z' }],
          extension: null,
        },
      }),
    ).toBe(true);
    expect(
      Value.Check(Route, {
        spec: {
          to: { kind: 'Service', name: 'image-registry' },
          port: { targetPort: '5000-tcp' },
          tls: { termination: 'reencrypt' },
          wildcardPolicy: 'None',
        },
      }),
    ).toBe(true);
    expect(
      Value.Check(Route, {
        spec: { to: { kind: 'Service', name: 'x' }, tls: { termination: 'passthrough' }, path: '/x' },
      }),
    ).toBe(false);
  });
});

describe('compiled validators', () => {
  it('compile and agree with Value.Check, Kubernetes keywords riding along', () => {
    const check = Compile(Config);
    expect(check.Check(valid)).toBe(true);
    expect(check.Check({ ...valid, spec: { ...valid.spec, replicas: 'three' } })).toBe(false);
  });
  it('fill Kubernetes defaults with Value.Default', () => {
    const spec = Value.Default(ConfigSpec, { replicas: 1 }) as Record<string, unknown>;
    expect(spec).toMatchObject({ replicas: 1, logLevel: 'Normal', operatorLogLevel: 'Normal' });
  });
});

describe('condition polarity (domain.md §4)', () => {
  it.each([
    ['Available', 'positive'],
    ['StorageExists', 'positive'],
    ['NodeCADaemonAvailable', 'positive'],
    ['Progressing', 'negative'],
    ['Degraded', 'negative'],
    ['Removed', 'negative'],
    ['ImageConfigControllerDegraded', 'negative'],
    // The ImagePruner's Failed=True (BackoffLimitExceeded) showed green on the pruner page.
    ['Failed', 'negative'],
  ] as const)('%s is %s', (type, polarity) => expect(conditionPolarity(type)).toBe(polarity));
  it('judges status by polarity', () => {
    expect(conditionHealth('Degraded', 'True')).toBe('bad');
    expect(conditionHealth('Available', 'True')).toBe('good');
    expect(conditionHealth('Available', 'Unknown')).toBe('unknown');
  });
});
