import { ApiError, statusFailure } from '../core/errors.js';
import type { ScenarioControl, ScenarioInfo } from '../core/types.js';
import { SCENARIOS } from './catalog.js';
import type { ScenarioEnv } from './types.js';

/** ScenarioControl over the catalog: which faults are on, turning them on and off. */
export function createScenarioControl(env: ScenarioEnv): ScenarioControl {
  const active = new Set<string>();
  const find = (name: string) => {
    const s = SCENARIOS.find((x) => x.name === name);
    if (!s)
      throw new ApiError(
        statusFailure(404, 'NotFound', `scenario "${name}" not found`, { name, kind: 'scenarios' }),
      );
    return s;
  };
  return {
    list: (): ScenarioInfo[] =>
      SCENARIOS.map((s) => ({ name: s.name, description: s.description, active: active.has(s.name) })),
    activate: async (name) => {
      const s = find(name);
      if (active.has(name)) return;
      s.activate(env);
      active.add(name);
    },
    clear: async (name) => {
      const names = name === undefined ? [...active] : [find(name).name];
      for (const n of names) {
        if (!active.has(n)) continue;
        find(n).clear(env);
        active.delete(n);
      }
    },
  };
}
