/**
 * String formats as Kubernetes checks them (kube-openapi strfmt), shared by the sandbox's
 * validator and registered with TypeBox so `Value.Check` on these schemas agrees with the API
 * server (TypeBox's own `duration` is ISO 8601; Kubernetes' is Go's `30s` / `1h2m3.5s`).
 */
import { Format } from 'typebox/format';

/** Go time.ParseDuration: `[-+]?(<decimal><unit>)+` or `0`; units ns us µs μs ms s m h. */
const GO_DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/;
/** strfmt's Scala-style fallback: `3 days`, `1 hour 5 min`. */
const SCALA_DURATION = /^\s*(?:\d+\s*[A-Za-zµ]+\s*)+$/;
const SCALA_PART = /(\d+)\s*([A-Za-zµ]+)/g;
const SCALA_UNITS = [
  ['ns', 'nano'],
  ['us', 'µs', 'micro'],
  ['ms', 'milli'],
  ['s', 'sec'],
  ['m', 'min'],
  ['h', 'hr', 'hour'],
  ['d', 'day'],
  ['w', 'wk', 'week'],
];

/** kube-openapi's `duration` format: a Go duration, or the Scala-like form strfmt also accepts. */
export function isKubeDuration(value: string): boolean {
  if (/^[-+]?0$/.test(value) || GO_DURATION.test(value)) return true;
  if (!SCALA_DURATION.test(value)) return false;
  for (const m of value.matchAll(SCALA_PART)) {
    const unit = (m[2] ?? '').toLowerCase();
    // strfmt accepts a unit equal to any variant, or starting with the longest one ("days", "hours")
    if (
      SCALA_UNITS.some((v) =>
        v.some((variant, i) => variant === unit || (i === v.length - 1 && unit.startsWith(variant))),
      )
    )
      return true;
  }
  return false;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** strfmt `date`: a valid calendar date YYYY-MM-DD. */
export function isKubeDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > (DAYS_IN_MONTH[mo - 1] ?? 0)) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return !(mo === 2 && d === 29 && !leap);
}

/** strfmt `date-time`: `<date>T<hh:mm:ss>[.frac](Z|±hh:mm)`, case-insensitive T and Z. */
export function isDateTime(value: string): boolean {
  const parts = value.toLowerCase().split('t');
  if (parts.length !== 2 || !isKubeDate(parts[0] ?? '')) return false;
  const m = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(z|[+-]\d{2}:\d{2})$/.exec(parts[1] ?? '');
  return !!m && Number(m[1]) <= 23 && Number(m[2]) <= 59 && Number(m[3]) <= 59;
}

let registered = false;
/** Makes TypeBox's validator use Kubernetes' meaning of the formats our schemas carry. */
export function registerKubeFormats(): void {
  if (registered) return;
  registered = true;
  Format.Set('duration', isKubeDuration);
  Format.Set('date-time', isDateTime);
  Format.Set('date', isKubeDate);
  // Kubernetes ignores formats it does not support (int32, int64, …): so must TypeBox
  Format.Set('int32', () => true);
  Format.Set('int64', () => true);
}
