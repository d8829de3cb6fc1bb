import type { ControllerContext, KubeObject } from '../core/types.js';
import type { ContainerIO, ContainerProcess, ContainerRuntime } from './container-runtime.js';
import { EventRecorder } from './events.js';
import { R } from '../core/refs.js';
import { WorkQueue } from './queue.js';
import { watchResource } from './watch.js';
import {
  arr,
  isNotFound,
  isRecord,
  isTerminating,
  num,
  rec,
  str,
  tryDelete,
  tryGet,
  type Json,
} from '../core/objects.js';
import { podStatus, type ContainerState } from './pod-status.js';
import { randomHex } from '../core/names.js';
import { ProbeRunner } from './kubelet-probes.js';
import { rfc3339 } from './time.js';
import { kubeletStopped } from '../core/kubelet-endpoint.js';
import { postNodeReady } from './kubelet-node-status.js';
import { readyStatus } from './node-lifecycle-controller.js';

/** Kubelet timings (cluster ms): image already present, container create/start. */
const START_DELAY_MS = 1_500;
const FIRST_RESTART_MS = 1_000;
const BACKOFF_INITIAL_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;
/** A container that ran this long without crashing gets its back-off reset (kubelet: 10 min). */
const BACKOFF_RESET_MS = 600_000;
const SHUTDOWN_MS = 200;
/** How long an init container works before it exits 0 (cluster ms). */
const INIT_RUN_MS = 2_000;

export interface ContainerRun extends ContainerState {
  spec: Json;
  /** an init container: runs to completion before the app containers start */
  init?: boolean;
  process?: ContainerProcess;
  readyFails: number;
  liveFails: number;
  runStartedAt: number;
  backoffMs: number;
  /** The image pull back-off (10 s doubling to 300 s, as the kubelet's); 0 once pulled. */
  pullBackoffMs?: number;
  probeCancels: Array<() => void>;
}

export interface PodRun {
  key: string;
  uid: string;
  ns: string;
  name: string;
  pod: KubeObject;
  hostIP: string;
  podIP: string;
  startTime: string;
  containers: ContainerRun[];
  initContainers: ContainerRun[];
  terminating: boolean;
  terminalPhase?: 'Succeeded' | 'Failed';
  timers: Set<() => void>;
  gone: boolean;
}

/**
 * The kubelets of every node, as one controller: runs the containers of bound pods through the
 * {@link ContainerRuntime} (the workloads), reports pod status, probes readiness and liveness,
 * restarts crashed containers with CrashLoopBackOff, and terminates pods gracefully (preStop,
 * grace period) before removing them from the API.
 */
export function startKubelet(ctx: ControllerContext, runtime: ContainerRuntime): () => void {
  const api = ctx.api();
  const events = new EventRecorder(api, ctx.clock);
  const runs = new Map<string, PodRun>();
  const ipCounters = new Map<string, number>();
  /** Nodes whose kubelet is stopped: nothing of theirs is written or acted on until it is back. */
  const stoppedNodes = new Set<string>();
  const nodeOf = (pod: KubeObject): string => str(rec(pod, 'spec').nodeName) ?? '';

  const now = (): string => rfc3339(ctx.clock.now());
  const source = (run: PodRun) => ({ component: 'kubelet', host: str(rec(run.pod, 'spec').nodeName) ?? '' });
  const fieldPath = (c: ContainerRun) => `spec.${c.init ? 'initContainers' : 'containers'}{${c.name}}`;
  const event = (
    run: PodRun,
    c: ContainerRun | undefined,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): void => events.record(source(run), run.pod, type, reason, message, c ? { fieldPath: fieldPath(c) } : {});

  const after = (run: PodRun, ms: number, fn: () => void): (() => void) => {
    const cancel = ctx.clock.after(ms, () => {
      run.timers.delete(cancel);
      if (!run.gone) fn();
    });
    run.timers.add(cancel);
    return cancel;
  };

  const writeStatus = (run: PodRun): void => {
    // A stopped kubelet posts nothing; its containers keep running (and logging) meanwhile.
    if (run.gone || stoppedNodes.has(nodeOf(run.pod))) return;
    const status = podStatus({ ...run, containers: run.containers }, now());
    try {
      run.pod = api.patch(R.pods, run.ns, run.name, 'merge', { status }, { subresource: 'status' }).object;
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  };

  const allocateIP = (nodeName: string): { hostIP: string; podIP: string } => {
    const node = tryGet(api, R.nodes, undefined, nodeName);
    const hostIP =
      str(arr(node, 'status', 'addresses').find((a) => a.type === 'InternalIP')?.address) ?? '10.0.0.1';
    const cidr = str(rec(node, 'spec').podCIDR) ?? '10.128.0.0/23';
    const base = cidr.split('.').slice(0, 3).join('.');
    const n = (ipCounters.get(nodeName) ?? 9) + 1;
    ipCounters.set(nodeName, n > 250 ? 10 : n);
    return { hostIP, podIP: `${base}.${n}` };
  };

  const restartPolicy = (run: PodRun): string => str(rec(run.pod, 'spec').restartPolicy) ?? 'Always';

  // ---- container lifecycle ------------------------------------------------------------

  /**
   * A pull the runtime refused: ErrImagePull with its error, then ImagePullBackOff until the
   * back-off expires and the kubelet pulls again (the kubelet's image_manager texts).
   */
  const pullFailed = (run: PodRun, c: ContainerRun, message: string): void => {
    const image = c.image;
    event(run, c, 'Warning', 'Failed', `Failed to pull image "${image}": ${message}`);
    event(run, c, 'Warning', 'Failed', 'Error: ErrImagePull');
    c.state = { waiting: { reason: 'ErrImagePull', message } };
    writeStatus(run);
    const backoff = c.pullBackoffMs ? Math.min(c.pullBackoffMs * 2, BACKOFF_MAX_MS) : BACKOFF_INITIAL_MS;
    c.pullBackoffMs = backoff;
    // the next pod sync finds the image in back-off
    after(run, FIRST_RESTART_MS, () => {
      if (run.terminating || !('waiting' in c.state)) return;
      event(run, c, 'Normal', 'BackOff', `Back-off pulling image "${image}"`);
      event(run, c, 'Warning', 'Failed', 'Error: ImagePullBackOff');
      c.state = {
        waiting: {
          reason: 'ImagePullBackOff',
          message: `Back-off pulling image "${image}": ErrImagePull: ${message}`,
        },
      };
      writeStatus(run);
    });
    after(run, backoff, () => {
      if (!run.terminating) startContainer(run, c);
    });
  };

  const startContainer = (run: PodRun, c: ContainerRun): void => {
    const image = c.image;
    const pull = runtime.pull?.(run.pod, c.spec);
    if (pull) event(run, c, 'Normal', 'Pulling', `Pulling image "${image}"`);
    if (pull && !pull.ok) return pullFailed(run, c, pull.message);
    c.pullBackoffMs = 0;
    if (pull)
      event(
        run,
        c,
        'Normal',
        'Pulled',
        `Successfully pulled image "${image}" in 1.234s (1.234s including waiting). Image size: ${pull.sizeBytes} bytes.`,
      );
    else event(run, c, 'Normal', 'Pulled', `Container image "${image}" already present on machine`);
    event(run, c, 'Normal', 'Created', `Created container ${c.name}`);
    event(run, c, 'Normal', 'Started', `Started container ${c.name}`);
    c.containerID = `cri-o://${randomHex(32)}`;
    c.state = { running: { startedAt: now() } };
    c.started = true;
    c.runStartedAt = ctx.clock.now().getTime();
    c.readyFails = 0;
    c.liveFails = 0;
    c.ready = !isRecord(c.spec.readinessProbe);
    const restartCount = c.restartCount;
    const io: ContainerIO = {
      log: (text) => ctx.logs.append(run.ns, run.name, c.name, text, ctx.clock.now()),
      exit: (code) => {
        // the process may exit from inside start(): defer so state is consistent
        queueMicrotask(() => {
          if (!run.gone && c.process && c.restartCount === restartCount && 'running' in c.state)
            containerExited(run, c, code);
        });
      },
      restartCount,
    };
    try {
      c.process = runtime.start(run.pod, c.spec, io);
    } catch {
      // the runtime could not start the process (StartError): it counts as a failed run
      c.process = undefined;
      queueMicrotask(
        () =>
          !run.gone &&
          'running' in c.state &&
          c.restartCount === restartCount &&
          containerExited(run, c, 128),
      );
    }
    startProbes(run, c);
  };

  const probes = new ProbeRunner({
    clock: ctx.clock,
    runtime,
    after,
    event,
    writeStatus,
    onLivenessFailure: (run, c) => containerExited(run, c, 2),
  });
  const stopProbes = (c: ContainerRun): void => probes.stop(c);
  const startProbes = (run: PodRun, c: ContainerRun): void => probes.start(run, c);

  const containerExited = (run: PodRun, c: ContainerRun, code: number): void => {
    stopProbes(c);
    c.process?.kill();
    c.process = undefined;
    const startedAt = 'running' in c.state ? c.state.running.startedAt : now();
    const terminated = {
      exitCode: code,
      reason: code === 0 ? 'Completed' : 'Error',
      startedAt,
      finishedAt: now(),
      containerID: c.containerID,
    };
    c.state = { terminated };
    c.ready = false;
    if (run.terminating) return;
    const policy = restartPolicy(run);
    if (policy === 'Never' || (policy === 'OnFailure' && code === 0)) {
      if (run.containers.every((x) => 'terminated' in x.state)) {
        run.terminalPhase = run.containers.every(
          (x) => 'terminated' in x.state && x.state.terminated.exitCode === 0,
        )
          ? 'Succeeded'
          : 'Failed';
      }
      writeStatus(run);
      return;
    }
    const ranMs = ctx.clock.now().getTime() - c.runStartedAt;
    if (ranMs >= BACKOFF_RESET_MS * ctx.clock.scale) c.backoffMs = 0;
    const first = c.backoffMs === 0;
    const delay = first ? FIRST_RESTART_MS : c.backoffMs;
    c.backoffMs = first ? BACKOFF_INITIAL_MS : Math.min(c.backoffMs * 2, BACKOFF_MAX_MS);
    if (!first) {
      const msg = `back-off ${Math.round(delay / 1000)}s restarting failed container=${c.name} pod=${run.name}_${run.ns}(${run.uid})`;
      c.state = { waiting: { reason: 'CrashLoopBackOff', message: msg } };
      c.lastState = { terminated };
      event(
        run,
        c,
        'Warning',
        'BackOff',
        `Back-off restarting failed container ${c.name} in pod ${run.name}_${run.ns}(${run.uid})`,
      );
    }
    writeStatus(run);
    after(run, delay, () => {
      if (run.terminating) return;
      ctx.logs.rotate(run.ns, run.name, c.name);
      c.lastState = { terminated };
      c.restartCount++;
      startContainer(run, c);
      writeStatus(run);
    });
  };

  // ---- pod lifecycle ------------------------------------------------------------------

  /** Init containers one after the other, each working INIT_RUN_MS and exiting 0; then the app containers. */
  const runInitContainers = (run: PodRun, i: number): void => {
    const c = run.initContainers[i];
    if (!c) {
      for (const main of run.containers) startContainer(run, main);
      writeStatus(run);
      return;
    }
    event(run, c, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`);
    event(run, c, 'Normal', 'Created', `Created container ${c.name}`);
    event(run, c, 'Normal', 'Started', `Started container ${c.name}`);
    c.containerID = `cri-o://${randomHex(32)}`;
    const startedAt = now();
    c.state = { running: { startedAt } };
    writeStatus(run);
    after(run, INIT_RUN_MS, () => {
      if (run.terminating) return;
      c.state = {
        terminated: {
          exitCode: 0,
          reason: 'Completed',
          startedAt,
          finishedAt: now(),
          containerID: c.containerID,
        },
      };
      c.ready = true;
      runInitContainers(run, i + 1);
      if (i + 1 < run.initContainers.length) writeStatus(run);
    });
  };

  const newContainerRun = (spec: Json, init: boolean, waiting: string): ContainerRun => ({
    spec,
    init,
    name: str(spec.name) ?? 'container',
    image: str(spec.image) ?? '',
    containerID: '',
    restartCount: 0,
    state: { waiting: { reason: waiting } },
    lastState: {},
    ready: false,
    started: false,
    readyFails: 0,
    liveFails: 0,
    runStartedAt: 0,
    backoffMs: 0,
    probeCancels: [],
  });

  const admit = (pod: KubeObject, nodeName: string): PodRun => {
    const { hostIP, podIP } = allocateIP(nodeName);
    const initSpecs = arr(pod, 'spec', 'initContainers');
    const run: PodRun = {
      key: `${pod.metadata.namespace}/${pod.metadata.name}`,
      uid: pod.metadata.uid ?? '',
      ns: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name ?? '',
      pod,
      hostIP,
      podIP,
      startTime: now(),
      containers: arr(pod, 'spec', 'containers').map((spec) =>
        newContainerRun(spec, false, initSpecs.length > 0 ? 'PodInitializing' : 'ContainerCreating'),
      ),
      initContainers: initSpecs.map((spec) => newContainerRun(spec, true, 'PodInitializing')),
      terminating: false,
      timers: new Set(),
      gone: false,
    };
    runs.set(run.key, run);
    writeStatus(run);
    after(run, START_DELAY_MS, () => {
      if (run.terminating) return;
      event(run, undefined, 'Normal', 'AddedInterface', `Add eth0 [${run.podIP}/23] from ovn-kubernetes`);
      runInitContainers(run, 0);
    });
    return run;
  };

  const terminate = (run: PodRun): void => {
    run.terminating = true;
    const grace =
      num(run.pod.metadata.deletionGracePeriodSeconds) ??
      num(rec(run.pod, 'spec').terminationGracePeriodSeconds) ??
      30;
    let pending = 0;
    const finish = (): void => {
      if (--pending > 0) return;
      writeStatus(run);
      tryDelete(api, R.pods, run.ns, run.name, { gracePeriodSeconds: 0 });
    };
    for (const c of run.containers) {
      stopProbes(c);
      if (!('running' in c.state)) continue;
      pending++;
      event(run, c, 'Normal', 'Killing', `Stopping container ${c.name}`);
      const cmd = rec(c.spec, 'lifecycle', 'preStop', 'exec').command;
      const sleep = Array.isArray(cmd) ? /sleep\s+(\d+)/.exec(cmd.join(' '))?.[1] : undefined;
      const preStopMs = Math.min(Number(sleep ?? 0), grace) * 1000;
      const stopAt = Math.min(preStopMs, grace * 1000);
      after(run, stopAt, () => {
        c.ready = false;
        c.process?.terminate();
        after(run, Math.min(SHUTDOWN_MS, Math.max(grace * 1000 - stopAt, 0)), () => {
          containerExited(run, c, 0);
          finish();
        });
      });
    }
    if (pending === 0) {
      pending = 1;
      finish();
    }
  };

  const forget = (key: string): void => {
    const run = runs.get(key);
    if (!run) return;
    run.gone = true;
    for (const cancel of run.timers) cancel();
    for (const c of run.containers) {
      stopProbes(c);
      c.process?.kill();
    }
    runs.delete(key);
    ctx.logs.remove(run.ns, run.name);
  };

  const sync = (key: string): void => {
    const [ns, name] = key.split('/') as [string, string];
    const pod = tryGet(api, R.pods, ns, name);
    const run = runs.get(key);
    if (!pod || (run && pod.metadata.uid !== run.uid)) {
      forget(key);
      if (!pod) return;
    }
    const nodeName = str(rec(pod, 'spec').nodeName);
    if (nodeName && stoppedNodes.has(nodeName)) return;
    if (!nodeName) {
      // never ran anywhere: nothing to stop, the pod can go at once
      if (isTerminating(pod)) tryDelete(api, R.pods, ns, name, { gracePeriodSeconds: 0 });
      return;
    }
    const current =
      runs.get(key) ??
      (isTerminating(pod) && ['Succeeded', 'Failed'].includes(String(rec(pod, 'status').phase))
        ? undefined
        : admit(pod, nodeName));
    if (!current) {
      tryDelete(api, R.pods, ns, name, { gracePeriodSeconds: 0 });
      return;
    }
    current.pod = pod;
    if (isTerminating(pod) && !current.terminating) terminate(current);
  };

  const queue = new WorkQueue(ctx.clock, sync, undefined, 0);
  const stopWatch = watchResource(api, R.pods, undefined, (type, pod) => {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (type === 'DELETED') {
      const run = runs.get(key);
      if (run && run.uid === pod.metadata.uid) queueMicrotask(() => forget(key));
      return;
    }
    if (str(rec(pod, 'spec').nodeName) || isTerminating(pod)) {
      const run = runs.get(key);
      if (run && !isTerminating(pod) && run.uid === pod.metadata.uid) {
        run.pod = pod;
        return;
      }
      queue.add(key);
    }
  });
  for (const pod of api.list(R.pods, undefined).items)
    queue.add(`${pod.metadata.namespace}/${pod.metadata.name}`);

  // A kubelet that starts again posts its node Ready, its pods' status, and finishes what
  // happened meanwhile (pods deleted while it was down are terminated now).
  const syncNode = (name: string): void => {
    const node = tryGet(api, R.nodes, undefined, name);
    if (!node) return void stoppedNodes.delete(name);
    if (kubeletStopped(node)) return void stoppedNodes.add(name);
    const wasStopped = stoppedNodes.delete(name);
    if (!wasStopped && readyStatus(node) !== 'Unknown') return;
    postNodeReady(api, events, node, now());
    for (const run of runs.values()) if (nodeOf(run.pod) === name) writeStatus(run);
    for (const pod of api.list(R.pods, undefined).items)
      if (nodeOf(pod) === name) queue.add(`${pod.metadata.namespace}/${pod.metadata.name}`);
  };
  const nodeQueue = new WorkQueue(ctx.clock, syncNode, undefined, 0);
  for (const node of api.list(R.nodes, undefined).items)
    if (kubeletStopped(node) && node.metadata.name) stoppedNodes.add(node.metadata.name);
  const stopNodeWatch = watchResource(api, R.nodes, undefined, (_type, node) => {
    if (node.metadata.name) nodeQueue.add(node.metadata.name);
  });

  return () => {
    stopNodeWatch();
    nodeQueue.stop();
    stopWatch();
    queue.stop();
    for (const key of [...runs.keys()]) {
      const run = runs.get(key);
      if (!run) continue;
      run.gone = true;
      for (const cancel of run.timers) cancel();
      for (const c of run.containers) {
        stopProbes(c);
        c.process?.kill();
      }
    }
    runs.clear();
  };
}
