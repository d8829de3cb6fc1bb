import type { ApiClient, Clock, KubeObject } from '../core/types.js';
import { R } from '../core/refs.js';
import { errorMessage, isNotFound, num, rec, str, tryGet } from '../core/objects.js';

/** The image registry operator's leader election (client-go leaderelection with OpenShift's values). */
export const LEASE_NS = 'openshift-image-registry';
export const LEASE_NAME = 'openshift-master-controllers';
export const LEASE_DURATION_S = 137;
/** Between renewals, and between a candidate's attempts (RetryPeriod). */
export const RETRY_PERIOD_MS = 26_000;

/** metav1.MicroTime: RFC3339 with microseconds. */
const microTime = (d: Date): string => d.toISOString().replace(/Z$/, '000Z');

export interface LeaderElectorHooks {
  onStartedLeading(): void;
  log(msg: string): void;
}

/**
 * A `coordination.k8s.io/v1` Lease held in the API, as client-go's LeaseLock does: a candidate
 * takes the Lease when it is free, or when the record it observed has not changed for
 * leaseDurationSeconds of its own clock (it cannot trust the holder's renewTime). The leader
 * renews every RetryPeriod. A graceful stop releases the Lease (ReleaseOnCancel); a crash leaves
 * it held, so the replacement waits ~137 s — plus up to one retry period — before reconciling.
 */
export function runLeaderElection(
  api: ApiClient,
  clock: Clock,
  identity: string,
  hooks: LeaderElectorHooks,
): { release(): void; abandon(): void } {
  let observed: { record: string; at: number } | undefined;
  let leading = false;
  let timer: (() => void) | undefined;
  let stopped = false;

  const spec = (o: KubeObject | undefined) => rec(o, 'spec');
  const expired = (lease: KubeObject): boolean => {
    const s = spec(lease);
    if (!str(s.holderIdentity)) return true;
    const record = `${String(s.holderIdentity)}|${String(s.renewTime)}`;
    const now = Date.now();
    if (!observed || observed.record !== record) observed = { record, at: now };
    const duration = (num(s.leaseDurationSeconds) ?? LEASE_DURATION_S) * 1000;
    return now - observed.at > duration * clock.scale;
  };

  const tryAcquireOrRenew = (): boolean => {
    const now = microTime(clock.now());
    const lease = tryGet(api, R.leases, LEASE_NS, LEASE_NAME);
    if (!lease) {
      api.create(R.leases, LEASE_NS, {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: LEASE_NAME, namespace: LEASE_NS },
        spec: {
          holderIdentity: identity,
          leaseDurationSeconds: LEASE_DURATION_S,
          acquireTime: now,
          renewTime: now,
          leaseTransitions: 0,
        },
      });
      return true;
    }
    const s = spec(lease);
    const mine = s.holderIdentity === identity;
    if (!mine && !expired(lease)) return false;
    api.update(R.leases, LEASE_NS, {
      ...lease,
      spec: {
        ...s,
        holderIdentity: identity,
        leaseDurationSeconds: LEASE_DURATION_S,
        renewTime: now,
        ...(mine
          ? {}
          : {
              acquireTime: now,
              leaseTransitions: (num(s.leaseTransitions) ?? 0) + (s.holderIdentity ? 1 : 0),
            }),
      },
    });
    return true;
  };

  const attempt = (): void => {
    timer = undefined;
    if (stopped) return;
    let ok = false;
    try {
      ok = tryAcquireOrRenew();
    } catch (e) {
      hooks.log(`error retrieving resource lock ${LEASE_NS}/${LEASE_NAME}: ${errorMessage(e)}`);
    }
    if (ok && !leading) {
      leading = true;
      hooks.onStartedLeading();
    }
    if (!stopped) timer = clock.after(RETRY_PERIOD_MS, attempt);
  };
  attempt();

  const stop = (): void => {
    stopped = true;
    timer?.();
  };
  return {
    release: () => {
      stop();
      if (!leading) return;
      // ReleaseOnCancel: an empty holder and a 1 s duration, so the next candidate takes it at once
      try {
        const lease = api.get(R.leases, LEASE_NS, LEASE_NAME);
        if (spec(lease).holderIdentity !== identity) return;
        api.update(R.leases, LEASE_NS, {
          ...lease,
          spec: {
            ...spec(lease),
            holderIdentity: '',
            leaseDurationSeconds: 1,
            renewTime: microTime(clock.now()),
          },
        });
      } catch (e) {
        if (!isNotFound(e)) hooks.log(`Failed to release lock: ${errorMessage(e)}`);
      }
    },
    abandon: stop,
  };
}
