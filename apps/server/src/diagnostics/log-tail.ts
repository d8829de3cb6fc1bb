/**
 * The last N lines of a container log, read through the log API (bounded in bytes), with the
 * kubelet's timestamps (`timestamps=true`): they tell an error that is still happening from
 * one the operator has since recovered from.
 */
import type { KubeClient } from '../kube/client.js';
import type { KubeError } from '../kube/errors.js';
import { logReadError } from '../kube/node-unreachable.js';
import { NS } from '../kube/resources.js';

const MAX_BYTES = 512 * 1024;

export interface LogLine {
  text: string;
  /** Epoch ms from the kubelet's RFC 3339 prefix; absent when the server sent none. */
  at?: number;
}

export interface LogTailOptions {
  /** The previous (terminated) instance of the container: why a crash-looping container died. */
  previous?: boolean;
  namespace?: string;
}

export async function tailLog(
  client: KubeClient,
  pod: string,
  container: string,
  tailLines: number,
  options: LogTailOptions = {},
): Promise<LogLine[]> {
  const res = await client.stream(
    `/api/v1/namespaces/${encodeURIComponent(options.namespace ?? NS)}/pods/${encodeURIComponent(pod)}/log`,
    {
      container,
      tailLines,
      limitBytes: MAX_BYTES,
      timestamps: true,
      previous: options.previous ? true : undefined,
    },
    client.signal({ timeoutMs: 10_000 }),
    { pool: 'logs', headersWithinMs: 10_000 },
  );
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map(parseLogLine);
}

/**
 * A log that was read, or why it could not be: a log that cannot be read must never look like
 * a clean one (an unreachable node, a 403, a timeout are each said as such).
 */
export type PodLog =
  | { pod: string; container: string; ok: true; lines: LogLine[] }
  | { pod: string; container: string; ok: false; error: KubeError };

export async function readLog(
  client: KubeClient,
  pod: string,
  container: string,
  tailLines: number,
  options: LogTailOptions = {},
): Promise<PodLog> {
  try {
    return { pod, container, ok: true, lines: await tailLog(client, pod, container, tailLines, options) };
  } catch (err) {
    return { pod, container, ok: false, error: logReadError(err) };
  }
}

/** `2026-06-12T09:25:10.004512345Z E0612 …` → { at, text }; a line without the prefix stays whole. */
export function parseLogLine(line: string): LogLine {
  const space = line.indexOf(' ');
  const at = space > 0 && /^\d{4}-\d\d-\d\dT/.test(line) ? Date.parse(line.slice(0, space)) : NaN;
  return Number.isNaN(at) ? { text: line } : { text: line.slice(space + 1), at };
}

/**
 * Operator: `E… controller.go:…] unable to sync: …, requeuing` (domain.md §8) — except a write
 * that lost an optimistic-concurrency race ("the object has been modified; please apply your
 * changes to the latest version"): the operator writes its status against the version it read,
 * logs that line whenever someone wrote first, and succeeds on the next sync. On a busy cluster
 * it is routine, never a cause.
 */
export function syncErrors(lines: LogLine[]): LogLine[] {
  return lines.filter((l) => l.text.includes('unable to sync') && !isConflictRetry(l.text));
}

/** `E… controller.go:400] unable to sync: <err>, requeuing` → `<err>` (the whole line if it is not one). */
export function syncErrorText(text: string): string {
  return /unable to sync: (.*?)(?:, requeuing)?$/.exec(text)?.[1] ?? text;
}

function isConflictRetry(text: string): boolean {
  return text.includes('the object has been modified; please apply your changes to the latest version');
}

/** Registry (logrus): level=error / fatal / panic. */
export function registryErrors(lines: LogLine[]): LogLine[] {
  return lines.filter((l) => /\blevel=(error|fatal|panic)\b/.test(l.text));
}
