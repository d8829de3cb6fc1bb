import type { Clock, KubeObject } from '../core/types.js';
import type { ContainerIO, ContainerProcess, ProbeResult } from '../cluster/container-runtime.js';
import { AwsError, type SimWorld } from '../cluster/cloud.js';
import { matchesNoProxy } from '@irc/shared';
import type { Json } from '../core/objects.js';
import { rec, str } from '../core/objects.js';
import { INTERNAL_HOSTNAME, OPERATOR_VERSION_STRING } from '../operator/defaults.js';
import { containerEnv } from './env.js';
import { enabled, logrusLine, requestId } from './logrus.js';

const TRAFFIC_EVERY_MS = 20_000;
const HEALTH_EVERY_MS = 10_000;
const CRASH_AFTER_MS = 1_500;

/** Images pulled by the sample apps (what node kubelets fetch through the registry). */
const REPOS = [
  { repo: 'shop-frontend/frontend', tag: '1.4.2', user: 'system:serviceaccount:shop-frontend:default' },
  { repo: 'payments/payments-api', tag: '2.0.1', user: 'system:serviceaccount:payments:default' },
  { repo: 'openshift/cli', tag: 'latest', user: 'system:serviceaccount:openshift-image-registry:pruner' },
];
const CRIO_UA = 'cri-o/1.32.5-3.rhaos4.19.git8e0c4ae.el9 go/go1.23.6 os/linux arch/amd64';

export interface RegistryHealth {
  ok: boolean;
  /** the storage driver's error, as the registry logs it */
  error?: string;
}

/** The URL the s3aws driver's health check GETs (Stat of "/": a one-key listing). */
function storageUrl(bucket: string, region: string, env: Record<string, string>): URL {
  const endpoint = env.REGISTRY_STORAGE_S3_REGIONENDPOINT;
  const query = '?list-type=2&max-keys=1&prefix=';
  if (endpoint) return new URL(`${endpoint.replace(/\/$/, '')}/${bucket}${query}`);
  return new URL(`https://${bucket}.s3.${region}.amazonaws.com/${query}`);
}

/** The proxy a request to `host` goes through (HTTPS_PROXY unless NO_PROXY matches), as host:port. */
function proxyFor(env: Record<string, string>, host: string): string | undefined {
  const proxy = env.HTTPS_PROXY || env.https_proxy;
  if (!proxy || matchesNoProxy(host, env.NO_PROXY || env.no_proxy || '')) return undefined;
  try {
    const u = new URL(proxy);
    return `${u.hostname}:${u.port || (u.protocol === 'https:' ? '443' : '80')}`;
  } catch {
    return undefined;
  }
}

/**
 * /healthz with the storage driver health check enabled: the bucket must answer a GET, through
 * the proxy the registry's env names (unless NO_PROXY lets it go direct), signed by a node whose
 * clock S3 accepts. Errors read as aws-sdk-go v1 and Go's net/http write them.
 */
export function registryHealth(world: SimWorld, env: Record<string, string>, node?: string): RegistryHealth {
  if (env.REGISTRY_STORAGE !== 's3') return { ok: true };
  const bucket = env.REGISTRY_STORAGE_S3_BUCKET ?? '';
  const region = env.REGISTRY_STORAGE_S3_REGION ?? 'us-east-1';
  const url = storageUrl(bucket, region, env);
  const failed = (cause: string): RegistryHealth => ({
    ok: false,
    error: `s3aws: RequestError: send request failed\ncaused by: Get "${url.href}": ${cause}`,
  });
  const via = proxyFor(env, url.hostname);
  const proxy = via ? world.proxies.get(via) : undefined;
  if (proxy && !proxy.up)
    return failed(`proxyconnect tcp: dial tcp ${proxy.ip}:${via?.split(':')[1]}: i/o timeout`);
  // the proxy cannot resolve a host of the cluster or the corporate network: CONNECT → 503
  if (proxy?.publicOnly && !url.hostname.endsWith('.amazonaws.com')) return failed('Service Unavailable');
  if (world.s3.unreachable) return failed('dial tcp 52.216.0.1:443: i/o timeout');
  if (node && world.faults.clockSkewedNodes.has(node))
    return {
      ok: false,
      error: `s3aws: ${new AwsError('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', 403).message}`,
    };
  const err = world.s3.probe(bucket, region);
  return err ? { ok: false, error: `s3aws: ${err.message}` } : { ok: true };
}

export interface RegistryProcess extends ContainerProcess {
  probe(kind: 'readiness' | 'liveness'): ProbeResult;
}

/**
 * The `registry` container (openshift/image-registry): logrus lines of domain.md §8 — startup
 * block, kube-probe `/healthz` responses, occasional pulls and pushes, storage errors while the
 * bucket is unreachable, shutdown lines on SIGTERM. Level from REGISTRY_LOG_LEVEL.
 */
export function startRegistry(
  clock: Clock,
  world: SimWorld,
  pod: KubeObject,
  container: Json,
  io: ContainerIO,
): RegistryProcess {
  const env = containerEnv(container);
  const node = str(rec(pod, 'spec').nodeName);
  const level = env.REGISTRY_LOG_LEVEL ?? 'info';
  const podIP = str(rec(pod, 'status').podIP) ?? '10.129.2.15';
  const hostIP = str(rec(pod, 'status').hostIP) ?? '10.0.23.45';
  const gateway = podIP.replace(/\.\d+$/, '.1');
  const out = (
    lvl: Parameters<typeof logrusLine>[1],
    msg: string,
    fields: Record<string, string | number> = {},
  ): void => {
    if (enabled(level, lvl)) io.log(logrusLine(clock.now(), lvl, msg, fields));
  };
  const timers: Array<() => void> = [];
  let alive = true;

  out('info', 'start registry', {
    distribution_version: 'v3.0.0+unknown',
    openshift_version: OPERATOR_VERSION_STRING,
  });
  out('info', 'caching project quota objects with TTL 1m0s');
  out('info', 'redis not configured');
  out('info', 'Starting upload purge in 36m0s');
  out('info', 'using openshift blob descriptor cache');
  out('info', `Using "${INTERNAL_HOSTNAME}" as Docker Registry URL`);
  if (env.REGISTRY_STORAGE_MAINTENANCE_READONLY) out('info', 'registry is in read-only mode');
  out('debug', 'configured "openshift" access controller');

  if (world.faults.registryCrash) {
    timers.push(
      clock.after(CRASH_AFTER_MS, () => {
        if (!alive) return;
        out(
          'panic',
          `s3aws: failed to create storage driver: AccessDenied: Access Denied\n\tstatus code: 403, request id: 8D1C7B2E5A9F4036, host id: `,
        );
        io.exit(2);
      }),
    );
  } else {
    out('info', 'listening on :5000, tls');
  }

  const response = (
    status: number,
    uri: string,
    method: string,
    ua: string,
    extra: Record<string, string | number> = {},
  ): void => {
    out('info', 'response', {
      'http.request.host': `${podIP}:5000`,
      'http.request.id': requestId(),
      'http.request.method': method,
      'http.request.remoteaddr': `${gateway}:${30000 + Math.floor(Math.random() * 30000)}`,
      'http.request.uri': uri,
      'http.request.useragent': ua,
      'http.response.duration': `${(20 + Math.random() * 40).toFixed(1)}µs`,
      'http.response.status': status,
      'http.response.written': 0,
      ...extra,
    });
  };

  const traffic = (): void => {
    if (!alive || !registryHealth(world, env, node).ok || Math.random() < 0.5) return;
    const r = REPOS[Math.floor(Math.random() * REPOS.length)] ?? REPOS[0];
    if (!r) return;
    const push = Math.random() < 0.15 && !env.REGISTRY_STORAGE_MAINTENANCE_READONLY;
    const digest = `sha256:${Array.from({ length: 64 }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('')}`;
    out('debug', 'authorizing request', {
      'http.request.method': push ? 'PUT' : 'GET',
      'http.request.uri': `/v2/${r.repo}/manifests/${r.tag}`,
      'vars.name': r.repo,
    });
    out('debug', `(*blobDescriptorService).Stat: found ${r.repo} in local cache`);
    out('info', 'authorized request', {
      'go.version': 'go1.23.6',
      'http.request.host': INTERNAL_HOSTNAME,
      'http.request.method': push ? 'PUT' : 'GET',
      'http.request.uri': `/v2/${r.repo}/manifests/${r.tag}`,
      'openshift.auth.user': r.user,
      'vars.name': r.repo,
      'vars.reference': r.tag,
    });
    out('info', 'response completed', {
      'http.request.host': INTERNAL_HOSTNAME,
      'http.request.id': requestId(),
      'http.request.method': push ? 'PUT' : 'GET',
      'http.request.remoteaddr': `${hostIP}:${40000 + Math.floor(Math.random() * 20000)}`,
      'http.request.uri': `/v2/${r.repo}/manifests/${r.tag}`,
      'http.request.useragent': push ? 'containers/5.32.2 (github.com/containers/image)' : CRIO_UA,
      'http.response.contenttype': 'application/vnd.oci.image.manifest.v1+json',
      'http.response.duration': `${(5 + Math.random() * 60).toFixed(3)}ms`,
      'http.response.status': push ? 201 : 200,
      'http.response.written': push ? 0 : 1578,
      ...(push ? { 'http.response.header.docker-content-digest': digest } : {}),
      'openshift.auth.user': r.user,
      'vars.name': r.repo,
      'vars.reference': r.tag,
    });
  };
  const storageCheck = (): void => {
    const h = registryHealth(world, env, node);
    // distribution's storage driver check logs the error itself: dcontext.GetLogger(app).Error(err)
    if (alive && !h.ok) out('error', h.error ?? 'unknown');
  };
  const registryKey = `${str(rec(pod, 'metadata').uid) ?? ''}/${str(container.name) ?? 'registry'}`;
  if (!world.faults.registryCrash) {
    timers.push(clock.every(TRAFFIC_EVERY_MS, traffic), clock.every(HEALTH_EVERY_MS, storageCheck));
    world.registries.set(registryKey, {
      health: () => registryHealth(world, env, node),
      readOnly: () => Boolean(env.REGISTRY_STORAGE_MAINTENANCE_READONLY),
    });
  }

  const stopTimers = (): void => {
    alive = false;
    world.registries.delete(registryKey);
    for (const t of timers) t();
  };
  return {
    probe: () => {
      if (!alive || world.faults.registryCrash)
        return {
          ok: false,
          message: `Get "https://${podIP}:5000/healthz": dial tcp ${podIP}:5000: connect: connection refused`,
        };
      const h = registryHealth(world, env, node);
      response(h.ok ? 200 : 503, '/healthz', 'GET', 'kube-probe/1.32');
      return h.ok ? { ok: true } : { ok: false, message: 'HTTP probe failed with statuscode: 503' };
    },
    terminate: () => {
      if (!alive) return;
      out('info', 'shutting down image registry server');
      out('info', 'server shutdown, bye.');
      stopTimers();
    },
    kill: stopTimers,
  };
}
