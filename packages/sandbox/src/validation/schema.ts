/**
 * The openAPIV3Schema of a CRD version, as kube-apiserver reads it (apiextensions JSONSchemaProps).
 * The engine works on this JSON form so that the real CRDs (tests) and ours run through the
 * very same code.
 */
export interface CelRuleProps {
  rule: string;
  message?: string;
  messageExpression?: string;
  reason?: string;
  fieldPath?: string;
  optionalOldSelf?: boolean;
}

export interface JSONSchemaProps {
  type?: string;
  format?: string;
  description?: string;
  nullable?: boolean;
  default?: unknown;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  maxProperties?: number;
  required?: string[];
  properties?: Record<string, JSONSchemaProps>;
  additionalProperties?: JSONSchemaProps | boolean;
  items?: JSONSchemaProps;
  allOf?: JSONSchemaProps[];
  anyOf?: JSONSchemaProps[];
  oneOf?: JSONSchemaProps[];
  not?: JSONSchemaProps;
  'x-kubernetes-validations'?: CelRuleProps[];
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: string;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
}

/** The schema of property `key` of an object node: a declared property, else additionalProperties. */
export function fieldSchema(s: JSONSchemaProps | undefined, key: string): JSONSchemaProps | undefined {
  if (!s) return undefined;
  const prop = s.properties?.[key];
  if (prop) return prop;
  return typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
}

/** additionalProperties as a schema, when it is one. */
export function additionalSchema(s: JSONSchemaProps): JSONSchemaProps | undefined {
  return typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
}

export function sortedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).sort();
}

/** True when any node of the schema carries CEL rules (kube only builds a CEL validator then). */
export function hasCelRules(s: JSONSchemaProps | undefined): boolean {
  if (!s) return false;
  if (s['x-kubernetes-validations']?.length) return true;
  if (s.items && hasCelRules(s.items)) return true;
  if (typeof s.additionalProperties === 'object' && hasCelRules(s.additionalProperties)) return true;
  if (s.allOf?.some(hasCelRules)) return true;
  return Object.values(s.properties ?? {}).some(hasCelRules);
}
