import { badRequest, expired } from '../../core/errors.js';
import type { KubeObject, ListOptions } from '../../core/types.js';

interface Token {
  rv: number;
  start: string;
}

const keyOf = (o: KubeObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

/**
 * limit/continue paging over a sorted list. The continue token carries the list's
 * resourceVersion and the last key served (as kube's etcd3 token does); pages after the first
 * read current data, which is what the watch cache does for a consistent-enough list.
 */
export function paginate(
  items: KubeObject[],
  opts: ListOptions,
  currentRv: number,
): {
  items: KubeObject[];
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
} {
  let rv = currentRv;
  let rest = items;
  if (opts.continue) {
    let token: Token;
    try {
      token = JSON.parse(Buffer.from(opts.continue, 'base64url').toString('utf8')) as Token;
    } catch {
      throw badRequest('continue key is not valid: illegal base64 data at input byte 0');
    }
    if (typeof token.rv !== 'number' || typeof token.start !== 'string')
      throw badRequest(
        'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
      );
    if (token.rv <= 0)
      throw expired(
        'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
      );
    rv = token.rv;
    rest = items.filter((o) => keyOf(o) > token.start);
  }
  const limit = opts.limit && opts.limit > 0 ? opts.limit : undefined;
  if (limit === undefined || rest.length <= limit)
    return { items: rest, metadata: { resourceVersion: String(rv) } };
  const page = rest.slice(0, limit);
  const next: Token = { rv, start: keyOf(page[page.length - 1] as KubeObject) };
  return {
    items: page,
    metadata: {
      resourceVersion: String(rv),
      // remainingItemCount stays unset: lists served from the watch cache / etcd with a
      // selector-free continue do not fill it in this configuration (kube-apiserver-facts.md)
      continue: Buffer.from(JSON.stringify(next)).toString('base64url'),
    },
  };
}
