import type { Json } from '../cluster/objects.js';
import { arr, str } from '../cluster/objects.js';

/** A container's literal env values (valueFrom entries are not resolved). */
export function containerEnv(container: Json): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of arr(container, 'env')) {
    const name = str(e.name);
    const value = str(e.value);
    if (name && value !== undefined) out[name] = value;
  }
  return out;
}
