import type { KubeObject } from '../../core/types.js';
import { defaultOnRead } from '../../validation/index.js';
import { apiVersionOf, type ResourceType } from '../resources/resource-type.js';

/** How a stored object is served at a version: apiVersion of the request, CRD defaults applied on read, decorated fields computed. */
export function present(type: ResourceType, stored: KubeObject): KubeObject {
  const obj = { ...stored, apiVersion: apiVersionOf(type), kind: type.kind };
  if (type.crd) return defaultOnRead(type.crd, type.version, obj);
  return type.decorate ? type.decorate(obj) : obj;
}
