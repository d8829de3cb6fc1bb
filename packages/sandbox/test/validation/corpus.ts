/**
 * Documents run through the engine with both the real CRD schemas and ours (oracle (b)).
 * `expect`: valid (no cause, no warning), invalid (causes), warn (unknown-field warnings only),
 * strict (strict-decoding errors). `has`: lines (`field: message`) that must be among the causes
 * or warnings.
 */
import type { KubeObject } from '../../src/core/types.js';

export interface CorpusCase {
  name: string;
  crd: string;
  object: KubeObject;
  old?: KubeObject;
  subresource?: 'status';
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
  expect: 'valid' | 'invalid' | 'warn' | 'strict';
  has?: string[];
}

const CONFIGS = 'configs.imageregistry.operator.openshift.io';
const meta = { name: 'cluster' };
const cfg = (spec: unknown, status?: unknown): KubeObject => ({
  apiVersion: 'imageregistry.operator.openshift.io/v1',
  kind: 'Config',
  metadata: meta,
  spec,
  ...(status === undefined ? {} : { status }),
});
const st = (extra: Record<string, unknown> = {}) => ({ storage: {}, storageManaged: false, ...extra });
const cond = (type: string, status = 'True', lastTransitionTime = '2026-01-01T00:00:00Z') => ({
  type,
  status,
  lastTransitionTime,
});
const SKIPPED =
  '<nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation';

const configCases: CorpusCase[] = [
  {
    name: 'minimal config gets its log level defaults',
    crd: CONFIGS,
    object: cfg({ replicas: 1 }),
    expect: 'valid',
  },
  {
    name: 'full s3 config',
    crd: CONFIGS,
    object: cfg({
      managementState: 'Managed',
      replicas: 2,
      rolloutStrategy: 'RollingUpdate',
      httpSecret: 'x',
      storage: {
        managementState: 'Managed',
        s3: {
          bucket: 'b',
          region: 'us-east-1',
          regionEndpoint: 'https://s3',
          encrypt: true,
          keyID: 'k',
          chunkSizeMiB: 10,
          virtualHostedStyle: false,
          trustedCA: { name: 'ca-bundle' },
          cloudFront: {
            baseURL: 'https://cf',
            keypairID: 'kp',
            privateKey: { key: 'pk', name: 'secret' },
            duration: '300s',
          },
        },
      },
    }),
    expect: 'valid',
  },
  {
    name: 'replicas as a word',
    crd: CONFIGS,
    object: cfg({ replicas: 'three' }),
    expect: 'invalid',
    has: [
      'spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"',
      SKIPPED,
    ],
  },
  {
    name: 'replicas missing',
    crd: CONFIGS,
    object: cfg({}),
    expect: 'invalid',
    has: ['spec.replicas: Required value'],
  },
  {
    name: 'replicas null is dropped, then required',
    crd: CONFIGS,
    object: cfg({ replicas: null }),
    expect: 'invalid',
    has: ['spec.replicas: Required value'],
  },
  { name: 'replicas fractional', crd: CONFIGS, object: cfg({ replicas: 2.5 }), expect: 'invalid' },
  {
    name: 'chunkSizeMiB below minimum',
    crd: CONFIGS,
    object: cfg({ replicas: 1, storage: { s3: { chunkSizeMiB: 2 } } }),
    expect: 'invalid',
    has: [
      'spec.storage.s3.chunkSizeMiB: Invalid value: 2: spec.storage.s3.chunkSizeMiB in body should be greater than or equal to 5',
    ],
  },
  {
    name: 'chunkSizeMiB above maximum',
    crd: CONFIGS,
    object: cfg({ replicas: 1, storage: { s3: { chunkSizeMiB: 5121 } } }),
    expect: 'invalid',
  },
  {
    name: 'chunkSizeMiB as a string',
    crd: CONFIGS,
    object: cfg({ replicas: 1, storage: { s3: { chunkSizeMiB: '10' } } }),
    expect: 'invalid',
  },
  {
    name: 'bad rolloutStrategy',
    crd: CONFIGS,
    object: cfg({ replicas: 1, rolloutStrategy: 'bad' }),
    expect: 'invalid',
    has: [
      'spec.rolloutStrategy: Invalid value: "bad": spec.rolloutStrategy in body should match \'^(RollingUpdate|Recreate)$\'',
    ],
  },
  {
    name: 'Recreate rolloutStrategy',
    crd: CONFIGS,
    object: cfg({ replicas: 1, rolloutStrategy: 'Recreate' }),
    expect: 'valid',
  },
  {
    name: 'managementState Force is allowed by the CRD',
    crd: CONFIGS,
    object: cfg({ replicas: 1, managementState: 'Force' }),
    expect: 'valid',
  },
  {
    name: 'managementState is case sensitive',
    crd: CONFIGS,
    object: cfg({ replicas: 1, managementState: 'managed' }),
    expect: 'invalid',
  },
  {
    name: 'bad logLevel',
    crd: CONFIGS,
    object: cfg({ replicas: 1, logLevel: 'x' }),
    expect: 'invalid',
    has: [
      'spec.logLevel: Unsupported value: "x": supported values: "", "Normal", "Debug", "Trace", "TraceAll"',
    ],
  },
  {
    name: 'operatorLogLevel as a number',
    crd: CONFIGS,
    object: cfg({ replicas: 1, operatorLogLevel: 5 }),
    expect: 'invalid',
  },
  {
    name: 'logLevel null takes the default',
    crd: CONFIGS,
    object: cfg({ replicas: 1, logLevel: null }),
    expect: 'valid',
  },
  {
    name: 'httpSecret null is dropped',
    crd: CONFIGS,
    object: cfg({ replicas: 1, httpSecret: null }),
    expect: 'valid',
  },
  {
    name: 'unsupportedConfigOverrides null is kept',
    crd: CONFIGS,
    object: cfg({ replicas: 1, unsupportedConfigOverrides: null }),
    expect: 'valid',
  },
  {
    name: 'unsupportedConfigOverrides keeps unknown content',
    crd: CONFIGS,
    object: cfg({
      replicas: 1,
      unsupportedConfigOverrides: { deployment: { runtimeClassName: 'x', annotations: { a: 'b' } } },
    }),
    expect: 'valid',
  },
  {
    name: 'observedConfig keeps nested content',
    crd: CONFIGS,
    object: cfg({
      replicas: 1,
      observedConfig: { servingInfo: { minTLSVersion: 'VersionTLS12', ciphers: ['a'] } },
    }),
    expect: 'valid',
  },
  {
    name: 'unknown spec field warns',
    crd: CONFIGS,
    object: cfg({ replicas: 1, foo: 1 }),
    expect: 'warn',
    has: ['unknown field "spec.foo"'],
  },
  {
    name: 'unknown spec field with Strict',
    crd: CONFIGS,
    object: cfg({ replicas: 1, foo: 1 }),
    fieldValidation: 'Strict',
    expect: 'strict',
  },
  {
    name: 'unknown field with Ignore',
    crd: CONFIGS,
    object: cfg({ replicas: 1, foo: 1 }),
    fieldValidation: 'Ignore',
    expect: 'valid',
  },
  {
    name: 'unknown nested fields warn with their paths',
    crd: CONFIGS,
    object: cfg({
      replicas: 1,
      storage: { s3: { bucket: 'b', acl: 'x' } },
      routes: [{ name: 'r', tls: true }],
    }),
    expect: 'warn',
    has: ['unknown field "spec.routes[0].tls"', 'unknown field "spec.storage.s3.acl"'],
  },
  {
    name: 'unknown root field warns',
    crd: CONFIGS,
    object: { ...cfg({ replicas: 1 }), extra: true },
    expect: 'warn',
    has: ['unknown field "extra"'],
  },
  {
    name: 'azure internal with External type',
    crd: CONFIGS,
    object: cfg({
      replicas: 1,
      storage: { azure: { networkAccess: { type: 'External', internal: { subnetName: 's' } } } },
    }),
    expect: 'invalid',
    has: [
      'spec.storage.azure.networkAccess: Invalid value: "object": internal is forbidden when type is not Internal',
    ],
  },
  {
    name: 'azure internal with Internal type',
    crd: CONFIGS,
    object: cfg({
      replicas: 1,
      storage: {
        azure: {
          accountName: 'a',
          container: 'c-1',
          networkAccess: {
            type: 'Internal',
            internal: {
              subnetName: 's',
              vnetName: 'vnet1',
              networkResourceGroupName: 'rg',
              privateEndpointName: 'pe',
            },
          },
        },
      },
    }),
    expect: 'valid',
  },
  {
    name: 'azure internal without type defaults to External',
    crd: CONFIGS,
    object: cfg({ replicas: 1, storage: { azure: { networkAccess: { internal: { subnetName: 's' } } } } }),
    expect: 'invalid',
  },
  {
    name: 'azure networkAccess type not in enum',
    crd: CONFIGS,
    object: cfg({ replicas: 1, storage: { azure: { networkAccess: { type: 'Private' } } } }),
    expect: 'invalid',
    has: [SKIPPED],
  },
  {
    name: 'azure container too long',
    crd: CONFIGS,
    object: cfg({ replicas: 1, storage: { azure: { container: 'c'.repeat(64) } } }),
    expect: 'invalid',
    has: ['spec.storage.azure.container: Too long: may not be longer than 63'],
  },
  {
    name: 'azure vnetName bad pattern',
    crd: CONFIGS,
    object: cfg({
      replicas: 1,
      storage: { azure: { networkAccess: { type: 'Internal', internal: { vnetName: '-bad-' } } } },
    }),
    expect: 'invalid',
  },
  {
    name: 'azure gets a default networkAccess',
    crd: CONFIGS,
    object: cfg({ replicas: 1, storage: { azure: { accountName: 'a' } } }),
    expect: 'valid',
  },
  {
    name: 'oss KMS without kms',
    crd: CONFIGS,
    object: cfg({ replicas: 1, storage: { oss: { encryption: { method: 'KMS' } } } }),
    expect: 'invalid',
    has: [
      '<nil>: Invalid value: "": "spec.storage.oss.encryption" must validate at least one schema (anyOf)',
    ],
  },
  {
    name: 'oss AES256 with kms',
    crd: CONFIGS,
    object: cfg({ replicas: 1, storage: { oss: { encryption: { method: 'AES256', kms: { keyID: 'k' } } } } }),
    expect: 'invalid',
  },
  {
    name: 'oss KMS with a key',
    crd: CONFIGS,
    object: cfg({
      replicas: 1,
      storage: {
        oss: { bucket: 'my-bucket', region: 'r', encryption: { method: 'KMS', kms: { keyID: 'k' } } },
      },
    }),
    expect: 'valid',
  },
  {
    name: 'oss encryption without method defaults to AES256',
    crd: CONFIGS,
    object: cfg({ replicas: 1, storage: { oss: { encryption: {} } } }),
    expect: 'valid',
  },
  {
    name: 'oss bucket upper case',
    crd: CONFIGS,
    object: cfg({ replicas: 1, storage: { oss: { bucket: 'MyBucket' } } }),
    expect: 'invalid',
  },
  {
    name: 'ibmcos bad resourceKeyCRN',
    crd: CONFIGS,
    object: cfg({ replicas: 1, storage: { ibmcos: { resourceKeyCRN: 'nope' } } }),
    expect: 'invalid',
  },
  {
    name: 'ibmcos serviceInstanceCRN',
    crd: CONFIGS,
    object: cfg({
      replicas: 1,
      storage: {
        ibmcos: {
          bucket: 'b',
          serviceInstanceCRN: 'crn:v1:bluemix:public:cloud-object-storage:global:a/1:2::',
        },
      },
    }),
    expect: 'valid',
  },
  {
    name: 's3 trustedCA bad name',
    crd: CONFIGS,
    object: cfg({ replicas: 1, storage: { s3: { trustedCA: { name: 'Bad_Name' } } } }),
    expect: 'invalid',
  },
  {
    name: 's3 cloudFront missing fields',
    crd: CONFIGS,
    object: cfg({ replicas: 1, storage: { s3: { cloudFront: { baseURL: 'https://cf' } } } }),
    expect: 'invalid',
    has: [
      'spec.storage.s3.cloudFront.keypairID: Required value',
      'spec.storage.s3.cloudFront.privateKey: Required value',
    ],
  },
  {
    name: 's3 cloudFront bad duration',
    crd: CONFIGS,
    object: cfg({
      replicas: 1,
      storage: {
        s3: { cloudFront: { baseURL: 'u', keypairID: 'k', privateKey: { key: 'k' }, duration: 'later' } },
      },
    }),
    expect: 'invalid',
  },
  {
    name: 'storage managementState other',
    crd: CONFIGS,
    object: cfg({ replicas: 1, storage: { managementState: 'Other' } }),
    expect: 'invalid',
  },
  {
    name: 'pvc claim as a number',
    crd: CONFIGS,
    object: cfg({ replicas: 1, storage: { pvc: { claim: 5 } } }),
    expect: 'invalid',
  },
  {
    name: 'emptyDir content is pruned',
    crd: CONFIGS,
    object: cfg({ replicas: 1, storage: { emptyDir: { medium: 'Memory' } } }),
    expect: 'warn',
    has: ['unknown field "spec.storage.emptyDir.medium"'],
  },
  {
    name: 'requests with Go durations',
    crd: CONFIGS,
    object: cfg({
      replicas: 1,
      requests: {
        read: { maxRunning: 10, maxInQueue: 5, maxWaitInQueue: '1h' },
        write: { maxWaitInQueue: '1m30s' },
      },
    }),
    expect: 'valid',
  },
  {
    name: 'requests maxInQueue as a word',
    crd: CONFIGS,
    object: cfg({ replicas: 1, requests: { write: { maxInQueue: 'x' } } }),
    expect: 'invalid',
  },
  {
    name: 'route without name',
    crd: CONFIGS,
    object: cfg({ replicas: 1, routes: [{ hostname: 'h' }] }),
    expect: 'invalid',
    has: ['spec.routes[0].name: Required value'],
  },
  {
    name: 'routes as an object',
    crd: CONFIGS,
    object: cfg({ replicas: 1, routes: { name: 'r' } }),
    expect: 'invalid',
  },
  {
    name: 'bad cpu quantity',
    crd: CONFIGS,
    object: cfg({ replicas: 1, resources: { limits: { cpu: 'lots' } } }),
    expect: 'invalid',
  },
  {
    name: 'quantities as numbers and strings',
    crd: CONFIGS,
    object: cfg({
      replicas: 1,
      resources: { requests: { memory: 1024, cpu: '100m' }, limits: { memory: '1Gi' } },
    }),
    expect: 'valid',
  },
  {
    name: 'duplicate resource claim names',
    crd: CONFIGS,
    object: cfg({ replicas: 1, resources: { claims: [{ name: 'a' }, { name: 'a' }] } }),
    expect: 'invalid',
    has: ['spec.resources.claims[1]: Duplicate value: map[string]interface {}{"name":"a"}'],
  },
  {
    name: 'toleration seconds as a word',
    crd: CONFIGS,
    object: cfg({ replicas: 1, tolerations: [{ key: 'k', tolerationSeconds: 'x' }] }),
    expect: 'invalid',
  },
  {
    name: 'null toleration',
    crd: CONFIGS,
    object: cfg({ replicas: 1, tolerations: [null] }),
    expect: 'invalid',
  },
  {
    name: 'nodeSelector value as a number',
    crd: CONFIGS,
    object: cfg({ replicas: 1, nodeSelector: { 'kubernetes.io/os': 1 } }),
    expect: 'invalid',
    has: [
      'spec.nodeSelector.kubernetes.io/os: Invalid value: "integer": spec.nodeSelector.kubernetes.io/os in body must be of type string: "integer"',
    ],
  },
  {
    name: 'node affinity without terms',
    crd: CONFIGS,
    object: cfg({
      replicas: 1,
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {} } },
    }),
    expect: 'invalid',
  },
  {
    name: 'pod anti-affinity',
    crd: CONFIGS,
    object: cfg({
      replicas: 2,
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            {
              topologyKey: 'kubernetes.io/hostname',
              labelSelector: { matchLabels: { 'docker-registry': 'default' } },
            },
          ],
        },
      },
    }),
    expect: 'valid',
  },
  {
    name: 'topology spread without maxSkew',
    crd: CONFIGS,
    object: cfg({
      replicas: 1,
      topologySpreadConstraints: [{ topologyKey: 'z', whenUnsatisfiable: 'DoNotSchedule' }],
    }),
    expect: 'invalid',
  },
  { name: 'spec as a string', crd: CONFIGS, object: cfg('nope'), expect: 'invalid' },
  {
    name: 'readOnly as a word',
    crd: CONFIGS,
    object: cfg({ replicas: 1, readOnly: 'yes' }),
    expect: 'invalid',
  },
  {
    name: 'proxy http as a number',
    crd: CONFIGS,
    object: cfg({ replicas: 1, proxy: { http: 8080 } }),
    expect: 'invalid',
  },
  {
    name: 'defaultRoute and disableRedirect',
    crd: CONFIGS,
    object: cfg({ replicas: 1, defaultRoute: true, disableRedirect: true }),
    expect: 'valid',
  },
];

const statusCases: CorpusCase[] = [
  {
    name: 'status with conditions',
    crd: CONFIGS,
    subresource: 'status',
    object: cfg(
      { replicas: 1 },
      st({
        conditions: [cond('Available'), cond('Progressing', 'False')],
        readyReplicas: 1,
        observedGeneration: 2,
      }),
    ),
    old: cfg({ replicas: 1 }),
    expect: 'valid',
  },
  {
    name: 'duplicate condition types',
    crd: CONFIGS,
    subresource: 'status',
    object: cfg({ replicas: 1 }, st({ conditions: [cond('Available'), cond('Available', 'False')] })),
    old: cfg({ replicas: 1 }),
    expect: 'invalid',
    has: ['status.conditions[1]: Duplicate value: map[string]interface {}{"type":"Available"}'],
  },
  {
    name: 'condition status Maybe',
    crd: CONFIGS,
    subresource: 'status',
    object: cfg({ replicas: 1 }, st({ conditions: [cond('Available', 'Maybe')] })),
    old: cfg({ replicas: 1 }),
    expect: 'invalid',
  },
  {
    name: 'condition type with spaces',
    crd: CONFIGS,
    subresource: 'status',
    object: cfg({ replicas: 1 }, st({ conditions: [cond('Storage Exists')] })),
    old: cfg({ replicas: 1 }),
    expect: 'invalid',
  },
  // a status write validates .status alone (kube's statusSchemaValidator): spec problems are not its business
  {
    name: 'status write ignores an invalid spec',
    crd: CONFIGS,
    subresource: 'status',
    object: cfg({ replicas: 'x' }, st()),
    old: cfg({ replicas: 'x' }),
    expect: 'valid',
  },
  {
    name: 'condition with a bad timestamp',
    crd: CONFIGS,
    subresource: 'status',
    object: cfg({ replicas: 1 }, st({ conditions: [cond('Available', 'True', 'yesterday')] })),
    old: cfg({ replicas: 1 }),
    expect: 'invalid',
    has: [
      'status.conditions[0].lastTransitionTime: Invalid value: "yesterday": conditions[0].lastTransitionTime in body must be of type date-time: "yesterday"',
    ],
  },
  {
    name: 'latestAvailableRevision going down',
    crd: CONFIGS,
    subresource: 'status',
    object: cfg({ replicas: 1 }, st({ latestAvailableRevision: 2 })),
    old: cfg({ replicas: 1 }, st({ latestAvailableRevision: 3 })),
    expect: 'invalid',
    has: ['status.latestAvailableRevision: Invalid value: "integer": must only increase'],
  },
  {
    name: 'status without storageManaged',
    crd: CONFIGS,
    subresource: 'status',
    object: cfg({ replicas: 1 }, { storage: {} }),
    old: cfg({ replicas: 1 }),
    expect: 'invalid',
    has: ['status.storageManaged: Required value'],
  },
  {
    name: 'unchanged invalid value ratchets on update',
    crd: CONFIGS,
    object: cfg({ replicas: 2, rolloutStrategy: 'bad' }),
    old: cfg({ replicas: 1, rolloutStrategy: 'bad' }),
    expect: 'valid',
  },
  {
    name: 'changed invalid value does not ratchet',
    crd: CONFIGS,
    object: cfg({ replicas: 2, rolloutStrategy: 'worse' }),
    old: cfg({ replicas: 1, rolloutStrategy: 'bad' }),
    expect: 'invalid',
  },
];

const CO = 'clusteroperators.config.openshift.io';
const co = (status: unknown, spec: unknown = {}): KubeObject => ({
  apiVersion: 'config.openshift.io/v1',
  kind: 'ClusterOperator',
  metadata: { name: 'image-registry' },
  spec,
  status,
});
const IMAGES = 'images.config.openshift.io';
const image = (spec: unknown): KubeObject => ({
  apiVersion: 'config.openshift.io/v1',
  kind: 'Image',
  metadata: meta,
  spec,
});
const PRUNERS = 'imagepruners.imageregistry.operator.openshift.io';
const pruner = (spec: unknown): KubeObject => ({
  apiVersion: 'imageregistry.operator.openshift.io/v1',
  kind: 'ImagePruner',
  metadata: meta,
  spec,
});
const ROUTES = 'routes.route.openshift.io';
const route = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'route.openshift.io/v1',
  kind: 'Route',
  metadata: { name: 'default-route', namespace: 'openshift-image-registry' },
  spec: { to: { kind: 'Service', name: 'image-registry' }, ...spec },
});
const PLUGINS = 'consoleplugins.console.openshift.io';
const plugin = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'console.openshift.io/v1',
  kind: 'ConsolePlugin',
  metadata: { name: 'image-registry-console-plugin' },
  spec: {
    displayName: 'Image Registry',
    backend: { type: 'Service', service: { name: 'svc', namespace: 'ns', port: 9443 } },
    ...spec,
  },
});
const csp = (directive: string, values: string[]) => ({ directive, values });

const otherCases: CorpusCase[] = [
  {
    name: 'cluster operator status',
    crd: CO,
    object: co({
      conditions: [cond('Available'), cond('Degraded', 'False')],
      versions: [{ name: 'operator', version: '4.17.0' }],
      relatedObjects: [{ group: '', resource: 'namespaces', name: 'openshift-image-registry' }],
      extension: null,
    }),
    expect: 'valid',
  },
  {
    name: 'cluster operator condition without time',
    crd: CO,
    object: co({ conditions: [{ type: 'Available', status: 'True' }] }),
    expect: 'invalid',
    has: ['status.conditions[0].lastTransitionTime: Required value'],
  },
  {
    name: 'related object without resource',
    crd: CO,
    object: co({ relatedObjects: [{ group: '', name: 'x' }] }),
    expect: 'invalid',
  },
  {
    name: 'cluster operator spec content is pruned',
    crd: CO,
    object: co({}, { foo: 1 }),
    expect: 'warn',
    has: ['unknown field "spec.foo"'],
  },
  {
    name: 'cluster operator without spec',
    crd: CO,
    object: { apiVersion: 'config.openshift.io/v1', kind: 'ClusterOperator', metadata: { name: 'x' } },
    expect: 'invalid',
    has: ['spec: Required value'],
  },
  {
    name: 'image config with allowed and blocked registries',
    crd: IMAGES,
    object: image({ registrySources: { allowedRegistries: ['quay.io'], blockedRegistries: ['docker.io'] } }),
    expect: 'invalid',
    has: [
      'spec.registrySources: Invalid value: "object": Only one of blockedRegistries or allowedRegistries may be set',
    ],
  },
  {
    name: 'image config with a bad registry',
    crd: IMAGES,
    object: image({ registrySources: { insecureRegistries: ['bad@@registry:tag'] } }),
    expect: 'invalid',
    has: [
      'spec.registrySources.insecureRegistries[0]: Invalid value: "string": each registry must be a valid hostname[:port][/path] or wildcard *.hostname format without tags or digests',
    ],
  },
  {
    name: 'image config with good registries',
    crd: IMAGES,
    object: image({
      registrySources: { allowedRegistries: ['quay.io', '*.example.com', 'registry:5000/ns/repo'] },
      externalRegistryHostnames: ['registry.example.com'],
      additionalTrustedCA: { name: 'ca' },
    }),
    expect: 'valid',
  },
  {
    name: 'duplicate search registries',
    crd: IMAGES,
    object: image({ registrySources: { containerRuntimeSearchRegistries: ['quay.io', 'quay.io'] } }),
    expect: 'invalid',
    has: ['spec.registrySources.containerRuntimeSearchRegistries[1]: Duplicate value: "quay.io"'],
  },
  {
    name: 'bad image stream import mode',
    crd: IMAGES,
    object: image({ imageStreamImportMode: 'Fast' }),
    expect: 'invalid',
  },
  {
    name: 'image pruner',
    crd: PRUNERS,
    object: pruner({
      schedule: '@daily',
      keepYoungerThanDuration: '60m',
      keepTagRevisions: 3,
      suspend: false,
      tolerations: [{ operator: 'Exists' }],
    }),
    expect: 'valid',
  },
  {
    name: 'image pruner keepTagRevisions as a word',
    crd: PRUNERS,
    object: pruner({ keepTagRevisions: 'three' }),
    expect: 'invalid',
  },
  {
    name: 'image pruner schedule as a number',
    crd: PRUNERS,
    object: pruner({ schedule: 5 }),
    expect: 'invalid',
  },
  {
    name: 'reencrypt route with defaults',
    crd: ROUTES,
    object: route({ port: { targetPort: '5000-tcp' }, tls: { termination: 'reencrypt' } }),
    expect: 'valid',
  },
  {
    name: 'passthrough route with a path',
    crd: ROUTES,
    object: route({ path: '/x', tls: { termination: 'passthrough' } }),
    expect: 'invalid',
  },
  {
    name: 'passthrough route allowing insecure',
    crd: ROUTES,
    object: route({ tls: { termination: 'passthrough', insecureEdgeTerminationPolicy: 'Allow' } }),
    expect: 'invalid',
    has: [
      'spec.tls: Invalid value: "object": cannot have both spec.tls.termination: passthrough and spec.tls.insecureEdgeTerminationPolicy: Allow',
    ],
  },
  {
    name: 'route with certificate and external certificate',
    crd: ROUTES,
    object: route({ tls: { termination: 'edge', certificate: 'c', externalCertificate: { name: 's' } } }),
    expect: 'invalid',
  },
  { name: 'route targetPort 0', crd: ROUTES, object: route({ port: { targetPort: 0 } }), expect: 'invalid' },
  {
    name: 'route header Set without value',
    crd: ROUTES,
    object: route({ httpHeaders: { actions: { request: [{ name: 'X-A', action: { type: 'Set' } }] } } }),
    expect: 'invalid',
    has: [
      'spec.httpHeaders.actions.request[0].action: Invalid value: "object": set is required when type is Set, and forbidden otherwise',
    ],
  },
  {
    name: 'route header Cookie',
    crd: ROUTES,
    object: route({
      httpHeaders: { actions: { response: [{ name: 'Cookie', action: { type: 'Delete' } }] } },
    }),
    expect: 'invalid',
    has: [
      'spec.httpHeaders.actions.response[0].name: Invalid value: "string": cookie header may not be modified via header actions',
    ],
  },
  {
    name: 'route header with a dynamic value',
    crd: ROUTES,
    object: route({
      httpHeaders: {
        actions: {
          request: [
            { name: 'X-Client-Cert', action: { type: 'Set', set: { value: '%[ssl_c_der,base64]' } } },
          ],
        },
      },
    }),
    expect: 'valid',
  },
  {
    name: 'route with four backends',
    crd: ROUTES,
    object: route({ alternateBackends: ['a', 'b', 'c', 'd'].map((name) => ({ kind: 'Service', name })) }),
    expect: 'invalid',
    has: ['spec.alternateBackends: Too many: 4: must have at most 3 items'],
  },
  {
    name: 'route host with underscore',
    crd: ROUTES,
    object: route({ host: 'bad_host.example.com' }),
    expect: 'invalid',
  },
  {
    name: 'edge route with destination CA',
    crd: ROUTES,
    object: route({ tls: { termination: 'edge', destinationCACertificate: 'x' } }),
    expect: 'invalid',
  },
  {
    name: 'console plugin',
    crd: PLUGINS,
    object: plugin({
      i18n: { loadType: 'Preload' },
      contentSecurityPolicy: [csp('ImgSrc', ['https://a'])],
      proxy: [
        {
          alias: 'api',
          endpoint: { type: 'Service', service: { name: 's', namespace: 'n', port: 8443 } },
          authorization: 'UserToken',
        },
      ],
    }),
    expect: 'valid',
  },
  {
    name: 'console plugin without displayName',
    crd: PLUGINS,
    object: { ...plugin({}), spec: { backend: { type: 'Service' } } },
    expect: 'invalid',
    has: ['spec.displayName: Required value'],
  },
  {
    name: 'CSP with duplicate values',
    crd: PLUGINS,
    object: plugin({ contentSecurityPolicy: [csp('ScriptSrc', ['https://a', 'https://a'])] }),
    expect: 'invalid',
    has: [
      'spec.contentSecurityPolicy[0].values: Invalid value: "array": each CSP directive value must be unique',
    ],
  },
  {
    name: 'CSP value with a quote',
    crd: PLUGINS,
    object: plugin({ contentSecurityPolicy: [csp('ScriptSrc', ["'self'"])] }),
    expect: 'invalid',
  },
  {
    name: 'CSP too large',
    crd: PLUGINS,
    object: plugin({
      contentSecurityPolicy: ['DefaultSrc', 'ScriptSrc', 'StyleSrc', 'ImgSrc', 'FontSrc'].map((d) =>
        csp(d, ['a'.repeat(1000), 'b'.repeat(1000)]),
      ),
    }),
    expect: 'invalid',
    has: [
      'spec.contentSecurityPolicy: Invalid value: "array": the total combined size of values of all directives must not exceed 8192 (8kb)',
    ],
  },
  {
    name: 'console plugin port out of range',
    crd: PLUGINS,
    object: plugin({ backend: { type: 'Service', service: { name: 's', namespace: 'n', port: 70000 } } }),
    expect: 'invalid',
  },
];

export const CORPUS: CorpusCase[] = [...configCases, ...statusCases, ...otherCases];
