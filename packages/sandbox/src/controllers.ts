import type { ControllerContext, ControllerHandle } from './core/types.js';

/**
 * Starts everything that runs inside the sandbox cluster: kube controllers (cluster/), the
 * simulated image registry operator (operator/), workloads (workloads/) and scenarios.
 * Placeholder until cluster/ and operator/ land: starts nothing.
 */
export function startControllers(_ctx: ControllerContext): ControllerHandle {
  return {
    scenarios: {
      list: () => [],
      activate: async () => undefined,
      clear: async () => undefined,
    },
    stop: async () => undefined,
  };
}
