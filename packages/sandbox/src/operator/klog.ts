import type { Clock } from '../core/types.js';

/** Operator log verbosity: Normal 2, Debug 4, Trace 6, TraceAll 8 (klog -v). */
export const LOG_LEVEL_V: Record<string, number> = { '': 2, Normal: 2, Debug: 4, Trace: 6, TraceAll: 8 };

export interface Klog {
  info(file: string, msg: string, v?: number): void;
  warning(file: string, msg: string): void;
  error(file: string, msg: string): void;
  setVerbosity(v: number): void;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * klog's text header: `I0612 09:13:40.101122       1 main.go:39] message` — severity, month+day,
 * time with microseconds, the thread id right-aligned in 7 columns (pid 1 in a container), file:line.
 */
let lastMicros = 0;

/** Microseconds since the epoch, strictly increasing across lines (JS clocks have ms only). */
function micros(d: Date): number {
  const m = Math.max(d.getTime() * 1000 + Math.floor(Math.random() * 200), lastMicros + 1);
  lastMicros = m;
  return m;
}

export function klogLine(severity: 'I' | 'W' | 'E' | 'F', d: Date, fileLine: string, msg: string): string {
  const us = micros(d);
  d = new Date(Math.floor(us / 1000));
  const micros6 = pad(us % 1_000_000, 6);
  const head = `${severity}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${micros6}`;
  return `${head}       1 ${fileLine}] ${msg}`;
}

/** Source locations of the real operator's log calls (op: snapshot), so lines look authentic. */
const LINES: Record<string, number> = {
  'main.go': 39,
  'controller.go': 361,
  'generator.go': 64,
  's3.go': 680,
  'leaderelection.go': 257,
  'starter.go': 93,
  'clusteroperator.go': 143,
  'nodecadaemon.go': 221,
  'imageconfig.go': 113,
  'controllerimagepruner.go': 400,
  'caconfig.go': 197,
  'azurestackcloud.go': 91,
  'metrics.go': 41,
};

export function createKlog(clock: Clock, write: (line: string) => void, verbosity = 2): Klog {
  let v = verbosity;
  const at = (file: string): string => (file.includes(':') ? file : `${file}:${LINES[file] ?? 100}`);
  return {
    info: (file, msg, level = 0) => {
      if (level <= v) write(klogLine('I', clock.now(), at(file), msg));
    },
    warning: (file, msg) => write(klogLine('W', clock.now(), at(file), msg)),
    error: (file, msg) => write(klogLine('E', clock.now(), at(file), msg)),
    setVerbosity: (n) => {
      v = n;
    },
  };
}
