/**
 * Correlating a new list item with its old counterpart (k8s.io/apiserver/pkg/cel/common
 * CorrelatedObject): map lists by their keys, sets by value; atomic lists do not correlate.
 */
import { deepEqual, isObject } from './json-value.js';
import type { JSONSchemaProps } from './schema.js';

export function correlateItem<N>(
  list: JSONSchemaProps,
  item: unknown,
  oldList: unknown,
  none: N,
): unknown | N {
  if (!Array.isArray(oldList)) return none;
  const type = list['x-kubernetes-list-type'];
  if (type === 'set') return oldList.find((o) => deepEqual(o, item)) ?? none;
  if (type === 'map' && isObject(item)) {
    const keys = list['x-kubernetes-list-map-keys'] ?? [];
    const match = oldList.find((o) => isObject(o) && keys.every((k) => deepEqual(o[k], item[k])));
    return match === undefined ? none : match;
  }
  return none;
}
