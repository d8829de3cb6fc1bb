import type { FieldError } from '../api/common.js';
import type { RequestLimitsLike, SpecLike } from './spec.js';

/** Go's time.ParseDuration grammar (what `format: duration` means to the API server). */
const GO_DURATION = /^[-+]?(0|(\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/;

export function isGoDuration(value: string): boolean {
  return value === '0' || GO_DURATION.test(value);
}

/**
 * `requests.{read,write}`: counts must not be negative (the operator fails the deployment with
 * "Requests.Read.MaxRunning must be positive number"), and `maxWaitInQueue` is ignored unless
 * maxRunning or maxInQueue is non-zero — refuse it rather than let it silently do nothing.
 */
export function checkRequests(spec: SpecLike): FieldError[] {
  const requests = spec.requests;
  if (!requests) return [];
  return [...checkLimits('read', requests.read), ...checkLimits('write', requests.write)];
}

function checkLimits(kind: 'read' | 'write', limits: RequestLimitsLike | undefined): FieldError[] {
  if (!limits) return [];
  const base = `spec.requests.${kind}`;
  const errors: FieldError[] = [];
  for (const key of ['maxRunning', 'maxInQueue'] as const) {
    const value = limits[key];
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      errors.push({ path: `${base}.${key}`, message: 'must be a whole number ≥ 0' });
    }
  }
  const wait = limits.maxWaitInQueue;
  if (wait !== undefined && wait !== '') {
    if (!isGoDuration(wait)) {
      errors.push({ path: `${base}.maxWaitInQueue`, message: 'must be a duration such as 30s, 1m30s or 2h' });
    } else if (wait.startsWith('-')) {
      errors.push({ path: `${base}.maxWaitInQueue`, message: 'must not be negative' });
    } else if (!limits.maxRunning && !limits.maxInQueue) {
      errors.push({
        path: `${base}.maxWaitInQueue`,
        message: 'only takes effect with maxRunning or maxInQueue set: set one of them, or clear this',
      });
    }
  }
  return errors;
}
