/**
 * A client of the Prometheus HTTP API (`/api/v1/query_range`) — what a cluster's Thanos querier
 * (`thanos-querier.openshift-monitoring.svc:9091`, behind kube-rbac-proxy) and a plain Prometheus
 * both serve, so one code path reads either. Every query carries the CALLER's bearer token:
 * monitoring decides what that user may read (e.g. `cluster-monitoring-view`); the server's own
 * identity is never used for it.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { HistoryState } from '@irc/shared';

export const IN_CLUSTER_PROMETHEUS_URL = 'https://thanos-querier.openshift-monitoring.svc:9091';
/** OpenShift injects the service CA (which signs thanos-querier's serving cert) into every pod. */
const SERVICE_CA_FILE = '/var/run/secrets/kubernetes.io/serviceaccount/service-ca.crt';

export interface MonitoringSettings {
  url: string;
  /** PEM bundle to verify an HTTPS endpoint with (default: the system's roots). */
  ca?: string;
  timeoutMs: number;
}

/**
 * PROMETHEUS_URL, else in a pod the Thanos querier; PROMETHEUS_CA_FILE, else in a pod the
 * service CA. Standalone without PROMETHEUS_URL: no monitoring (undefined).
 */
export function monitoringFromEnv(env: NodeJS.ProcessEnv = process.env): MonitoringSettings | undefined {
  const inCluster = Boolean(env.KUBERNETES_SERVICE_HOST);
  const url = env.PROMETHEUS_URL || (inCluster ? IN_CLUSTER_PROMETHEUS_URL : undefined);
  if (!url) return undefined;
  const caFile = env.PROMETHEUS_CA_FILE || (inCluster ? SERVICE_CA_FILE : undefined);
  let ca: string | undefined;
  try {
    ca = caFile ? readFileSync(caFile, 'utf8') : undefined;
  } catch {
    ca = undefined; // the system's roots then
  }
  return {
    url: url.replace(/\/+$/, ''),
    ...(ca ? { ca } : {}),
    timeoutMs: Number(env.PROMETHEUS_TIMEOUT_MS) || 10_000,
  };
}

/** A failure to read monitoring, classified for the admin's sentence. */
export class MonitoringError extends Error {
  constructor(
    readonly state: Exclude<HistoryState, 'ok'>,
    message: string,
  ) {
    super(message);
  }
}

export interface RangeSeries {
  metric: Record<string, string>;
  values: Array<[number, string]>;
}

export interface RangeQuery {
  query: string;
  /** unix seconds */
  start: number;
  end: number;
  step: number;
}

export class PrometheusClient {
  constructor(private readonly settings: MonitoringSettings) {}

  get url(): string {
    return this.settings.url;
  }

  /** `query_range` as `token`'s user; throws {@link MonitoringError}. */
  async queryRange(q: RangeQuery, token: string | undefined, signal?: AbortSignal): Promise<RangeSeries[]> {
    const params = new URLSearchParams({
      query: q.query,
      start: String(q.start),
      end: String(q.end),
      step: String(q.step),
    });
    const { status, body } = await this.post('/api/v1/query_range', params.toString(), token, signal);
    if (status === 401) throw new MonitoringError('unauthorized', 'monitoring did not accept your token');
    if (status === 403) throw new MonitoringError('forbidden', 'you may not read monitoring data');
    let parsed: { status?: string; error?: string; data?: { resultType?: string; result?: RangeSeries[] } };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      throw new MonitoringError(
        'unavailable',
        `monitoring answered HTTP ${status} without a Prometheus answer`,
      );
    }
    if (status >= 400 || parsed.status !== 'success')
      throw new MonitoringError(
        'unavailable',
        `monitoring answered HTTP ${status}: ${parsed.error ?? 'error'}`,
      );
    return parsed.data?.result ?? [];
  }

  private post(
    path: string,
    form: string,
    token: string | undefined,
    signal?: AbortSignal,
  ): Promise<{ status: number; body: string }> {
    const url = new URL(`${this.settings.url}${path}`);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(
        url,
        {
          method: 'POST',
          ...(this.settings.ca ? { ca: this.settings.ca } : {}),
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            Accept: 'application/json',
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
          timeout: this.settings.timeoutMs,
          ...(signal ? { signal } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            // a week of a handful of series is far below this; more is not ours to buffer
            if (size > 32 << 20) req.destroy(new Error('answer too large'));
            else chunks.push(c);
          });
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.settings.timeoutMs / 1000}s`)));
      req.on('error', (e) =>
        reject(new MonitoringError('unavailable', `monitoring is unreachable: ${e.message}`)),
      );
      req.end(form);
    });
  }
}
