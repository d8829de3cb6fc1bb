import { createHash } from 'node:crypto';
import type { KubeObject } from '../../core/types.js';
import { clone, isRecord, num, rec, str } from '../../core/objects.js';
import type { Json } from '../../core/objects.js';
import { goDuration, parseGoDuration } from '../../cluster/time.js';
import type { StorageResult } from '../context.js';
import { DEFAULT_TLS_PROFILE } from '../tls-profiles.js';
import {
  CERTS_CONFIGMAP,
  CHECKSUM_ANNOTATION,
  DEPS_CHECKSUM_ANNOTATION,
  IMAGES,
  INTERNAL_HOSTNAME,
  NS,
  PRIVATE_CONFIG_SECRET,
  PROGRESS_DEADLINE_SECONDS,
  PULL_SECRET_COPY,
  REGISTRY_CONTAINER,
  REGISTRY_LABELS,
  REGISTRY_NAME,
  REGISTRY_SA,
  RELEASE_VERSION,
  SUPPLEMENTAL_GROUPS_ANNOTATION,
  TLS_SECRET,
  TRUSTED_CA_CONFIGMAP,
} from '../defaults.js';

type EnvVar = { name: string; value?: string; valueFrom?: unknown };

export interface DeploymentInputs {
  spec: Json;
  storage: StorageResult;
  depsChecksum: string;
  /** spec.httpSecret: the real operator writes it as a plain env value (operator-facts.md) */
  httpSecret: string;
  /** proxies.config.openshift.io/cluster status (fallback for spec.proxy) */
  clusterProxy: Json;
  /** whether nodes carry topology.kubernetes.io/zone (adds the zone spread constraint) */
  zonedNodes: boolean;
  /** the registry namespace's openshift.io/sa.scc.supplemental-groups annotation ("<gid>/<size>") */
  supplementalGroups: string | undefined;
}

/** The pod's fsGroup is the first gid of the namespace's SCC range (the operator's error texts). */
function podSecurityContext(groups: string | undefined): Json {
  const fail = (why: string): never => {
    throw new Error(`generate security context for deployment config: ${why}`);
  };
  const where = `annotation ${SUPPLEMENTAL_GROUPS_ANNOTATION} in namespace "${NS}"`;
  if (groups === undefined)
    return fail(`namespace "${NS}" doesn't have annotation ${SUPPLEMENTAL_GROUPS_ANNOTATION}`);
  const slash = groups.indexOf('/');
  if (slash === -1) return fail(`${where} doesn't contain '/'`);
  const gid = Number(groups.slice(0, slash));
  if (!/^-?\d+$/.test(groups.slice(0, slash)) || !Number.isSafeInteger(gid))
    return fail(`unable to parse ${where}: invalid syntax`);
  return { fsGroup: gid, fsGroupChangePolicy: 'OnRootMismatch' };
}

/** REGISTRY_LOG_LEVEL from spec.logLevel, falling back to the deprecated spec.logging. */
export function registryLogLevel(spec: Json): string {
  const level = str(spec.logLevel) ?? 'Normal';
  if (level === 'Debug' || level === 'Trace' || level === 'TraceAll') return 'debug';
  const logging = num(spec.logging) ?? 2;
  if (logging === 1) return 'warn';
  if (logging === 0 || logging === 2 || logging === 3) return 'info';
  return 'debug';
}

/** requests.read/write → env; negative values are the operator's exact apply error. */
function requestsEnv(spec: Json): EnvVar[] {
  const out: EnvVar[] = [];
  for (const side of ['read', 'write'] as const) {
    const r = rec(spec, 'requests', side);
    const Side = side === 'read' ? 'Read' : 'Write';
    const maxRunning = num(r.maxRunning) ?? 0;
    const maxInQueue = num(r.maxInQueue) ?? 0;
    if (maxRunning < 0) throw new Error(`Requests.${Side}.MaxRunning must be positive number`);
    if (maxInQueue < 0) throw new Error(`Requests.${Side}.MaxInQueue must be positive number`);
    const wait = str(r.maxWaitInQueue);
    const waitMs = wait ? parseGoDuration(wait) : 0;
    if (waitMs === undefined || waitMs < 0)
      throw new Error(`Requests.${Side}.MaxWaitInQueue must be positive duration`);
    if (maxRunning === 0 && maxInQueue === 0) continue;
    const P = `REGISTRY_OPENSHIFT_REQUESTS_${side.toUpperCase()}`;
    out.push(
      { name: `${P}_MAXRUNNING`, value: String(maxRunning) },
      { name: `${P}_MAXINQUEUE`, value: String(maxInQueue) },
      { name: `${P}_MAXWAITINQUEUE`, value: goDuration(waitMs) },
    );
  }
  return out;
}

function proxyEnv(spec: Json, clusterProxy: Json): EnvVar[] {
  const p = rec(spec, 'proxy');
  const pick = (field: 'http' | 'https' | 'noProxy', statusField: string) =>
    str(p[field]) || str(clusterProxy[statusField]) || '';
  const out: EnvVar[] = [];
  const http = pick('http', 'httpProxy');
  const https = pick('https', 'httpsProxy');
  const no = pick('noProxy', 'noProxy');
  if (http) out.push({ name: 'HTTP_PROXY', value: http });
  if (https) out.push({ name: 'HTTPS_PROXY', value: https });
  if (no) out.push({ name: 'NO_PROXY', value: no });
  return out;
}

/** Default spread: hostname, worker role, and zone when nodes are zoned (op podtemplatespec). */
function defaultSpread(zoned: boolean): Json[] {
  const keys = [
    'kubernetes.io/hostname',
    'node-role.kubernetes.io/worker',
    ...(zoned ? ['topology.kubernetes.io/zone'] : []),
  ];
  return keys.map((topologyKey) => ({
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable: 'DoNotSchedule',
    labelSelector: { matchLabels: { ...REGISTRY_LABELS } },
  }));
}

/**
 * The registry Deployment exactly as op:pkg/resource/podtemplatespec.go + deployment.go build it
 * from the Config (domain.md §2): env, probes, preStop, grace, strategy, affinity, spread.
 * Throws the operator's error text for invalid `requests`.
 */
/** 4.23: the TLS profile the config observer put into spec.observedConfig.servingInfo (the cluster default until it has). */
function tlsEnv(spec: Json): EnvVar[] {
  const serving = rec(spec, 'observedConfig', 'servingInfo');
  const suites = Array.isArray(serving.cipherSuites) ? serving.cipherSuites.map(String) : undefined;
  return [
    {
      name: 'REGISTRY_HTTP_TLS_MINVERSION',
      value: str(serving.minTLSVersion) || DEFAULT_TLS_PROFILE.minTLSVersion,
    },
    {
      name: 'OPENSHIFT_REGISTRY_HTTP_TLS_CIPHERSUITES',
      value: (suites ?? DEFAULT_TLS_PROFILE.cipherSuites).join(','),
    },
  ];
}

export function registryDeployment(input: DeploymentInputs): KubeObject {
  const { spec, storage } = input;
  const replicas = num(spec.replicas) ?? 1;
  const env: EnvVar[] = [
    ...storage.env,
    { name: 'REGISTRY_HTTP_ADDR', value: ':5000' },
    { name: 'REGISTRY_HTTP_NET', value: 'tcp' },
    // a plain value, not a secretKeyRef: whoever may read Deployments here sees it (as on a cluster)
    { name: 'REGISTRY_HTTP_SECRET', value: input.httpSecret },
    { name: 'REGISTRY_LOG_LEVEL', value: registryLogLevel(spec) },
    { name: 'REGISTRY_OPENSHIFT_QUOTA_ENABLED', value: 'true' },
    { name: 'REGISTRY_STORAGE_CACHE_BLOBDESCRIPTOR', value: 'inmemory' },
    { name: 'REGISTRY_STORAGE_DELETE_ENABLED', value: 'true' },
    { name: 'REGISTRY_HEALTH_STORAGEDRIVER_ENABLED', value: 'true' },
    { name: 'REGISTRY_HEALTH_STORAGEDRIVER_INTERVAL', value: '10s' },
    { name: 'REGISTRY_HEALTH_STORAGEDRIVER_THRESHOLD', value: '1' },
    { name: 'REGISTRY_OPENSHIFT_METRICS_ENABLED', value: 'true' },
    { name: 'REGISTRY_OPENSHIFT_SERVER_ADDR', value: INTERNAL_HOSTNAME },
    { name: 'REGISTRY_HTTP_TLS_CERTIFICATE', value: '/etc/secrets/tls.crt' },
    { name: 'REGISTRY_HTTP_TLS_KEY', value: '/etc/secrets/tls.key' },
    ...tlsEnv(spec),
    ...requestsEnv(spec),
    ...proxyEnv(spec, input.clusterProxy),
  ];
  if (spec.readOnly === true)
    env.push({ name: 'REGISTRY_STORAGE_MAINTENANCE_READONLY', value: '{"enabled":true}' });
  if (spec.disableRedirect === true) env.push({ name: 'REGISTRY_STORAGE_REDIRECT_DISABLE', value: 'true' });

  const userSelector = rec(spec, 'nodeSelector');
  const nodeSelector = { 'kubernetes.io/os': 'linux', ...userSelector };
  const affinity = isRecord(spec.affinity)
    ? clone(spec.affinity)
    : replicas === 2
      ? {
          podAntiAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              {
                labelSelector: { matchLabels: { ...REGISTRY_LABELS } },
                namespaces: [NS],
                topologyKey: 'kubernetes.io/hostname',
              },
            ],
          },
        }
      : undefined;
  const spread = Array.isArray(spec.topologySpreadConstraints)
    ? clone(spec.topologySpreadConstraints)
    : Object.keys(userSelector).length > 0
      ? undefined
      : defaultSpread(input.zonedNodes);
  const probe = (initialDelaySeconds: number) => ({
    httpGet: { path: '/healthz', port: 5000, scheme: 'HTTPS' },
    initialDelaySeconds,
    timeoutSeconds: 5,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold: 3,
  });
  const strategy =
    str(spec.rolloutStrategy) === 'Recreate'
      ? { type: 'Recreate' }
      : {
          type: 'RollingUpdate',
          rollingUpdate:
            replicas === 2
              ? { maxUnavailable: 1, maxSurge: 1 }
              : { maxUnavailable: Math.max(replicas - 1, 0), maxSurge: '25%' },
        };
  const unsupported = rec(spec, 'unsupportedConfigOverrides', 'deployment');

  const podSpec: Json = {
    serviceAccountName: REGISTRY_SA,
    priorityClassName: 'system-cluster-critical',
    terminationGracePeriodSeconds: 55,
    nodeSelector,
    securityContext: podSecurityContext(input.supplementalGroups),
    containers: [
      {
        name: REGISTRY_CONTAINER,
        image: IMAGES.registry,
        imagePullPolicy: 'IfNotPresent',
        command: [
          '/bin/sh',
          '-c',
          'mkdir -p /etc/pki/ca-trust/extracted/edk2 /etc/pki/ca-trust/extracted/java /etc/pki/ca-trust/extracted/openssl /etc/pki/ca-trust/extracted/pem && update-ca-trust extract && exec /usr/bin/dockerregistry',
        ],
        ports: [{ containerPort: 5000, protocol: 'TCP' }],
        env,
        resources:
          isRecord(spec.resources) && Object.keys(spec.resources).length
            ? clone(spec.resources)
            : { requests: { cpu: '100m', memory: '256Mi' } },
        volumeMounts: [
          ...storage.mounts,
          { name: 'registry-tls', mountPath: '/etc/secrets' },
          { name: 'ca-trust-extracted', mountPath: '/etc/pki/ca-trust/extracted' },
          { name: 'registry-certificates', mountPath: '/etc/pki/ca-trust/source/anchors' },
          { name: 'trusted-ca', mountPath: '/usr/share/pki/ca-trust-source' },
          { name: 'installation-pull-secrets', mountPath: '/var/lib/kubelet/', readOnly: true },
          { name: 'bound-sa-token', mountPath: '/var/run/secrets/openshift/serviceaccount', readOnly: true },
          ...(storage.secretData.credentials
            ? [{ name: 'image-registry-private-configuration', mountPath: '/var/run/secrets/cloud' }]
            : []),
        ],
        livenessProbe: probe(5),
        readinessProbe: probe(15),
        lifecycle: { preStop: { exec: { command: ['sleep', '25'] } } },
        securityContext: { readOnlyRootFilesystem: true },
        terminationMessagePolicy: 'FallbackToLogsOnError',
      },
    ],
    volumes: [
      ...storage.volumes,
      { name: 'registry-tls', projected: { sources: [{ secret: { name: TLS_SECRET } }] } },
      { name: 'ca-trust-extracted', emptyDir: {} },
      { name: 'registry-certificates', configMap: { name: CERTS_CONFIGMAP } },
      {
        name: 'trusted-ca',
        configMap: {
          name: TRUSTED_CA_CONFIGMAP,
          optional: true,
          items: [{ key: 'ca-bundle.crt', path: 'anchors/ca-bundle.crt' }],
        },
      },
      {
        name: 'installation-pull-secrets',
        secret: {
          secretName: PULL_SECRET_COPY,
          optional: true,
          items: [{ key: '.dockerconfigjson', path: 'config.json' }],
        },
      },
      {
        name: 'bound-sa-token',
        projected: {
          sources: [
            { serviceAccountToken: { audience: 'openshift', expirationSeconds: 3600, path: 'token' } },
          ],
        },
      },
      ...(storage.secretData.credentials
        ? [
            {
              name: 'image-registry-private-configuration',
              secret: { secretName: PRIVATE_CONFIG_SECRET, optional: true },
            },
          ]
        : []),
    ],
  };
  if (Array.isArray(spec.tolerations)) podSpec.tolerations = clone(spec.tolerations);
  if (affinity) podSpec.affinity = affinity;
  if (spread) podSpec.topologySpreadConstraints = spread;
  if (str(unsupported.runtimeClassName)) podSpec.runtimeClassName = unsupported.runtimeClassName;

  const deploymentSpec: Json = {
    replicas,
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: PROGRESS_DEADLINE_SECONDS,
    selector: { matchLabels: { ...REGISTRY_LABELS } },
    strategy,
    template: {
      metadata: {
        labels: { ...REGISTRY_LABELS },
        annotations: {
          [DEPS_CHECKSUM_ANNOTATION]: input.depsChecksum,
          'openshift.io/required-scc': 'restricted-v2',
          'target.workload.openshift.io/management': '{"effect": "PreferredDuringScheduling"}',
          ...(rec(unsupported, 'annotations') as Record<string, string>),
        },
      },
      spec: podSpec,
    },
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: REGISTRY_NAME,
      namespace: NS,
      labels: { ...REGISTRY_LABELS },
      annotations: {
        // the operator's own record of what it applied (strategy/checksum.go): a drifted spec is rewritten
        [CHECKSUM_ANNOTATION]: `sha256:${createHash('sha256').update(JSON.stringify(deploymentSpec)).digest('hex')}`,
        'release.openshift.io/version': RELEASE_VERSION,
      },
    },
    spec: deploymentSpec,
  };
}
