import type { ConditionStatus } from '@irc/shared';
import { rfc3339 } from '../cluster/time.js';

/** operatorv1.OperatorCondition */
export interface Condition {
  type: string;
  status: ConditionStatus;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}

export type CondSpec = Omit<Condition, 'lastTransitionTime'>;

/**
 * Merges new conditions into the old list the way the operator does: known types keep their
 * position, new ones are appended, and lastTransitionTime only changes when status flips
 * (reason/message updates keep it).
 */
export function mergeConditions(prev: Condition[], updates: CondSpec[], now: Date): Condition[] {
  const ts = rfc3339(now);
  const out = prev.map((c) => ({ ...c }));
  for (const u of updates) {
    const i = out.findIndex((c) => c.type === u.type);
    const old = i >= 0 ? out[i] : undefined;
    const next: Condition = {
      type: u.type,
      status: u.status,
      lastTransitionTime: old && old.status === u.status ? old.lastTransitionTime : ts,
      reason: u.reason ?? '',
      message: u.message ?? '',
    };
    if (i >= 0) out[i] = next;
    else out.push(next);
  }
  return out;
}

/** The registry Deployment as the status computation sees it. */
export interface DeployFacts {
  terminating: boolean;
  replicas: number;
  statusReplicas: number;
  updatedReplicas: number;
  availableReplicas: number;
  readyReplicas: number;
  generation: number;
  observedGeneration: number;
  progressing?: { status: string; reason: string; message: string };
}

export interface MainStatusInput {
  state: 'Managed' | 'Removed' | 'Unmanaged' | 'Unknown';
  deploy?: DeployFacts;
  /** error from verify/storage/apply; permanent errors carry their reason */
  applyError?: { message: string; permanentReason?: string };
  removeError?: string;
  /** route not admitted, already formatted "route <name> (host …) not admitted: …" */
  routeProblem?: string;
  /** the current Available condition (for the 5-minute Degraded inertia) */
  prevAvailable?: Condition;
  now: Date;
  /** cluster ms of the Degraded inertia window */
  inertiaMs: number;
  /** the clock's time scale: wall-clock elapsed / scale = cluster elapsed */
  scale?: number;
}

export function deploymentComplete(d: DeployFacts): boolean {
  return (
    d.updatedReplicas === d.replicas &&
    d.statusReplicas === d.replicas &&
    d.availableReplicas === d.replicas &&
    d.observedGeneration >= d.generation &&
    (d.progressing === undefined || d.progressing.reason === 'NewReplicaSetAvailable')
  );
}

const UNMANAGED = 'The registry configuration is set to unmanaged mode';
const REMOVED = 'The registry is removed';

function availableFromDeploy(d: DeployFacts | undefined): CondSpec {
  if (!d)
    return {
      type: 'Available',
      status: 'False',
      reason: 'DeploymentNotFound',
      message: 'The deployment does not exist',
    };
  if (d.terminating)
    return {
      type: 'Available',
      status: 'False',
      reason: 'DeploymentDeleted',
      message: 'The deployment is being deleted',
    };
  if (d.availableReplicas === 0)
    return {
      type: 'Available',
      status: 'False',
      reason: 'NoReplicasAvailable',
      message: 'The deployment does not have available replicas',
    };
  if (deploymentComplete(d))
    return { type: 'Available', status: 'True', reason: 'Ready', message: 'The registry is ready' };
  return {
    type: 'Available',
    status: 'True',
    reason: 'MinimumAvailability',
    message: 'The registry has minimum availability',
  };
}

/**
 * Available / Progressing / Degraded / Removed of the main controller (op:pkg/operator/status.go),
 * with the reasons and messages of domain.md §4. Returns `recheckAfterMs` when the 5-minute
 * Degraded inertia will expire and the result could change without any event.
 */
export function mainConditions(input: MainStatusInput): { conditions: CondSpec[]; recheckAfterMs?: number } {
  const { state, deploy, applyError } = input;
  if (state === 'Unmanaged') {
    return {
      conditions: [
        { type: 'Available', status: 'True', reason: 'Unmanaged', message: UNMANAGED },
        { type: 'Progressing', status: 'False', reason: 'Unmanaged', message: UNMANAGED },
        { type: 'Degraded', status: 'False', reason: 'Unmanaged', message: UNMANAGED },
        { type: 'Removed', status: 'False', reason: '', message: '' },
      ],
    };
  }
  if (state === 'Removed') {
    const removed: CondSpec = { type: 'Removed', status: 'True', reason: 'Removed', message: REMOVED };
    const degraded: CondSpec = input.removeError
      ? {
          type: 'Degraded',
          status: 'True',
          reason: 'RemoveFailed',
          message: `Unable to remove registry: ${input.removeError}`,
        }
      : { type: 'Degraded', status: 'False', reason: 'Removed', message: REMOVED };
    if (!deploy) {
      return {
        conditions: [
          { type: 'Available', status: 'True', reason: 'Removed', message: REMOVED },
          {
            type: 'Progressing',
            status: 'False',
            reason: 'Removed',
            message: 'All registry resources are removed',
          },
          degraded,
          removed,
        ],
      };
    }
    return {
      conditions: [
        deploy.terminating
          ? {
              type: 'Available',
              status: 'False',
              reason: 'DeploymentDeleted',
              message: 'The deployment is being deleted',
            }
          : availableFromDeploy(deploy),
        {
          type: 'Progressing',
          status: 'True',
          reason: 'DeletingDeployment',
          message: 'The deployment is being removed',
        },
        degraded,
        removed,
      ],
    };
  }

  // Managed (and unknown states, which only report on the deployment)
  const permanent = applyError?.permanentReason;
  let available: CondSpec =
    permanent && !deploy
      ? { type: 'Available', status: 'False', reason: permanent, message: `Error: ${applyError?.message}` }
      : availableFromDeploy(deploy);
  let progressing: CondSpec;
  if (applyError) {
    progressing = {
      type: 'Progressing',
      status: permanent ? 'False' : 'True',
      reason: 'Error',
      message: `Unable to apply resources: ${applyError.message}`,
    };
  } else if (!deploy) {
    progressing = {
      type: 'Progressing',
      status: 'True',
      reason: 'WaitingForDeployment',
      message: 'All resources are successfully applied, but the deployment does not exist',
    };
  } else if (deploy.terminating) {
    progressing = {
      type: 'Progressing',
      status: 'True',
      reason: 'FinalizingDeployment',
      message: 'The deployment is being deleted',
    };
  } else if (!deploymentComplete(deploy)) {
    progressing = {
      type: 'Progressing',
      status: 'True',
      reason: 'DeploymentNotCompleted',
      message: 'The deployment has not completed',
    };
  } else {
    progressing = { type: 'Progressing', status: 'False', reason: 'Ready', message: 'The registry is ready' };
  }

  let degraded: CondSpec = { type: 'Degraded', status: 'False', reason: '', message: '' };
  let recheckAfterMs: number | undefined;
  if (permanent) {
    degraded = {
      type: 'Degraded',
      status: 'True',
      reason: permanent,
      message: `Error: ${applyError?.message}`,
    };
  } else if (available.status !== 'True') {
    // checked before the progress deadline: with zero available pods the real operator reports
    // Degraded=False for the inertia window, then Unavailable — never ProgressDeadlineExceeded
    // inertia: Degraded only once Available has been non-True for longer than the window
    const prev = input.prevAvailable;
    const since = prev && prev.status !== 'True' ? Date.parse(prev.lastTransitionTime) : input.now.getTime();
    const elapsed = (input.now.getTime() - since) / (input.scale ?? 1);
    if (elapsed > input.inertiaMs)
      degraded = {
        type: 'Degraded',
        status: 'True',
        reason: 'Unavailable',
        message: available.message ?? '',
      };
    else recheckAfterMs = Math.ceil(input.inertiaMs - elapsed) + 1;
  } else if (deploy?.progressing?.reason === 'ProgressDeadlineExceeded') {
    degraded = {
      type: 'Degraded',
      status: 'True',
      reason: 'ProgressDeadlineExceeded',
      message: `Registry deployment has timed out progressing: ${deploy.progressing.message}`,
    };
  } else if (input.routeProblem) {
    degraded = { type: 'Degraded', status: 'True', reason: 'RouteDegraded', message: input.routeProblem };
  }
  if (state === 'Unknown' && applyError === undefined) available = availableFromDeploy(deploy);
  return {
    conditions: [
      available,
      progressing,
      degraded,
      { type: 'Removed', status: 'False', reason: '', message: '' },
    ],
    ...(recheckAfterMs !== undefined ? { recheckAfterMs } : {}),
  };
}
