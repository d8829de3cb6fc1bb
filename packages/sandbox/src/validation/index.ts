/**
 * Contract of the validation module (owned by validation/): structural-schema admission of
 * custom resources as kube-apiserver does it, and the CRDs the sandbox serves.
 * Placeholder implementation until the real one lands: accepts everything, serves no CRD.
 */
import type { KubeObject, StatusCause } from '../core/types.js';

/** apiextensions.k8s.io/v1 CustomResourceDefinition, as served by the API. */
export interface CustomResourceDefinition extends KubeObject {
  spec: {
    group: string;
    names: { plural: string; singular: string; kind: string; listKind: string; shortNames?: string[]; categories?: string[] };
    scope: 'Namespaced' | 'Cluster';
    versions: Array<{
      name: string;
      served: boolean;
      storage: boolean;
      schema: { openAPIV3Schema: Record<string, unknown> };
      subresources?: { status?: Record<string, never>; scale?: Record<string, unknown> };
      additionalPrinterColumns?: Array<{ name: string; type: string; jsonPath: string; description?: string; format?: string; priority?: number }>;
    }>;
  };
}

export interface AdmissionRequest {
  crd: CustomResourceDefinition;
  version: string;
  operation: 'CREATE' | 'UPDATE';
  /** 'status' when writing the status subresource */
  subresource?: 'status';
  object: unknown;
  oldObject?: KubeObject;
  fieldValidation: 'Strict' | 'Warn' | 'Ignore';
}

export interface AdmissionResult {
  /** The object after pruning unknown fields and applying defaults. */
  object: KubeObject;
  /** Validation failures (schema + CEL) → 422 Invalid with these causes. */
  causes: StatusCause[];
  /** Unknown/duplicate fields: warnings (Warn) or, with Strict, errors (see `strictErrors`). */
  warnings: string[];
  /** With fieldValidation=Strict: 'unknown field "spec.x"' messages → 400 on create, 422 on update/patch. */
  strictErrors: string[];
}

export function admitCustomResource(req: AdmissionRequest): AdmissionResult {
  return { object: req.object as KubeObject, causes: [], warnings: [], strictErrors: [] };
}

/** Applies the schema's defaults to an object read from storage (kube-apiserver does this on read). */
export function defaultOnRead(_crd: CustomResourceDefinition, _version: string, object: KubeObject): KubeObject {
  return object;
}

/** The CRDs of the OpenShift objects the sandbox serves, built from packages/shared's schemas. */
export function sandboxCrds(): CustomResourceDefinition[] {
  return [];
}

/**
 * The 422 Status for a failed validation, worded as kube-apiserver words it:
 * `<Kind>.<group> "<name>" is invalid: <cause>` (several causes in `[a, b]`).
 */
export function invalidMessage(kind: string, group: string, name: string, causes: StatusCause[]): string {
  const parts = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
  const joined = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return `${kind}.${group} "${name}" is invalid: ${joined}`;
}
