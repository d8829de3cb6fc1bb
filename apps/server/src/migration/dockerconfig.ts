/**
 * Pull secrets: the registry keys of a `.dockerconfigjson` (`auths`) or legacy `.dockercfg`
 * (top-level map) are renamed by the mappings; every entry's value travels untouched, and so
 * does whatever else the document holds (credHelpers …), in its order.
 *
 * Nothing here returns or throws a credential: changes name keys only, problems name fields.
 * Unlike oc (which overwrites), a rename onto a key the secret already has is refused: it would
 * silently drop one of the two credentials.
 */
import { isPlainObject as isObj, type ImageReferenceMapping, type MigrationChange } from '@irc/shared';
import { decodeJsonSecretValue } from '../kube/secret-json.js';
import { mapDockerAuthKey } from './reference.js';

export const DOCKER_SECRET_KEYS: Record<string, string> = {
  'kubernetes.io/dockerconfigjson': '.dockerconfigjson',
  'kubernetes.io/dockercfg': '.dockercfg',
};

export type SecretRewrite =
  | { kind: 'not-docker' }
  | { kind: 'error'; message: string }
  | {
      kind: 'ok';
      dataKey: string;
      changes: MigrationChange[];
      /** base64 of the rewritten document, when changed */ data?: string;
    };

type Json = Record<string, unknown>;

export function rewriteSecret(
  mappings: readonly ImageReferenceMapping[],
  type: unknown,
  data: unknown,
): SecretRewrite {
  const dataKey = typeof type === 'string' ? DOCKER_SECRET_KEYS[type] : undefined;
  if (!dataKey) return { kind: 'not-docker' };
  const field = `data[${dataKey}]`;
  const encoded = isObj(data) ? data[dataKey] : undefined;
  if (typeof encoded !== 'string') return { kind: 'error', message: `${field} is missing` };
  const decoded = decodeJsonSecretValue(encoded);
  if (!decoded.ok) return { kind: 'error', message: `${field} is not valid JSON` };
  const doc = decoded.value;
  const json = dataKey === '.dockerconfigjson';
  const auths = json ? (isObj(doc) ? doc.auths : undefined) : doc;
  if (!isObj(auths))
    return {
      kind: 'error',
      message: json
        ? `${field}.auths must be an object of registry → credentials`
        : `${field} must be an object of registry → credentials`,
    };
  const changesField = json ? `${field}.auths` : field;

  const renamed: Json = {};
  const changes: MigrationChange[] = [];
  for (const [key, entry] of Object.entries(auths)) {
    const next = mapDockerAuthKey(mappings, key);
    if (next !== key) changes.push({ field: changesField, old: key, new: next });
    if (Object.hasOwn(renamed, next)) {
      return {
        kind: 'error',
        message: `${changesField}: renaming "${key}" to "${next}" would overwrite the credentials already stored for "${next}"`,
      };
    }
    renamed[next] = entry;
  }
  if (changes.length === 0) return { kind: 'ok', dataKey, changes };
  const nextDoc = json ? { ...(doc as Json), auths: renamed } : renamed;
  return {
    kind: 'ok',
    dataKey,
    changes,
    data: Buffer.from(JSON.stringify(nextDoc), 'utf8').toString('base64'),
  };
}

/** Every string value inside the document (credentials), so error messages can be scrubbed of them. */
export function secretStrings(data: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (v.length >= 4) out.push(v);
      // A nested base64 JSON document (a whole .dockerconfigjson) holds credentials too.
      const decoded = decodeJsonSecretValue(v);
      if (decoded.ok && isObj(decoded.value)) walk(decoded.value);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (isObj(v)) Object.values(v).forEach(walk);
  };
  walk(data);
  return out;
}

/** `message` with every occurrence of the given values replaced (longest first). */
export function scrub(message: string, values: readonly string[]): string {
  let out = message;
  for (const v of [...values].sort((a, b) => b.length - a.length)) out = out.split(v).join('<REDACTED>');
  return out;
}
