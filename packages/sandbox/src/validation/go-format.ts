/**
 * How Go's fmt prints values in apimachinery's messages: `%q` for strings, `%v` for numbers and
 * bools, `%#v` for maps and slices (e.g. `map[string]interface {}{"type":"Available"}`).
 */

/** strconv.Quote */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if ((c >= 0x80 && c < 0xa0) || c === 0xfeff)
      out += c > 0xff ? `\\u${c.toString(16).padStart(4, '0')}` : `\\u00${c.toString(16)}`;
    else out += ch;
  }
  return `${out}"`;
}

/** %v of a float64 (strconv 'g', shortest): exponent form below 1e-4 and from 1e21. */
export function goFloat(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) {
    const [mant, exp] = n.toExponential().split('e') as [string, string];
    const sign = exp.startsWith('-') ? '-' : '+';
    const digits = exp.replace(/^[-+]/, '').padStart(2, '0');
    return `${mant}e${sign}${digits}`;
  }
  return String(n);
}

/** %v for scalars; %#v for compound values. */
export function goValue(v: unknown): string {
  if (typeof v === 'number') return goFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return goQuote(v);
  return goSyntax(v);
}

/** %#v of a decoded JSON value held in an interface{}. */
export function goSyntax(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(', ')}}`;
  const o = v as Record<string, unknown>;
  const entries = Object.keys(o)
    .sort()
    .map((k) => `${goQuote(k)}:${goSyntax(o[k])}`);
  return `map[string]interface {}{${entries.join(', ')}}`;
}
