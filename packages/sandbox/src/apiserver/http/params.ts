import { badRequest } from '../../core/errors.js';
import type { DeleteOptions, ListOptions, WatchOptions, WriteOptions } from '../../core/types.js';

const FIELD_VALIDATION = ['Ignore', 'Warn', 'Strict'] as const;

function bool(v: string | null): boolean | undefined {
  if (v === null) return undefined;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0' || v === '') return false;
  throw badRequest(`strconv.ParseBool: parsing ${JSON.stringify(v)}: invalid syntax`);
}

function int(name: string, v: string | null): number | undefined {
  if (v === null || v === '') return undefined;
  if (!/^-?\d+$/.test(v))
    throw badRequest(`${name}: strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`);
  return Number(v);
}

function dryRun(values: string[]): boolean | undefined {
  if (values.length === 0) return undefined;
  for (const v of values)
    if (v !== 'All')
      throw badRequest(`dryRun: Unsupported value: ${JSON.stringify(v)}: supported values: "All"`);
  return true;
}

/** Write options from the query; the field manager defaults to the User-Agent's product, as kube does. */
export function writeOptions(q: URLSearchParams, userAgent?: string): WriteOptions {
  const fv = q.get('fieldValidation');
  // Unset means Warn for HTTP clients (kube 1.27+ default).
  if (fv !== null && fv !== '' && !FIELD_VALIDATION.includes(fv as (typeof FIELD_VALIDATION)[number]))
    throw badRequest(
      `fieldValidation: Unsupported value: ${JSON.stringify(fv)}: supported values: "Ignore", "Strict", "Warn"`,
    );
  const opts: WriteOptions = { fieldValidation: fv ? (fv as WriteOptions['fieldValidation']) : 'Warn' };
  const dr = dryRun(q.getAll('dryRun'));
  if (dr) opts.dryRun = true;
  const fm = q.get('fieldManager') || userAgent?.split('/')[0];
  if (fm) opts.fieldManager = fm;
  return opts;
}

export function listOptions(q: URLSearchParams): ListOptions {
  const opts: ListOptions = {};
  const set = (k: 'labelSelector' | 'fieldSelector' | 'resourceVersion' | 'continue'): void => {
    const v = q.get(k);
    if (v !== null && v !== '') opts[k] = v;
  };
  set('labelSelector');
  set('fieldSelector');
  set('resourceVersion');
  set('continue');
  const limit = int('limit', q.get('limit'));
  if (limit !== undefined) opts.limit = limit;
  return opts;
}

export function watchOptions(q: URLSearchParams): WatchOptions & { timeoutSeconds?: number } {
  const opts: WatchOptions & { timeoutSeconds?: number } = listOptions(q);
  const bookmarks = bool(q.get('allowWatchBookmarks'));
  if (bookmarks !== undefined) opts.allowWatchBookmarks = bookmarks;
  const initial = bool(q.get('sendInitialEvents'));
  if (initial !== undefined) {
    if (initial && !opts.allowWatchBookmarks)
      throw badRequest(
        'ListOptions.meta.k8s.io "" is invalid: allowWatchBookmarks: Forbidden: allowWatchBookmarks must be set to true when sendInitialEvents is true',
      );
    opts.sendInitialEvents = initial;
  }
  const timeout = int('timeoutSeconds', q.get('timeoutSeconds'));
  if (timeout !== undefined) opts.timeoutSeconds = timeout;
  return opts;
}

/** DeleteOptions from the query string merged over the body (kubectl sends them in the body). */
export function deleteOptions(q: URLSearchParams, body: unknown): DeleteOptions {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const opts: DeleteOptions = { ...writeOptions(q) };
  const grace =
    int('gracePeriodSeconds', q.get('gracePeriodSeconds')) ??
    (typeof b.gracePeriodSeconds === 'number' ? b.gracePeriodSeconds : undefined);
  if (grace !== undefined) opts.gracePeriodSeconds = grace;
  const policy =
    q.get('propagationPolicy') ?? (typeof b.propagationPolicy === 'string' ? b.propagationPolicy : undefined);
  const orphan =
    bool(q.get('orphanDependents')) ??
    (typeof b.orphanDependents === 'boolean' ? b.orphanDependents : undefined);
  if (policy !== undefined && policy !== null) {
    if (!['Foreground', 'Background', 'Orphan'].includes(policy))
      throw badRequest(
        `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: ${JSON.stringify(policy)}: supported values: "Foreground", "Background", "Orphan", "nil"`,
      );
    opts.propagationPolicy = policy as DeleteOptions['propagationPolicy'];
  } else if (orphan === true) opts.propagationPolicy = 'Orphan';
  if (Array.isArray(b.dryRun) && b.dryRun.includes('All')) opts.dryRun = true;
  const pre = b.preconditions as DeleteOptions['preconditions'] | undefined;
  if (pre && typeof pre === 'object') opts.preconditions = pre;
  return opts;
}
