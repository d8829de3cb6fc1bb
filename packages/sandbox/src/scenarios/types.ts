import type { ApiClient, ControllerContext } from '../core/types.js';
import type { SimWorld } from '../cluster/cloud.js';

export interface ScenarioEnv {
  ctx: ControllerContext;
  api: ApiClient;
  world: SimWorld;
}

/** A named fault: `activate` injects it the way it happens in real clusters, `clear` undoes exactly that. */
export interface Scenario {
  name: string;
  description: string;
  activate(env: ScenarioEnv): void;
  clear(env: ScenarioEnv): void;
}
