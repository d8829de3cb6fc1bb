import { randomUUID } from 'node:crypto';

/** RFC3339Nano as Go prints it (nanoseconds; JS has milliseconds, the rest is filled in). */
export function rfc3339Nano(d: Date): string {
  const ns =
    String(d.getUTCMilliseconds()).padStart(3, '0') +
    String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
  return d.toISOString().replace(/\.\d+Z$/, `.${ns}Z`);
}

function quote(v: string): string {
  return /^[A-Za-z0-9_./:+\-@]+$/.test(v) && v !== '' ? v : JSON.stringify(v);
}

/**
 * One logrus text line as the registry writes it:
 * `time="…" level=info msg="…" key=value …` (values quoted when they need it).
 */
export function logrusLine(
  d: Date,
  level: 'debug' | 'info' | 'warning' | 'error' | 'fatal' | 'panic',
  msg: string,
  fields: Record<string, string | number> = {},
): string {
  const parts = [`time="${rfc3339Nano(d)}"`, `level=${level}`, `msg=${quote(msg)}`];
  for (const [k, v] of Object.entries(fields)) parts.push(`${k}=${typeof v === 'number' ? v : quote(v)}`);
  return parts.join(' ');
}

export function requestId(): string {
  return randomUUID();
}

/** Registry log levels in order; a line prints when its level is at or above the configured one. */
const ORDER = ['debug', 'info', 'warning', 'error', 'fatal', 'panic'];
export function enabled(configured: string, level: string): boolean {
  const c = ORDER.indexOf(configured === 'warn' ? 'warning' : configured);
  return ORDER.indexOf(level) >= (c < 0 ? 1 : c);
}
