import { badRequest, statusFailure, ApiError } from '../../core/errors.js';
import { deepEqual, isJsonObject, type JsonValue } from './json-value.js';

interface Op {
  op: string;
  path: string;
  from?: string;
  value?: JsonValue;
}

/** A failed operation: kube answers 422 with the json-patch library's message (reason Invalid). */
function patchFailed(message: string): ApiError {
  return new ApiError(statusFailure(422, 'Invalid', message));
}

/** Decodes the body as []jsonPatchOp the way kube's handler does (400 on a non-array). */
export function decodeJsonPatch(body: unknown): Op[] {
  if (!Array.isArray(body)) {
    const what =
      body === null
        ? 'null'
        : typeof body === 'object'
          ? 'object'
          : typeof body === 'string'
            ? 'string'
            : typeof body;
    throw badRequest(`json: cannot unmarshal ${what} into Go value of type []handlers.jsonPatchOp`);
  }
  return body.map((raw) => {
    if (!isJsonObject(raw))
      throw badRequest('json: cannot unmarshal into Go value of type handlers.jsonPatchOp');
    return raw as unknown as Op;
  });
}

function parsePointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw patchFailed(`invalid JSON pointer: "${path}"`);
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = Record<string, JsonValue> | JsonValue[];

/** Finds the parent container of a pointer and the last key (findObject in evanphx/json-patch). */
function locate(doc: JsonValue, path: string): { parent: Container; key: string } | undefined {
  const parts = parsePointer(path);
  const key = parts.pop();
  if (key === undefined) return undefined;
  let cur: JsonValue = doc;
  for (const p of parts) {
    if (Array.isArray(cur)) {
      const i = Number(p);
      if (!/^\d+$/.test(p) || i >= cur.length) return undefined;
      cur = cur[i] as JsonValue;
    } else if (isJsonObject(cur)) {
      if (!(p in cur)) return undefined;
      cur = cur[p] as JsonValue;
    } else return undefined;
  }
  if (!Array.isArray(cur) && !isJsonObject(cur)) return undefined;
  return { parent: cur, key };
}

function getAt(c: Container, key: string, path: string): JsonValue {
  if (Array.isArray(c)) {
    const i = Number(key);
    if (!/^\d+$/.test(key) || i >= c.length)
      throw patchFailed(`Unable to access invalid index: ${key}: invalid index referenced`);
    return c[i] as JsonValue;
  }
  if (!(key in c)) throw patchFailed(`Unable to get nonexistent key: ${key}: missing value`);
  void path;
  return c[key] as JsonValue;
}

function addAt(c: Container, key: string, value: JsonValue): void {
  if (Array.isArray(c)) {
    const i = key === '-' ? c.length : Number(key);
    if (!(key === '-' || /^\d+$/.test(key)) || i > c.length)
      throw patchFailed(`Unable to access invalid index: ${key}: invalid index referenced`);
    c.splice(i, 0, value);
  } else c[key] = value;
}

function removeAt(c: Container, key: string, path: string): JsonValue {
  if (Array.isArray(c)) {
    const i = Number(key);
    if (!/^\d+$/.test(key) || i >= c.length)
      throw patchFailed(
        `error in remove for path: '${path}': Unable to remove invalid index: ${key}: invalid index referenced`,
      );
    return c.splice(i, 1)[0] as JsonValue;
  }
  if (!(key in c))
    throw patchFailed(
      `error in remove for path: '${path}': Unable to remove nonexistent key: ${key}: missing value`,
    );
  const v = c[key] as JsonValue;
  delete c[key];
  return v;
}

function need(op: Op, field: 'path' | 'from'): string {
  const v = op[field];
  if (typeof v !== 'string') throw patchFailed(`${op.op} operation missing ${field} string`);
  return v;
}

/** RFC 6902 JSON patch (add, remove, replace, move, copy, test) with evanphx/json-patch's messages. */
export function applyJsonPatch(target: unknown, ops: Op[]): JsonValue {
  let doc = structuredClone(target) as JsonValue;
  for (const op of ops) {
    const path = need(op, 'path');
    if (path === '' && (op.op === 'add' || op.op === 'replace')) {
      doc = structuredClone(op.value ?? null);
      continue;
    }
    const where = locate(doc, path);
    switch (op.op) {
      case 'add':
        if (!where)
          throw patchFailed(`add operation does not apply: doc is missing path: "${path}": missing value`);
        if (!('value' in op)) throw patchFailed('add operation missing value');
        addAt(where.parent, where.key, structuredClone(op.value as JsonValue));
        break;
      case 'remove':
        if (!where)
          throw patchFailed(`remove operation does not apply: doc is missing path: "${path}": missing value`);
        removeAt(where.parent, where.key, path);
        break;
      case 'replace': {
        if (!where)
          throw patchFailed(`replace operation does not apply: doc is missing key: ${path}: missing value`);
        if (!('value' in op)) throw patchFailed('replace operation missing value');
        const { parent, key } = where;
        if (Array.isArray(parent)) {
          const i = Number(key);
          if (!/^\d+$/.test(key) || i >= parent.length)
            throw patchFailed(`replace operation does not apply: doc is missing key: ${path}: missing value`);
          parent[i] = structuredClone(op.value as JsonValue);
        } else {
          if (!(key in parent))
            throw patchFailed(`replace operation does not apply: doc is missing key: ${path}: missing value`);
          parent[key] = structuredClone(op.value as JsonValue);
        }
        break;
      }
      case 'move':
      case 'copy': {
        const from = need(op, 'from');
        const src = locate(doc, from);
        if (!src)
          throw patchFailed(
            `${op.op} operation does not apply: doc is missing from path: ${from}: missing value`,
          );
        const value =
          op.op === 'move'
            ? removeAt(src.parent, src.key, from)
            : structuredClone(getAt(src.parent, src.key, from));
        const dst = locate(doc, path);
        if (!dst)
          throw patchFailed(
            `${op.op} operation does not apply: doc is missing destination path: ${path}: missing value`,
          );
        addAt(dst.parent, dst.key, value);
        break;
      }
      case 'test': {
        let actual: JsonValue | undefined;
        if (path === '') actual = doc;
        else if (where) {
          try {
            actual = getAt(where.parent, where.key, path);
          } catch {
            actual = undefined;
          }
        }
        const expected = op.value ?? null;
        if (actual === undefined ? expected !== null : !deepEqual(actual, expected))
          throw patchFailed(`testing value ${path} failed: test failed`);
        break;
      }
      default:
        throw patchFailed(`Unexpected kind: ${String(op.op)}`);
    }
  }
  return doc;
}
