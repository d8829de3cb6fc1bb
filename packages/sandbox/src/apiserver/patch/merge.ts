import { isJsonObject, type JsonValue } from './json-value.js';

/** RFC 7386 JSON merge patch: objects merge recursively, null deletes, anything else replaces. */
export function applyMergePatch(target: unknown, patch: unknown): JsonValue {
  if (!isJsonObject(patch)) return structuredClone(patch) as JsonValue;
  const out: Record<string, JsonValue> = isJsonObject(target)
    ? { ...(structuredClone(target) as Record<string, JsonValue>) }
    : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = applyMergePatch(out[k], v);
  }
  return out;
}
