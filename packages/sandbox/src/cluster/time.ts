/** Kubernetes metav1.Time: RFC3339 with second precision. */
export function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d+Z$/, 'Z');
}

/** Go's time.Duration.String() for whole milliseconds: 1m0s, 30s, 1h2m3s, 250ms, 0s. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (Math.abs(ms) < 1000) return `${ms}ms`;
  let s = ms / 1000;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const sec = Number.isInteger(s) ? String(s) : s.toFixed(3).replace(/0+$/, '');
  if (h) return `${h}h${m}m${sec}s`;
  if (m) return `${m}m${sec}s`;
  return `${sec}s`;
}

/** Parses a Go duration string ("30s", "1m30s", "1h", "500ms"); undefined if malformed. */
export function parseGoDuration(s: string): number | undefined {
  if (s === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  let m: RegExpExecArray | null;
  const unit: Record<string, number> = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
  };
  while ((m = re.exec(s)) !== null) {
    total += Number(m[1]) * (unit[m[2] ?? 's'] ?? 1);
    matched = re.lastIndex;
  }
  return matched === s.length && s.length > 0 ? total : undefined;
}
