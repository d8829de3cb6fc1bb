/**
 * Everything on its way to a browser passes here.
 *
 * Objects ({@link forBrowser} in resources.ts is the one exit of cluster objects):
 *  - Secret values inside workload objects. The real operator writes `REGISTRY_HTTP_SECRET` (the
 *    Config's httpSecret, which signs upload sessions) as a plain `env` value of the registry
 *    Deployment, so every object carrying a pod template — Deployment, ReplicaSet, Pod,
 *    DaemonSet, Job, CronJob — would hand it to anyone who may read Deployments. Env values whose
 *    names say "secret" are replaced; so is kubectl's `last-applied-configuration`, a full copy
 *    of the object as last applied (env, the Config's httpSecret, a Secret's data included).
 *
 * Upstream text (every Status message and cause a KubeError carries, condition and event
 * messages, any string of an object) — two rules, because one alone misses cases:
 *  1. A value the API quotes that is an object, a list or a long blob is omitted: with
 *     `fieldValidation=Strict` a merge patch with an unknown field is answered with
 *     `patch: Invalid value: "{…the whole stored object…}"` — secrets in the spec included.
 *  2. Secret values this server has seen (the Config's httpSecret, storage credential values,
 *     pull-secret auths — noted where they are read or written) are replaced wherever they
 *     appear, raw or in the encodings an upstream message uses.
 */
import type { KubeObjectLike } from './resources.js';

/** What a secret value is replaced with on its way to the browser (the operator logs it so too). */
export const REDACTED = '<REDACTED>';

const SECRET_ENV_NAME = /SECRET|KEY|PASSWORD|PASSWD|TOKEN|CREDENTIAL/i;
/** kubectl/oc apply keep the object as applied here: env, spec values, httpSecret included. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
/** Annotations that hold a serialized copy of the object (and so of its env and secret fields). */
const COPY_ANNOTATIONS = [LAST_APPLIED_ANNOTATION];

export function isSecretEnvName(name: string): boolean {
  return SECRET_ENV_NAME.test(name);
}

type Json = unknown;

function redactEnv(list: unknown[]): unknown[] {
  let changed = false;
  const out = list.map((entry) => {
    if (typeof entry !== 'object' || entry === null) return entry;
    const { name, value } = entry as { name?: unknown; value?: unknown };
    if (typeof name !== 'string' || typeof value !== 'string' || value === '' || value === REDACTED) {
      return entry;
    }
    if (!isSecretEnvName(name)) return entry;
    changed = true;
    return { ...entry, value: REDACTED };
  });
  return changed ? out : list;
}

function redactAnnotations(annotations: Record<string, unknown>): Record<string, unknown> {
  if (!COPY_ANNOTATIONS.some((a) => typeof annotations[a] === 'string')) return annotations;
  const out = { ...annotations };
  for (const a of COPY_ANNOTATIONS) if (typeof out[a] === 'string') out[a] = REDACTED;
  return out;
}

/**
 * The same value with every secret env value and object-copy annotation replaced by
 * {@link REDACTED}, at any depth (pod templates nest: CronJob → Job → Pod). Unchanged subtrees
 * are shared with the input, so an object without secrets is returned as is.
 */
export function redactWorkloadSecrets<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: Json): Json {
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const w = walk(v);
      if (w !== v) changed = true;
      return w;
    });
    return changed ? out : value;
  }
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  let out: Record<string, unknown> | undefined;
  for (const [key, child] of Object.entries(value)) {
    let next: unknown;
    if (key === 'env' && Array.isArray(child)) next = redactEnv(child);
    else if (key === 'annotations' && typeof child === 'object' && child !== null && !Array.isArray(child))
      next = redactAnnotations(child as Record<string, unknown>);
    else next = walk(child);
    if (next !== child) {
      out ??= { ...(value as Record<string, unknown>) };
      out[key] = next;
    }
  }
  return out ?? value;
}

/** Quoted values longer than this are omitted: an API message needs no blob to be understood. */
const MAX_QUOTED_VALUE = 256;
/** Shorter values are not worth a scrub (and would scrub ordinary words). */
const MIN_SECRET_LENGTH = 8;
const MAX_KNOWN_SECRETS = 512;

/**
 * The secret values seen lately (bounded: the oldest are forgotten first; a value seen again
 * moves to the end). Module-wide: every app in the process scrubs them, which costs nothing.
 */
class KnownSecrets {
  private readonly forms = new Map<string, string[]>();

  note(value: unknown): void {
    if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH || value === REDACTED) return;
    this.forms.delete(value);
    this.forms.set(value, encodings(value));
    while (this.forms.size > MAX_KNOWN_SECRETS) {
      const oldest = this.forms.keys().next().value;
      if (oldest === undefined) break;
      this.forms.delete(oldest);
    }
  }

  scrub(text: string): string {
    if (text.length < MIN_SECRET_LENGTH || this.forms.size === 0) return text;
    let out = text;
    for (const forms of this.forms.values())
      for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return out;
  }

  get size(): number {
    return this.forms.size;
  }
}

/** The forms a value takes in upstream text: raw, JSON-escaped once and twice (an object quoted in a message), base64, URL-encoded. */
function encodings(value: string): string[] {
  const once = JSON.stringify(value).slice(1, -1);
  const twice = JSON.stringify(once).slice(1, -1);
  const b64 = Buffer.from(value, 'utf8').toString('base64');
  const forms = [value, once, twice, b64, b64.replace(/=+$/, ''), encodeURIComponent(value)];
  // Longest first: a form containing another is replaced whole.
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

export const knownSecrets = new KnownSecrets();

/** A Go-quoted string starting at `start` (the opening quote): its end index (past the closing quote), or the text's end. */
function quotedEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

const INVALID_VALUE = /(Invalid value|Unsupported value|Duplicate value|Forbidden value): /g;

/** Rule 1: quoted values that are objects, lists, Go maps or long blobs become a short marker. */
export function omitQuotedObjects(text: string): string {
  let out = '';
  let from = 0;
  INVALID_VALUE.lastIndex = 0;
  for (let m = INVALID_VALUE.exec(text); m; m = INVALID_VALUE.exec(text)) {
    const at = m.index + m[0].length;
    let end = at;
    let value: string;
    if (text[at] === '"') {
      end = quotedEnd(text, at);
      value = text.slice(at + 1, end - 1);
    } else if (text.startsWith('map[', at) || text[at] === '{' || text[at] === '[') {
      end = bracketEnd(text, at);
      // A Go composite literal (`[]string{…}`, `map[string]int{…}`): the type, then its body.
      const type = /^[\w.*[\]]*/.exec(text.slice(end))?.[0] ?? '';
      if (text[end + type.length] === '{') end = bracketEnd(text, end + type.length);
      value = text.slice(at, end);
    } else continue;
    const objectLike = /^\s*(\{|\[|map\[)/.test(value);
    if (!objectLike && value.length <= MAX_QUOTED_VALUE) continue;
    out += `${text.slice(from, at)}"<${objectLike ? 'object' : `${value.length} characters`} omitted>"`;
    from = end;
    INVALID_VALUE.lastIndex = end;
  }
  return out + text.slice(from);
}

/** The end of a bracketed Go/JSON value starting at `start` (unbalanced: the text's end). */
function bracketEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') i = quotedEnd(text, i) - 1;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

/** An object that survived rule 1 (quoted some other way): the whole text is withheld. */
const EMBEDDED_OBJECT = /\\*"(apiVersion|metadata|spec|data|stringData)\\*"\s*:/;

/** Both rules, for any text that came from the API server. */
export function redactUpstreamText(text: string): string {
  const omitted = omitQuotedObjects(text);
  if (EMBEDDED_OBJECT.test(omitted))
    return '(message withheld: it quoted a stored object, which may hold secret values)';
  return knownSecrets.scrub(omitted);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Known secret values scrubbed from every string, copying only what changes. */
export function scrubStrings<T>(value: T): T {
  if (typeof value === 'string') return knownSecrets.scrub(value) as T;
  if (Array.isArray(value)) {
    const items = value.map(scrubStrings);
    return (items.some((v, i) => v !== value[i]) ? items : value) as T;
  }
  if (isRecord(value)) {
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(value)) {
      const s = scrubStrings(v);
      if (s !== v) (out ??= { ...value })[k] = s;
    }
    return (out ?? value) as T;
  }
  return value;
}

/** The Config's httpSecret, noted as a known secret wherever a Config is read. */
export function noteConfigSecrets(config: KubeObjectLike | undefined): void {
  const spec = config?.spec;
  if (isRecord(spec)) knownSecrets.note(spec.httpSecret);
}

/** The secrets of one `auths` entry of a docker config: the auth blob, and the password inside it. */
export function noteDockerAuth(entry: Record<string, unknown>): void {
  for (const key of ['auth', 'password', 'identitytoken', 'registrytoken'])
    if (typeof entry[key] === 'string') knownSecrets.note(entry[key]);
  if (typeof entry.auth === 'string') {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    knownSecrets.note(decoded);
    if (colon >= 0) knownSecrets.note(decoded.slice(colon + 1));
  }
}
