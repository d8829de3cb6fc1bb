import type { StatusCause } from '../core/types.js';

/**
 * The 422 Status message, worded as kube-apiserver words it (errors.NewInvalid):
 * `<Kind>.<group> "<name>" is invalid: <cause>`, several causes as `[a, b]`; identical
 * `field: message` strings are reported once (field.ErrorList.ToAggregate).
 */
export function invalidMessage(kind: string, group: string, name: string, causes: StatusCause[]): string {
  const parts = [...new Set(causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message)))];
  const joined = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  const qualified = group ? `${kind}.${group}` : kind;
  return `${qualified} "${name}" is invalid: ${joined}`;
}
