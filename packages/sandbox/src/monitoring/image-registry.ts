/**
 * The registry's own metrics (openshift/image-registry, served at /extensions/v2/metrics), as
 * facts: `imageregistry_http_requests_total{code,method}`, `imageregistry_http_in_flight_requests`,
 * `imageregistry_http_request_duration_seconds{method}` (a summary), and the storage driver's
 * `imageregistry_storage_duration_seconds{operation}` (summary) and
 * `imageregistry_storage_errors_total{operation,code}` (code UNKNOWN for a driver error that is
 * not a path/offset/method error — what an S3 failure is).
 *
 * The load is simulated: every second each running registry pod serves a few pulls and pushes.
 * While its storage check fails, the storage operations behind them fail (slowly, as a dial
 * timeout does) and the requests answer 500 — so a storage outage shows as a Degraded condition
 * and a burst of storage errors on the same time axis.
 */
import type { SimWorld } from '../cluster/cloud.js';
import { SummaryVec, Vec, type Family } from './exposition.js';
import type { MetricsCollector } from './cluster-version-operator.js';

const TICK_MS = 1000;

/** What one request of each kind does with the storage driver (distribution's driver calls). */
const OPERATIONS: Record<string, string[]> = {
  get: ['Stat', 'GetContent', 'Reader'],
  head: ['Stat'],
  put: ['Stat', 'PutContent', 'Move'],
  patch: ['Writer'],
  post: ['Stat'],
};
/** Share of each method in a registry's traffic: mostly pulls. */
const MIX: Array<[string, number]> = [
  ['get', 0.7],
  ['head', 0.15],
  ['put', 0.06],
  ['patch', 0.05],
  ['post', 0.04],
];

export interface RegistryMetricsOptions {
  /** Random source (tests pass a seeded one); default Math.random. */
  random?: () => number;
  /** Mean requests per second per pod (default 4). */
  ratePerPod?: number;
}

export function imageRegistryMetrics(
  world: SimWorld,
  opts: RegistryMetricsOptions = {},
): MetricsCollector & {
  /** One second of traffic (exposed for tests). */
  tick(): void;
} {
  const random = opts.random ?? Math.random;
  const rate = opts.ratePerPod ?? 4;
  const requests = new Vec(
    'imageregistry_http_requests_total',
    'A counter for requests to the registry.',
    'counter',
  );
  const inFlight = new Vec(
    'imageregistry_http_in_flight_requests',
    'A gauge of requests currently being served by the registry.',
    'gauge',
  );
  const latency = new SummaryVec(
    'imageregistry_http_request_duration_seconds',
    'A histogram of latencies for requests to the registry.',
  );
  const storageLatency = new SummaryVec(
    'imageregistry_storage_duration_seconds',
    'Latency of operations with the storage.',
  );
  const storageErrors = new Vec(
    'imageregistry_storage_errors_total',
    'Cumulative number of failed operations with the storage.',
    'counter',
  );

  // Zero from the start, unlike client_golang's lazily made series: a rate() cannot see the
  // first errors of a series that appears with them, and the sandbox's outages are short.
  for (const op of new Set(Object.values(OPERATIONS).flat()))
    storageErrors.add({ operation: op, code: 'UNKNOWN' }, 0);

  const pick = (): string => {
    let r = random();
    for (const [m, share] of MIX) {
      if (r < share) return m;
      r -= share;
    }
    return 'get';
  };

  const tick = (): void => {
    let busy = 0;
    for (const pod of world.registries.values()) {
      const healthy = pod.health().ok;
      const n = Math.max(0, Math.round(rate * (0.5 + random())));
      busy += random() < 0.3 ? 1 : 0;
      for (let i = 0; i < n; i++) {
        let method = pick();
        if (pod.readOnly() && (method === 'put' || method === 'patch' || method === 'post')) method = 'get';
        let seconds = 0;
        let failed = false;
        for (const op of OPERATIONS[method] ?? []) {
          if (failed) break;
          // a healthy S3 answers in tens of ms; an unreachable one times out after seconds
          const took = healthy ? 0.005 + random() * 0.06 : 2 + random() * 3;
          storageLatency.observe({ operation: op }, took);
          seconds += took;
          if (!healthy) {
            storageErrors.add({ operation: op, code: 'UNKNOWN' });
            failed = true;
          }
        }
        seconds += 0.002 + random() * 0.02;
        const code = failed
          ? '500'
          : method === 'put' || method === 'post'
            ? '201'
            : method === 'patch'
              ? '202'
              : '200';
        requests.add({ code, method });
        latency.observe({ method }, seconds);
      }
    }
    inFlight.set({}, busy);
  };
  const timer = setInterval(tick, TICK_MS);
  timer.unref();

  return {
    tick,
    collect: (): Family[] => [
      inFlight.family(),
      requests.family(),
      latency.family(),
      storageLatency.family(),
      storageErrors.family(),
    ],
    stop: () => clearInterval(timer),
  };
}
