import { isRecord } from '../core/objects.js';

/**
 * The operator's object diffs as it logs them: flattened JSON paths,
 * `changed:spec.replicas={"2" -> "3"}`, `added:…`, `removed:…`. Secret `data`/`stringData`
 * values are never printed: they show as `<REDACTED>`.
 */
export function flatten(v: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  if (isRecord(v)) {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  } else if (Array.isArray(v)) {
    v.forEach((x, i) => flatten(x, `${prefix}.${i}`, out));
  } else if (v !== undefined) {
    out[prefix] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  return out;
}

function redact(path: string, value: string, secret: boolean): string {
  return secret && /^(data|stringData)\./.test(path) ? '<REDACTED>' : value;
}

export function diffObjects(
  before: unknown,
  after: unknown,
  opts: { secret?: boolean; only?: string[]; ignoreRemoved?: boolean } = {},
): string {
  const a = flatten(before);
  const b = flatten(after);
  const keep = (p: string) => !opts.only || opts.only.some((o) => p === o || p.startsWith(`${o}.`));
  const parts: string[] = [];
  for (const k of Object.keys(b).sort()) {
    if (!keep(k)) continue;
    const secret = opts.secret ?? false;
    if (!(k in a)) parts.push(`added:${k}=${JSON.stringify(redact(k, b[k] ?? '', secret))}`);
    else if (a[k] !== b[k])
      parts.push(
        `changed:${k}={${JSON.stringify(redact(k, a[k] ?? '', secret))} -> ${JSON.stringify(redact(k, b[k] ?? '', secret))}}`,
      );
  }
  if (!opts.ignoreRemoved)
    for (const k of Object.keys(a).sort())
      if (keep(k) && !(k in b))
        parts.push(`removed:${k}=${JSON.stringify(redact(k, a[k] ?? '', opts.secret ?? false))}`);
  return parts.join(', ');
}
