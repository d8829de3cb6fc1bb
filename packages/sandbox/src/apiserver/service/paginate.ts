import { ApiError, badRequest, expired, statusFailure } from '../../core/errors.js';
import type { KubeObject, ListOptions } from '../../core/types.js';

/** kube's continue token (storage.EncodeContinue): `{"v":"meta.k8s.io/v1","rv":N,"start":"<next key>"}`, base64url. */
interface Token {
  v: string;
  rv: number;
  start: string;
}

const TOKEN_VERSION = 'meta.k8s.io/v1';
const keyOf = (o: KubeObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
const encode = (t: Token): string => Buffer.from(JSON.stringify(t)).toString('base64url');

/** The etcd3 store's texts (storage/etcd3/store.go) for a continue token older than the compaction. */
const INCONSISTENT_CONTINUE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

function decode(value: string): Token {
  let token: Partial<Token>;
  try {
    token = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<Token>;
  } catch {
    throw badRequest('continue key is not valid: illegal base64 data at input byte 0');
  }
  if (token.v !== TOKEN_VERSION)
    throw badRequest('continue key is not valid: server does not recognize this encoded key');
  if (typeof token.rv !== 'number' || token.rv === 0)
    throw badRequest(
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
  if (typeof token.start !== 'string' || token.start === '')
    throw badRequest('continue key is not valid: encoded start key empty (version meta.k8s.io/v1)');
  return token as Token;
}

/**
 * limit/continue paging over a sorted list, as the etcd3 store pages. The continue token carries
 * the list's resourceVersion and the key to start from; a token older than the last etcd
 * compaction is 410 Expired with an "inconsistent" token (rv -1) that continues with current
 * data. Pages after the first read current data (the sandbox keeps no snapshots).
 */
export function paginate(
  items: KubeObject[],
  opts: ListOptions,
  currentRv: number,
  compactedRv = 0,
): {
  items: KubeObject[];
  metadata: { resourceVersion: string; continue?: string };
} {
  let rv = currentRv;
  let rest = items;
  if (opts.continue) {
    const token = decode(opts.continue);
    if (token.rv > 0 && token.rv < compactedRv) {
      const status = statusFailure(410, 'Expired', INCONSISTENT_CONTINUE);
      status.metadata = { continue: encode({ ...token, rv: -1 }) };
      throw new ApiError(status);
    }
    if (token.rv > 0) rv = token.rv;
    rest = items.filter((o) => keyOf(o) >= token.start);
  }
  const limit = opts.limit && opts.limit > 0 ? opts.limit : undefined;
  if (limit === undefined || rest.length <= limit)
    return { items: rest, metadata: { resourceVersion: String(rv) } };
  const page = rest.slice(0, limit);
  // the next page starts just after the last key served (etcd: lastKey + "\x00")
  const next: Token = { v: TOKEN_VERSION, rv, start: `${keyOf(page[page.length - 1] as KubeObject)}\u0000` };
  return {
    items: page,
    // remainingItemCount stays unset: lists served from the watch cache do not fill it in this
    // configuration (kube-apiserver-facts.md)
    metadata: { resourceVersion: String(rv), continue: encode(next) },
  };
}

/** A list at an exact resourceVersion that etcd has compacted away (etcd3 store's `expired`). */
export function exactTooOld(): ApiError {
  return expired('The resourceVersion for the provided list is too old.');
}
