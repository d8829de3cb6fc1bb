import type { Clock } from '../core/types.js';
import type { ContainerRuntime } from './container-runtime.js';
import type { ContainerRun, PodRun } from './kubelet.js';
import { isRecord, num } from '../core/objects.js';

export interface ProbeDeps {
  clock: Clock;
  runtime: ContainerRuntime;
  /** a timer tied to the pod: cancelled when the pod goes */
  after(run: PodRun, ms: number, fn: () => void): () => void;
  event(run: PodRun, c: ContainerRun, type: 'Normal' | 'Warning', reason: string, message: string): void;
  writeStatus(run: PodRun): void;
  /** liveness failed failureThreshold times: the kubelet kills and restarts the container */
  onLivenessFailure(run: PodRun, c: ContainerRun): void;
}

/**
 * The kubelet's prober: readiness and liveness probes per container after initialDelaySeconds,
 * every periodSeconds, flipping readiness / restarting the container after failureThreshold
 * consecutive failures, with the Unhealthy/Killing events kube records.
 */
export class ProbeRunner {
  constructor(private readonly d: ProbeDeps) {}

  start(run: PodRun, c: ContainerRun): void {
    for (const kind of ['readiness', 'liveness'] as const) {
      const probe = c.spec[`${kind}Probe`];
      if (!isRecord(probe)) continue;
      const initial = (num(probe.initialDelaySeconds) ?? 0) * 1000;
      const period = (num(probe.periodSeconds) ?? 10) * 1000;
      const threshold = num(probe.failureThreshold) ?? 3;
      const once = (): void => this.probe(run, c, kind, threshold);
      c.probeCancels.push(
        this.d.after(run, initial, () => {
          once();
          c.probeCancels.push(this.d.clock.every(period, () => !run.gone && once()));
        }),
      );
    }
  }

  stop(c: ContainerRun): void {
    for (const cancel of c.probeCancels) cancel();
    c.probeCancels = [];
  }

  private probe(run: PodRun, c: ContainerRun, kind: 'readiness' | 'liveness', threshold: number): void {
    if (!('running' in c.state) || run.terminating) return;
    const result = this.d.runtime.probe(run.pod, c.spec, kind);
    const Kind = kind === 'readiness' ? 'Readiness' : 'Liveness';
    if (result.ok) {
      if (kind === 'liveness') c.liveFails = 0;
      else {
        c.readyFails = 0;
        if (!c.ready) {
          c.ready = true;
          this.d.writeStatus(run);
        }
      }
      return;
    }
    this.d.event(run, c, 'Warning', 'Unhealthy', `${Kind} probe failed: ${result.message ?? 'probe failed'}`);
    if (kind === 'readiness') {
      c.readyFails++;
      if (c.ready && c.readyFails >= threshold) {
        c.ready = false;
        this.d.writeStatus(run);
      }
      return;
    }
    c.liveFails++;
    if (c.liveFails >= threshold) {
      this.d.event(
        run,
        c,
        'Normal',
        'Killing',
        `Container ${c.name} failed liveness probe, will be restarted`,
      );
      c.process?.terminate();
      this.d.onLivenessFailure(run, c);
    }
  }
}
