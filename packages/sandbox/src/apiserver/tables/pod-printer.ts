import type { KubeObject } from '../../core/types.js';
import { since } from './duration.js';
import { AGE_COLUMN, NAME_COLUMN, arr, col, dig, num, str, type Printer } from './column.js';

/** printPod from kubernetes/pkg/printers/internalversion: READY, STATUS (reason logic), RESTARTS. */
function podRow(pod: KubeObject, now: Date): [string, string, string] {
  const spec = pod.spec;
  const status = pod.status;
  const total = arr(dig(spec, 'containers')).length;
  let ready = 0;
  let restarts = 0;
  let lastRestart = 0;
  let reason = str(dig(status, 'phase'));
  if (str(dig(status, 'reason'))) reason = str(dig(status, 'reason'));

  let initializing = false;
  const inits = arr(dig(status, 'initContainerStatuses'));
  const initCount = arr(dig(spec, 'initContainers')).length;
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    restarts += num(dig(c, 'restartCount'));
    const term = dig(c, 'state', 'terminated');
    const waiting = str(dig(c, 'state', 'waiting', 'reason'));
    if (term && num(dig(term, 'exitCode')) === 0) continue;
    initializing = true;
    if (term)
      reason = str(dig(term, 'reason'))
        ? `Init:${str(dig(term, 'reason'))}`
        : num(dig(term, 'signal'))
          ? `Init:Signal:${num(dig(term, 'signal'))}`
          : `Init:ExitCode:${num(dig(term, 'exitCode'))}`;
    else if (waiting && waiting !== 'PodInitializing') reason = `Init:${waiting}`;
    else reason = `Init:${i}/${initCount}`;
    break;
  }
  const conditions = arr(dig(status, 'conditions'));
  const condTrue = (t: string): boolean =>
    conditions.some((c) => dig(c, 'type') === t && dig(c, 'status') === 'True');
  if (!initializing || condTrue('Initialized')) {
    restarts = 0;
    let hasRunning = false;
    const cs = arr(dig(status, 'containerStatuses'));
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i];
      restarts += num(dig(c, 'restartCount'));
      const finished = str(dig(c, 'lastState', 'terminated', 'finishedAt'));
      if (finished && Date.parse(finished) > lastRestart) lastRestart = Date.parse(finished);
      const waiting = str(dig(c, 'state', 'waiting', 'reason'));
      const term = dig(c, 'state', 'terminated');
      if (waiting) reason = waiting;
      else if (term && str(dig(term, 'reason'))) reason = str(dig(term, 'reason'));
      else if (term)
        reason = num(dig(term, 'signal'))
          ? `Signal:${num(dig(term, 'signal'))}`
          : `ExitCode:${num(dig(term, 'exitCode'))}`;
      else if (dig(c, 'ready') === true && dig(c, 'state', 'running')) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = condTrue('Ready') ? 'Running' : 'NotReady';
  }
  const phase = str(dig(status, 'phase'));
  if (pod.metadata.deletionTimestamp && str(dig(status, 'reason')) === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed')
    reason = 'Terminating';
  const restartText =
    restarts !== 0 && lastRestart > 0
      ? `${restarts} (${since(new Date(lastRestart).toISOString(), now)} ago)`
      : String(restarts);
  return [`${ready}/${total}`, reason, restartText];
}

export const podPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Ready', 'string', 0, 'The aggregate readiness state of this pod for accepting traffic.'),
    col('Status', 'string', 0, 'The aggregate status of the containers in this pod.'),
    col(
      'Restarts',
      'string',
      0,
      'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    ),
    AGE_COLUMN,
    col(
      'IP',
      'string',
      1,
      'IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.',
    ),
    col('Node', 'string', 1, 'NodeName is a request to schedule this pod onto a specific node.'),
    col(
      'Nominated Node',
      'string',
      1,
      'nominatedNodeName is set only when this pod preempts other pods on the node.',
    ),
    col(
      'Readiness Gates',
      'string',
      1,
      'If specified, all readiness gates will be evaluated for pod readiness.',
    ),
  ],
  row: (pod, now) => {
    const [ready, status, restarts] = podRow(pod, now);
    const ip = str(dig(arr(dig(pod.status, 'podIPs'))[0], 'ip')) || str(dig(pod.status, 'podIP'));
    const gates = arr(dig(pod.spec, 'readinessGates'));
    return [
      pod.metadata.name ?? '',
      ready,
      status,
      restarts,
      since(pod.metadata.creationTimestamp, now),
      ip || '<none>',
      str(dig(pod.spec, 'nodeName'), '<none>'),
      str(dig(pod.status, 'nominatedNodeName'), '<none>'),
      gates.length === 0 ? '<none>' : `${gates.length}/${gates.length}`,
    ];
  },
};
