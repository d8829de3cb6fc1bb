/**
 * Go's json.Marshal of a decoded JSON document (map[string]interface{}): keys sorted at every
 * depth, no spaces, and <, >, & and U+2028/U+2029 escaped as \u003c … (encoding/json's HTML-safe
 * default). kube-apiserver quotes a patched object this way in its strict-decoding errors,
 * because evanphx/json-patch re-marshals the merged document as a Go map.
 */
export function goJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  if (typeof v === 'object' && v !== null)
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${goString(k)}:${goJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  if (typeof v === 'string') return goString(v);
  return JSON.stringify(v) ?? 'null';
}

const HTML_UNSAFE = /[<>&\u2028\u2029]/g;

function goString(s: string): string {
  return JSON.stringify(s).replace(HTML_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
