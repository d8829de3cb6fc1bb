import type { KubeObject } from '../core/types.js';
import { arr, num, rec, str } from '../core/objects.js';
import { rfc3339 } from './time.js';

export interface ConditionInput {
  deployment: KubeObject;
  newRSName: string | undefined;
  newRSCreated: boolean;
  status: Record<string, unknown>;
  prevStatus: Record<string, unknown>;
  now: Date;
  minAvailable: number;
  /** the clock's time scale (deadlines are cluster seconds, timestamps wall-clock) */
  scale: number;
}

type Cond = Record<string, unknown>;

const n = (o: Record<string, unknown>, k: string): number => num(o[k]) ?? 0;

/**
 * The Available and Progressing conditions of a Deployment (pkg/controller/deployment/sync.go
 * syncRolloutStatus, deploymentutil): messages and reasons are kube's own. lastUpdateTime moves
 * with every progress; lastTransitionTime only when the status flips.
 */
export function deploymentConditions(input: ConditionInput): { conditions: Cond[]; requeueAfterMs?: number } {
  const { deployment: d, status, prevStatus: prev, now } = input;
  const ts = rfc3339(now);
  const replicas = num(rec(d, 'spec').replicas) ?? 1;
  const old = arr(d, 'status', 'conditions');
  const make = (type: string, s: 'True' | 'False', reason: string, message: string, touch: boolean): Cond => {
    const o = old.find((c) => c.type === type);
    const same = o && o.status === s;
    return {
      type,
      status: s,
      lastUpdateTime: same && !touch && o.reason === reason ? (str(o.lastUpdateTime) ?? ts) : ts,
      lastTransitionTime: same ? (str(o.lastTransitionTime) ?? ts) : ts,
      reason,
      message,
    };
  };

  const available =
    n(status, 'availableReplicas') >= input.minAvailable
      ? make('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', false)
      : make(
          'Available',
          'False',
          'MinimumReplicasUnavailable',
          'Deployment does not have minimum availability.',
          false,
        );

  const rsName = input.newRSName ?? d.metadata.name;
  const complete =
    n(status, 'updatedReplicas') === replicas &&
    n(status, 'availableReplicas') === replicas &&
    n(status, 'replicas') === replicas &&
    n(status, 'observedGeneration') >= (d.metadata.generation ?? 0);
  const progressed =
    n(status, 'updatedReplicas') > n(prev, 'updatedReplicas') ||
    n(status, 'replicas') < n(prev, 'replicas') ||
    n(status, 'readyReplicas') > n(prev, 'readyReplicas') ||
    n(status, 'availableReplicas') > n(prev, 'availableReplicas');
  const deadlineS = num(rec(d, 'spec').progressDeadlineSeconds) ?? 600;
  const oldP = old.find((c) => c.type === 'Progressing');

  let progressing: Cond;
  let requeueAfterMs: number | undefined;
  if (complete) {
    progressing = make(
      'Progressing',
      'True',
      'NewReplicaSetAvailable',
      `ReplicaSet "${rsName}" has successfully progressed.`,
      oldP?.reason !== 'NewReplicaSetAvailable',
    );
  } else if (input.newRSCreated) {
    progressing = make(
      'Progressing',
      'True',
      'NewReplicaSetCreated',
      `Created new replica set "${rsName}"`,
      true,
    );
    requeueAfterMs = deadlineS * 1000;
  } else if (progressed || !oldP) {
    progressing = make(
      'Progressing',
      'True',
      'ReplicaSetUpdated',
      `ReplicaSet "${rsName}" is progressing.`,
      true,
    );
    requeueAfterMs = deadlineS * 1000;
  } else if (oldP.reason === 'NewReplicaSetAvailable') {
    // a finished rollout never times out (deploymentutil.DeploymentTimedOut): losing pods later is
    // an availability problem, not a stuck rollout
    progressing = { ...oldP };
  } else {
    const last = Date.parse(str(oldP.lastUpdateTime) ?? ts);
    const deadline = last + deadlineS * 1000 * input.scale;
    if (oldP.reason === 'ProgressDeadlineExceeded' || now.getTime() >= deadline) {
      progressing = make(
        'Progressing',
        'False',
        'ProgressDeadlineExceeded',
        `ReplicaSet "${rsName}" has timed out progressing.`,
        false,
      );
    } else {
      progressing = { ...oldP, message: `ReplicaSet "${rsName}" is progressing.` };
      requeueAfterMs = Math.max(deadline - now.getTime(), 0) / input.scale + 1000;
    }
  }
  return { conditions: [available, progressing], requeueAfterMs };
}
