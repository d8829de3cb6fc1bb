import type { KubeObject } from '../../core/types.js';
import { defaultOnRead } from '../../validation/index.js';
import { apiVersionOf, type ResourceType } from '../resources/resource-type.js';

/** How a stored object is served at a version: apiVersion of the request, CRD defaults applied on read. */
export function present(type: ResourceType, stored: KubeObject): KubeObject {
  const obj = { ...stored, apiVersion: apiVersionOf(type), kind: type.kind };
  return type.crd ? defaultOnRead(type.crd, type.version, obj) : obj;
}
