/**
 * The `.dockerconfigjson` document: parsed strictly enough to refuse merging into something
 * malformed, loosely enough to keep whatever else it holds (other auths, credHelpers …) as is.
 * Problems name the field, never a value.
 */
import { isPlainObject as isObject, type FieldError, type PullSecretRegistry } from '@irc/shared';
import { decodeJsonSecretValue } from '../kube/secret-json.js';

export type DockerConfig = { auths: Record<string, Record<string, unknown>> } & Record<string, unknown>;

export type ParsedDockerConfig = { ok: true; doc: DockerConfig } | { ok: false; problems: FieldError[] };

const KEY_PATH = 'data[.dockerconfigjson]';

export function parseDockerConfig(
  base64: string | undefined,
  secretType: string | undefined,
): ParsedDockerConfig {
  const problems: FieldError[] = [];
  if (secretType !== 'kubernetes.io/dockerconfigjson') {
    problems.push({
      path: 'type',
      message: `is ${secretType ? `"${secretType}"` : 'not set'}, expected "kubernetes.io/dockerconfigjson"`,
    });
  }
  if (base64 === undefined)
    return { ok: false, problems: [...problems, { path: KEY_PATH, message: 'is missing' }] };
  const decoded = decodeJsonSecretValue(base64);
  if (!decoded.ok)
    return { ok: false, problems: [...problems, { path: KEY_PATH, message: 'is not valid JSON' }] };
  const doc = decoded.value;
  if (!isObject(doc))
    return { ok: false, problems: [...problems, { path: KEY_PATH, message: 'must be a JSON object' }] };
  if (!isObject(doc.auths)) {
    problems.push({
      path: `${KEY_PATH}.auths`,
      message: doc.auths === undefined ? 'is missing' : 'must be an object of registry → credentials',
    });
  } else {
    for (const [registry, entry] of Object.entries(doc.auths)) {
      const path = `${KEY_PATH}.auths["${registry}"]`;
      if (!isObject(entry)) {
        problems.push({ path, message: 'must be an object' });
        continue;
      }
      if (entry.auth !== undefined && (typeof entry.auth !== 'string' || !isUserColonSecret(entry.auth))) {
        problems.push({ path: `${path}.auth`, message: 'must be base64 of "username:password"' });
      }
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, doc: doc as DockerConfig };
}

/** Field presence per registry: names and booleans only. */
export function registryEntries(doc: DockerConfig): PullSecretRegistry[] {
  return Object.entries(doc.auths)
    .map(([registry, entry]) => ({
      registry,
      hasAuth: typeof entry.auth === 'string' && entry.auth.length > 0,
      hasEmail: typeof entry.email === 'string' && entry.email.length > 0,
      hasUsernamePassword: typeof entry.username === 'string' && typeof entry.password === 'string',
      hasIdentityToken: typeof entry.identitytoken === 'string' && entry.identitytoken.length > 0,
    }))
    .sort((a, b) => a.registry.localeCompare(b.registry));
}

/** `auth` must decode to `user:secret` (what container runtimes split on the first ":"). */
export function isUserColonSecret(auth: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(auth) || auth.length % 4 !== 0) return false;
  const decoded = Buffer.from(auth, 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i > 0 && i < decoded.length - 1;
}
