/** The contract types of the validation module (used by apiserver/). */
import type { KubeObject, StatusCause } from '../core/types.js';

/** apiextensions.k8s.io/v1 CustomResourceDefinition, as served by the API. */
export interface CustomResourceDefinition extends KubeObject {
  spec: {
    group: string;
    names: {
      plural: string;
      singular: string;
      kind: string;
      listKind: string;
      shortNames?: string[];
      categories?: string[];
    };
    scope: 'Namespaced' | 'Cluster';
    versions: Array<{
      name: string;
      served: boolean;
      storage: boolean;
      schema: { openAPIV3Schema: Record<string, unknown> };
      subresources?: { status?: Record<string, never>; scale?: Record<string, unknown> };
      additionalPrinterColumns?: Array<{
        name: string;
        type: string;
        jsonPath: string;
        description?: string;
        format?: string;
        priority?: number;
      }>;
    }>;
  };
  status?: Record<string, unknown>;
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
