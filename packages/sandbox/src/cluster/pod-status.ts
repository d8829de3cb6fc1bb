import type { KubeObject } from '../core/types.js';
import { arr, rec, str } from '../core/objects.js';

/** What the kubelet knows about one container, turned into a v1.ContainerStatus. */
export interface ContainerState {
  name: string;
  image: string;
  containerID: string;
  restartCount: number;
  state:
    | { running: { startedAt: string } }
    | { waiting: { reason: string; message?: string } }
    | { terminated: TerminatedState };
  lastState: { terminated: TerminatedState } | Record<string, never>;
  ready: boolean;
  started: boolean;
}

export interface TerminatedState {
  exitCode: number;
  reason: string;
  message?: string;
  startedAt: string;
  finishedAt: string;
  containerID: string;
}

export interface PodRuntimeView {
  pod: KubeObject;
  hostIP: string;
  podIP: string;
  startTime: string;
  containers: ContainerState[];
  /** init containers, in order: they all exit 0 before the app containers start */
  initContainers?: ContainerState[];
  /** Pod-level terminal phase for restartPolicy Never/OnFailure pods */
  terminalPhase?: 'Succeeded' | 'Failed';
}

function qosClass(pod: KubeObject): string {
  const containers = arr(pod, 'spec', 'containers');
  const res = containers.map((c) => rec(c, 'resources'));
  if (
    res.every(
      (r) => Object.keys(rec(r, 'requests')).length === 0 && Object.keys(rec(r, 'limits')).length === 0,
    )
  )
    return 'BestEffort';
  const guaranteed = res.every((r) => {
    const l = rec(r, 'limits');
    const q = { ...l, ...rec(r, 'requests') };
    return l.cpu !== undefined && l.memory !== undefined && q.cpu === l.cpu && q.memory === l.memory;
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** Keeps lastTransitionTime of a condition whose status did not change. */
function condition(
  prev: Record<string, unknown>[],
  type: string,
  status: boolean,
  now: string,
  reason?: string,
  message?: string,
) {
  const s = status ? 'True' : 'False';
  const old = prev.find((c) => c.type === type);
  const lastTransitionTime = old && old.status === s ? (str(old.lastTransitionTime) ?? now) : now;
  return {
    type,
    status: s,
    lastProbeTime: null,
    lastTransitionTime,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
}

/** The pod status a kubelet reports for the given container states. */
export function podStatus(view: PodRuntimeView, now: string): Record<string, unknown> {
  const prev = arr(view.pod, 'status', 'conditions');
  const cs = view.containers;
  const anyRunning = cs.some((c) => 'running' in c.state);
  const allStarted = cs.every(
    (c) => c.restartCount > 0 || !('waiting' in c.state && c.state.waiting.reason === 'ContainerCreating'),
  );
  const notReady = cs.filter((c) => !c.ready).map((c) => c.name);
  const ready = notReady.length === 0 && cs.length > 0;
  const phase =
    view.terminalPhase ??
    (anyRunning || cs.some((c) => c.restartCount > 0 || 'terminated' in c.state) ? 'Running' : 'Pending');
  const notReadyMsg = `containers with unready status: [${notReady.join(' ')}]`;
  const reasonNotReady = view.terminalPhase ? 'PodCompleted' : 'ContainersNotReady';
  const inits = view.initContainers ?? [];
  const incomplete = inits
    .filter((c) => !('terminated' in c.state && c.state.terminated.exitCode === 0))
    .map((c) => c.name);
  const initialized = incomplete.length === 0;
  return {
    phase,
    conditions: [
      condition(prev, 'PodReadyToStartContainers', allStarted || phase !== 'Pending', now),
      condition(
        prev,
        'Initialized',
        initialized,
        now,
        initialized ? undefined : 'ContainersNotInitialized',
        initialized ? undefined : `containers with incomplete status: [${incomplete.join(' ')}]`,
      ),
      condition(
        prev,
        'Ready',
        ready,
        now,
        ready ? undefined : reasonNotReady,
        ready || view.terminalPhase ? undefined : notReadyMsg,
      ),
      condition(
        prev,
        'ContainersReady',
        ready,
        now,
        ready ? undefined : reasonNotReady,
        ready || view.terminalPhase ? undefined : notReadyMsg,
      ),
      condition(prev, 'PodScheduled', true, now),
    ],
    hostIP: view.hostIP,
    hostIPs: [{ ip: view.hostIP }],
    podIP: view.podIP,
    podIPs: [{ ip: view.podIP }],
    startTime: view.startTime,
    qosClass: qosClass(view.pod),
    ...(inits.length > 0 ? { initContainerStatuses: inits.map(containerStatus) } : {}),
    containerStatuses: cs.map(containerStatus),
  };
}

/** The repository part of an image reference: without its tag (a registry port is not a tag). */
function repositoryOf(image: string): string {
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/') ? image.slice(0, colon) : image;
}

function containerStatus(c: ContainerState): Record<string, unknown> {
  return {
    name: c.name,
    state: c.state,
    lastState: c.lastState,
    ready: c.ready,
    restartCount: c.restartCount,
    image: c.image,
    imageID: c.image.includes('@')
      ? c.image
      : `${repositoryOf(c.image)}@sha256:${c.containerID.slice(8, 72).padEnd(64, '0')}`,
    ...(c.containerID ? { containerID: c.containerID } : {}),
    started: c.started,
  };
}
