import type { KubeObject } from '../core/types.js';
import type { Json } from '../core/objects.js';

/**
 * The contract between the kubelet (which runs pods) and the workloads (what the containers
 * do: log, answer probes, exit). The kubelet owns lifecycle and status; a workload only decides
 * how its process behaves.
 */
export interface ContainerIO {
  /** Appends one line to the container's current log. */
  log(text: string): void;
  /** The process exits by itself (crash or completion). */
  exit(code: number): void;
  /** How many times this container has been restarted before this run. */
  readonly restartCount: number;
}

export interface ContainerProcess {
  /** SIGTERM: the process writes its shutdown lines and ends. */
  terminate(): void;
  /** The container is gone (killed or pod deleted): stop timers, write nothing more. */
  kill(): void;
}

export interface ProbeResult {
  ok: boolean;
  /** The kubelet's failure text, e.g. "HTTP probe failed with statuscode: 503". */
  message?: string;
}

/** A pull the node had to make: refused with the runtime's error text, or done (`sizeBytes`). */
export type PullResult = { ok: true; sizeBytes: number } | { ok: false; message: string };

export interface ContainerRuntime {
  /** Pulls the container's image when its node does not have it; undefined: already present. */
  pull?(pod: KubeObject, container: Json): PullResult | undefined;
  start(pod: KubeObject, container: Json, io: ContainerIO): ContainerProcess;
  probe(pod: KubeObject, container: Json, kind: 'readiness' | 'liveness'): ProbeResult;
}
