import type { KubeObject } from '../../src/core/types.js';
import {
  admitCustomResource,
  invalidMessage,
  sandboxCrds,
  type CustomResourceDefinition,
} from '../../src/validation/index.js';

export function crd(plural: string): CustomResourceDefinition {
  const found = sandboxCrds().find((c) => c.spec.names.plural === plural);
  if (!found) throw new Error(`no CRD ${plural}`);
  return found;
}

export function config(spec: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'imageregistry.operator.openshift.io/v1',
    kind: 'Config',
    metadata: { name: 'cluster' },
    spec,
    ...extra,
  };
}

type Opts = {
  old?: KubeObject;
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
  subresource?: 'status';
  plural?: string;
};

export function admit(obj: unknown, opts: Opts = {}) {
  return admitCustomResource({
    crd: crd(opts.plural ?? 'configs'),
    version: 'v1',
    operation: opts.old ? 'UPDATE' : 'CREATE',
    object: obj,
    oldObject: opts.old,
    subresource: opts.subresource,
    fieldValidation: opts.fieldValidation ?? 'Warn',
  });
}

/** `field: message` lines, as kubectl prints each cause. */
export function lines(obj: unknown, opts: Opts = {}): string[] {
  return admit(obj, opts).causes.map((c) => `${c.field}: ${c.message}`);
}

export function statusMessage(obj: KubeObject, opts: Opts = {}): string {
  const c = crd(opts.plural ?? 'configs');
  return invalidMessage(c.spec.names.kind, c.spec.group, obj.metadata.name ?? '', admit(obj, opts).causes);
}
