/**
 * Secret values inside workload objects. The real operator writes `REGISTRY_HTTP_SECRET` (the
 * Config's httpSecret, which signs upload sessions) as a plain `env` value of the registry
 * Deployment, so every object carrying a pod template — Deployment, ReplicaSet, Pod, DaemonSet,
 * Job, CronJob — would hand it to anyone who may read Deployments. Env values whose names say
 * "secret" are replaced; so is kubectl's `last-applied-configuration`, a full copy of the object
 * as last applied (env included).
 */
/** What a secret value is replaced with on its way to the browser (the operator logs it so too). */
export const REDACTED = '<REDACTED>';

const SECRET_ENV_NAME = /SECRET|KEY|PASSWORD|PASSWD|TOKEN|CREDENTIAL/i;
/** Annotations that hold a serialized copy of the object (and so of its env). */
const COPY_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration'];

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
