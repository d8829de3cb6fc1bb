/**
 * The scenarios behind each storage, claim, scheduling and route diagnosis: the failing step,
 * the object and field its finding names, and the form field that fixes it.
 */
import { describe, expect, it } from 'vitest';
import { expectDiagnosis, scenarios, type Expected } from './diagnostics-support.js';
import { registryHarness } from './registry.js';

const USER = { kind: 'Secret', name: 'image-registry-private-configuration-user' };
const MINTED = { kind: 'Secret', name: 'installer-cloud-credentials' };
const CONFIG = { kind: 'Config', name: 'cluster' };
const credentials = (key: string) => ({ section: 'storage' as const, field: `credentials.${key}` });
const ACCESS = 'REGISTRY_STORAGE_S3_ACCESSKEY';
const SECRET = 'REGISTRY_STORAGE_S3_SECRETKEY';

const cases: [scenario: string, want: Expected, evidence: RegExp][] = [
  [
    's3-credentials-missing',
    {
      step: 'storage-credentials',
      code: 'storage-credentials-missing',
      object: MINTED,
      fix: credentials(ACCESS),
    },
    /installer-cloud-credentials/,
  ],
  [
    's3-credentials-invalid',
    {
      step: 'storage-credentials',
      code: 'storage-credentials-invalid',
      object: USER,
      field: `data.${ACCESS}`,
      fix: credentials(ACCESS),
    },
    /InvalidAccessKeyId/,
  ],
  [
    's3-signature-mismatch',
    {
      step: 'storage-credentials',
      code: 'storage-credentials-invalid',
      object: MINTED,
      field: `data.${SECRET}`,
      fix: credentials(SECRET),
    },
    /SignatureDoesNotMatch/,
  ],
  [
    's3-access-denied',
    {
      step: 'storage-credentials',
      code: 'storage-access-denied',
      object: MINTED,
      field: `data.${ACCESS}`,
      fix: credentials(ACCESS),
    },
    /AccessDenied: Access Denied/,
  ],
  [
    's3-bucket-missing',
    {
      step: 'storage-credentials',
      code: 'storage-bucket-missing',
      object: CONFIG,
      field: 'spec.storage.s3.bucket',
      fix: { section: 'storage', field: 'spec.storage.s3.bucket' },
    },
    /NoSuchBucket/,
  ],
  [
    's3-bucket-other-region',
    {
      step: 'storage-credentials',
      code: 'storage-bucket-wrong-region',
      object: CONFIG,
      field: 'spec.storage.s3.region',
      fix: { section: 'storage', field: 'spec.storage.s3.region' },
    },
    /BucketRegionError/,
  ],
  [
    's3-clock-skew',
    {
      step: 'storage-credentials',
      code: 'storage-clock-skew',
      object: { kind: 'Node' },
      field: 'status (node time)',
    },
    /RequestTimeTooSkewed/,
  ],
  [
    's3-proxy-unreachable',
    {
      step: 'storage-credentials',
      code: 'storage-proxy-unreachable',
      object: CONFIG,
      field: 'spec.proxy.https',
      fix: { section: 'proxy', field: 'spec.proxy.https' },
    },
    /proxyconnect tcp/,
  ],
  [
    's3-proxy-no-bypass',
    {
      step: 'storage-credentials',
      code: 'storage-proxy-no-bypass',
      object: CONFIG,
      field: 'spec.proxy.noProxy',
      fix: { section: 'proxy', field: 'spec.proxy.noProxy' },
    },
    /minio\.storage\.svc:9000.*Service Unavailable/,
  ],
  [
    'pvc-missing',
    {
      step: 'storage-credentials',
      code: 'pvc-missing',
      object: CONFIG,
      field: 'spec.storage.pvc.claim',
      fix: { section: 'storage', field: 'spec.storage.pvc.claim' },
    },
    /"missing-claim" not found/,
  ],
  [
    'pvc-rwo-replicas',
    {
      step: 'storage-credentials',
      code: 'pvc-rwo-replicas',
      object: CONFIG,
      field: 'spec.replicas',
      fix: { section: 'replicas', field: 'spec.replicas' },
    },
    /ReadWriteOnce access mode with more than one replica/,
  ],
  [
    'registry-untolerated-taint',
    {
      step: 'registry-pods',
      code: 'unschedulable-taints',
      object: CONFIG,
      field: 'spec.tolerations',
      fix: { section: 'advanced', field: 'spec.tolerations' },
    },
    /untolerated taint \{node-role\.kubernetes\.io\/infra: \}/,
  ],
  [
    'registry-insufficient-cpu',
    {
      step: 'registry-pods',
      code: 'unschedulable-resources',
      object: CONFIG,
      field: 'spec.resources.requests.cpu',
      fix: { section: 'advanced', field: 'spec.resources.requests.cpu' },
    },
    /Insufficient cpu/,
  ],
  [
    'registry-anti-affinity',
    {
      step: 'registry-pods',
      code: 'unschedulable-anti-affinity',
      object: CONFIG,
      field: 'spec.affinity.podAntiAffinity',
    },
    /anti-affinity rules/,
  ],
  [
    'registry-topology-spread',
    {
      step: 'registry-pods',
      code: 'unschedulable-topology-spread',
      object: CONFIG,
      field: 'spec.topologySpreadConstraints',
    },
    /topology spread constraints/,
  ],
  [
    'route-tls-secret-missing',
    {
      step: 'routes',
      code: 'route-tls-secret-missing',
      object: CONFIG,
      field: 'spec.routes[0].secretName',
      fix: { section: 'routes', field: 'spec.routes[0].secretName' },
    },
    /"missing-route-tls" not found/,
  ],
  [
    'route-tls-secret-not-tls',
    {
      step: 'routes',
      code: 'route-tls-secret-invalid',
      object: { kind: 'Secret', name: 'public-registry-tls' },
      field: 'data',
      fix: { section: 'routes', field: 'spec.routes[0].secretName' },
      verdict: 'warning',
    },
    /type Opaque, keys registry\.pem/,
  ],
];

describe('diagnostics by cause', () => {
  const h = registryHarness();
  const scenario = scenarios(h);

  it.each(cases)('%s', { timeout: 90_000 }, async (name, want, evidence) => {
    await scenario(name);
    const { finding } = await expectDiagnosis(h, want);
    expect(finding.evidence.join('\n')).toMatch(evidence);
  });
});
