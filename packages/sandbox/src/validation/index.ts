/**
 * Contract of the validation module: structural-schema admission of custom resources as
 * kube-apiserver does it (pruning, defaulting, OpenAPI validation, list types, CEL rules,
 * ratcheting), and the CRDs the sandbox serves.
 */
export type { AdmissionRequest, AdmissionResult, CustomResourceDefinition } from './types.js';
export { admitCustomResource, admitWithSchema, defaultOnRead, versionSchema } from './admission.js';
export { sandboxCrds } from './crds.js';
export { invalidMessage } from './messages.js';
export { toOpenApiSchema } from './typebox-to-openapi.js';
export type { JSONSchemaProps } from './schema.js';
export { errorBody, errorString, toCause, type FieldError } from './field-error.js';
