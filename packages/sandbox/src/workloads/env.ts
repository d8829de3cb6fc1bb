import type { Json } from '../core/objects.js';
import { arr, str } from '../core/objects.js';

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
