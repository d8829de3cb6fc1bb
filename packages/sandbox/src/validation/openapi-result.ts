import type { FieldError } from './field-error.js';

/** kube-openapi's Result: errors plus how many checks ran (anyOf/oneOf keep the best failure by it). */
export interface ValidationResult {
  errors: FieldError[];
  matchCount: number;
}
