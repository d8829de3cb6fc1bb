/**
 * String formats as Kubernetes checks them, shared by the sandbox's validator and registered
 * with TypeBox so `Value.Check` on these schemas agrees with the API server (TypeBox's own
 * `duration` is ISO 8601, Kubernetes' is Go's `30s`/`1h2m3.5s`).
 */
import { Format } from 'typebox/format';

/** Go time.ParseDuration: `[-+]?(<number><unit>)+` or `0`; units ns us µs μs ms s m h. */
const GO_DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/;
export function isKubeDuration(value: string): boolean {
  return value === '0' || value === '+0' || value === '-0' || GO_DURATION.test(value);
}

/** strfmt date-time as kube-openapi accepts it (RFC 3339, optional fractional seconds). */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
export function isDateTime(value: string): boolean {
  const m = RFC3339.exec(value);
  if (!m) return false;
  const [month, day, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60;
}

let registered = false;
/** Makes TypeBox's validator use Kubernetes' meaning of the formats our schemas carry. */
export function registerKubeFormats(): void {
  if (registered) return;
  registered = true;
  Format.Set('duration', isKubeDuration);
  Format.Set('date-time', isDateTime);
  // int32/int64/hostname-on-arrays are not string formats TypeBox should reject on
  Format.Set('int32', () => true);
  Format.Set('int64', () => true);
}
