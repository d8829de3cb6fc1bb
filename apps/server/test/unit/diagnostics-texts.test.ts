/**
 * The real error texts (operator, aws-sdk-go v1 via the operator and the registry's s3aws
 * driver, Go net/http, kube-scheduler) → the cause, field and fix they point at.
 */
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/diagnostics/redact.js';
import { matchesNoProxy } from '../../src/diagnostics/texts/proxy.js';
import { parseFailedScheduling } from '../../src/diagnostics/texts/scheduling.js';
import { storageCause, type StorageContext } from '../../src/diagnostics/texts/storage-errors.js';

const s3: StorageContext = {
  backend: 's3',
  bucket: 'mycluster-image-registry-us-east-1',
  region: 'us-east-1',
  userSecret: true,
};
const status = (code: number) => `\n\tstatus code: ${code}, request id: 8D1C7B2E5A9F4036, host id: `;

describe('storage error texts', () => {
  const cases: [string, string, string, Partial<StorageContext>, string | undefined, string | undefined][] = [
    [
      'missing key (operator)',
      'unable to sync storage configuration: secret "openshift-image-registry/image-registry-private-configuration-user" does not contain required key "REGISTRY_STORAGE_S3_SECRETKEY"',
      'storage-credentials-key-missing',
      {},
      'data.REGISTRY_STORAGE_S3_SECRETKEY',
      'credentials.REGISTRY_STORAGE_S3_SECRETKEY',
    ],
    [
      'no minted credentials (operator)',
      'unable to get cluster minted credentials "openshift-image-registry/installer-cloud-credentials": secret "installer-cloud-credentials" not found',
      'storage-credentials-missing',
      { userSecret: false },
      undefined,
      'credentials.REGISTRY_STORAGE_S3_ACCESSKEY',
    ],
    [
      'unknown access key (CreateBucket)',
      `InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records.${status(403)}`,
      'storage-credentials-invalid',
      {},
      'data.REGISTRY_STORAGE_S3_ACCESSKEY',
      'credentials.REGISTRY_STORAGE_S3_ACCESSKEY',
    ],
    [
      'wrong secret key (registry s3aws)',
      `level=error msg="s3aws: SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided. Check your key and signing method.${status(403)}"`,
      'storage-credentials-invalid',
      {},
      'data.REGISTRY_STORAGE_S3_SECRETKEY',
      'credentials.REGISTRY_STORAGE_S3_SECRETKEY',
    ],
    [
      'access denied (registry panic)',
      `level=panic msg="s3aws: failed to create storage driver: AccessDenied: Access Denied${status(403)}"`,
      'storage-access-denied',
      {},
      'data.REGISTRY_STORAGE_S3_ACCESSKEY',
      'credentials.REGISTRY_STORAGE_S3_ACCESSKEY',
    ],
    [
      'HeadBucket 403 (no body: only "Forbidden")',
      `Forbidden: Forbidden${status(403)}`,
      'storage-access-denied',
      {},
      'data.REGISTRY_STORAGE_S3_ACCESSKEY',
      'credentials.REGISTRY_STORAGE_S3_ACCESSKEY',
    ],
    [
      'no such bucket',
      `s3aws: NoSuchBucket: The specified bucket does not exist${status(404)}`,
      'storage-bucket-missing',
      {},
      'spec.storage.s3.bucket',
      'spec.storage.s3.bucket',
    ],
    [
      'bucket in another region (aws-sdk-go v1 on a 301)',
      `BucketRegionError: incorrect region, the bucket is not in 'us-east-1' region at endpoint '', bucket is in 'eu-west-1' region${status(301)}`,
      'storage-bucket-wrong-region',
      {},
      'spec.storage.s3.region',
      'spec.storage.s3.region',
    ],
    [
      'signing region wrong',
      `AuthorizationHeaderMalformed: The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-1'${status(400)}`,
      'storage-bucket-wrong-region',
      {},
      'spec.storage.s3.region',
      'spec.storage.s3.region',
    ],
    [
      'permanent redirect',
      `PermanentRedirect: The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.${status(301)}`,
      'storage-bucket-wrong-region',
      {},
      'spec.storage.s3.region',
      'spec.storage.s3.region',
    ],
    [
      'clock skew',
      `s3aws: RequestTimeTooSkewed: The difference between the request time and the current time is too large.${status(403)}`,
      'storage-clock-skew',
      { node: 'ip-10-0-23-45.ec2.internal' },
      'status (node time)',
      undefined,
    ],
    [
      'endpoint timeout, no proxy',
      'RequestError: send request failed\ncaused by: Head "https://s3.us-east-1.amazonaws.com/mycluster-image-registry-us-east-1": dial tcp 52.216.0.1:443: i/o timeout',
      'storage-endpoint-unreachable',
      {},
      'spec.proxy.https',
      'spec.proxy.https',
    ],
    [
      'custom endpoint refused',
      's3aws: RequestError: send request failed\ncaused by: Get "https://minio.storage.svc:9000/registry?list-type=2&max-keys=1&prefix=": dial tcp 172.30.12.4:9000: connect: connection refused',
      'storage-endpoint-unreachable',
      { regionEndpoint: 'https://minio.storage.svc:9000' },
      'spec.storage.s3.regionEndpoint',
      'spec.storage.s3.regionEndpoint',
    ],
    [
      'proxy down',
      'RequestError: send request failed\ncaused by: Get "https://bucket.s3.us-east-1.amazonaws.com/?list-type=2": proxyconnect tcp: dial tcp 10.0.0.5:3128: connect: connection refused',
      'storage-proxy-unreachable',
      {
        proxy: {
          url: 'http://user:pw@proxy.corp:3128',
          display: 'http://<REDACTED>@proxy.corp:3128',
          noProxy: '',
          source: 'config',
        },
      },
      'spec.proxy.https',
      'spec.proxy.https',
    ],
    [
      'internal endpoint sent to the proxy (not in noProxy)',
      's3aws: RequestError: send request failed\ncaused by: Get "https://minio.storage.svc:9000/registry?list-type=2&max-keys=1&prefix=": Service Unavailable',
      'storage-proxy-no-bypass',
      {
        regionEndpoint: 'https://minio.storage.svc:9000',
        proxy: {
          url: 'http://proxy.corp:3128',
          display: 'http://proxy.corp:3128',
          noProxy: '.cluster.local,.svc.cluster.local',
          source: 'config',
        },
      },
      'spec.proxy.noProxy',
      'spec.proxy.noProxy',
    ],
  ];
  it.each(cases)('%s → %s', (_name, text, code, ctx, field, fix) => {
    const cause = storageCause(text, { ...s3, ...ctx });
    expect(cause?.code).toBe(code);
    expect(cause?.field).toBe(field);
    expect(cause?.fix?.field).toBe(fix);
    expect(cause?.command).toMatch(/^oc /);
  });

  it('names the region the bucket is in, and the host a proxy was asked for', () => {
    expect(storageCause(cases[7]![1], s3)?.summary).toContain('it is in eu-west-1');
    expect(storageCause(cases[14]![1], { ...s3, ...cases[14]![3] })?.summary).toContain('minio.storage.svc');
  });

  it('an unrelated error names no storage cause', () => {
    expect(
      storageCause('level=error msg="response completed with error" err.code="blob unknown"', s3),
    ).toBeUndefined();
  });
});

describe('noProxy as Go matches it', () => {
  it.each([
    ['minio.storage.svc', '.svc', true],
    ['minio.storage.svc', 'storage.svc', true],
    ['minio.storage.svc', '.cluster.local', false],
    ['s3.us-east-1.amazonaws.com', '*', true],
    ['10.0.4.7', '10.0.0.0/16', true],
    ['10.1.4.7', '10.0.0.0/16', false],
    ['minio.storage.svc', 'minio.storage.svc:9000', true],
  ])('%s with %s → %s', (host, no, expected) => {
    expect(matchesNoProxy(host, no)).toBe(expected);
  });
});

describe("the scheduler's FailedScheduling message", () => {
  it('splits the counts per filter and ignores the preemption part', () => {
    const parsed = parseFailedScheduling(
      '0/6 nodes are available: 3 Insufficient cpu, 3 node(s) had untolerated taint {node-role.kubernetes.io/master: }. preemption: 0/6 nodes are available: 3 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.',
    );
    expect(parsed?.nodes).toBe(6);
    expect(parsed?.reasons).toEqual([
      { count: 3, text: 'Insufficient cpu', kind: 'resources', resource: 'cpu' },
      {
        count: 3,
        text: 'node(s) had untolerated taint {node-role.kubernetes.io/master: }',
        kind: 'taint',
        taint: 'node-role.kubernetes.io/master:',
      },
    ]);
  });

  it('knows a pod waiting for its claim', () => {
    const parsed = parseFailedScheduling(
      '0/6 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.',
    );
    expect(parsed?.reasons[0]?.kind).toBe('volume');
  });
});

describe('redaction of quoted evidence', () => {
  it('masks proxy passwords, secret keys and the HTTP secret; keeps the rest', () => {
    const line = redact(
      'Get "https://b.s3.amazonaws.com/": proxyconnect tcp via http://admin:hunter2@proxy:3128 aws_secret_access_key = wJalrXUtnFEMI REGISTRY_HTTP_SECRET=abc123',
    );
    expect(line).not.toMatch(/hunter2|wJalrXUtnFEMI|abc123/);
    expect(line).toContain('proxyconnect tcp');
  });
});
