/**
 * Resuming a followed log after the stream broke, without repeating or losing a line.
 *
 * The log is requested with `timestamps=true`, so every line starts with the kubelet's
 * RFC 3339 timestamp. After a break the stream is reopened with `sinceTime` = the last shown
 * timestamp: the API replays every line at or after it (a real API server even truncates
 * `sinceTime` to the second on its way to the kubelet, so up to a second is replayed). Lines
 * older than that timestamp were all shown and are dropped; lines AT that timestamp were shown
 * up to the ones remembered here, which are dropped in order while they match (timestamp +
 * content — several lines share a millisecond at 2,000 lines/s); the first line that differs
 * or is newer ends the replay.
 */
import { textStart } from './log-buffer.js';

/** `…T09:20:05.46815Z` and `…T09:20:05.468150000Z` compare equal: fractions padded to ns. */
export function normalizeStamp(stamp: string): string {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(stamp);
  return m ? `${m[1]}.${(m[2] ?? '').padEnd(9, '0')}Z` : stamp;
}

export class ResumePoint {
  /** Timestamp of the last accepted line, as received ('' before any). */
  private lastRaw = '';
  /** Raw text of the accepted lines carrying `lastRaw`, in order. */
  private atLast: string[] = [];
  /** While replaying after a resume: `lastRaw` normalized, and the lines at it still expected. */
  private replay: { last: string; expected: string[] } | null = null;

  /** `sinceTime` for the next request, or undefined when nothing was shown yet. */
  sinceTime(): string | undefined {
    return this.lastRaw || undefined;
  }

  /** The stream broke: the next lines are a replay from `sinceTime()`. */
  beginReplay(): void {
    this.replay = this.lastRaw ? { last: normalizeStamp(this.lastRaw), expected: [...this.atLast] } : null;
  }

  /** Forget everything (a new log is shown). */
  reset(): void {
    this.lastRaw = '';
    this.atLast = [];
    this.replay = null;
  }

  /** True when `line` is new and must be shown; records it as the last shown line. */
  accept(line: string): boolean {
    // Hot path (every line of a flood): same timestamp as the previous line, no copy made.
    if (
      !this.replay &&
      this.lastRaw &&
      line.startsWith(this.lastRaw) &&
      line.charCodeAt(this.lastRaw.length) === 32
    ) {
      this.atLast.push(line);
      return true;
    }
    const start = textStart(line);
    if (!start) return true; // no timestamp: nothing to compare, nothing to resume from
    const raw = line.slice(0, start - 1);
    if (this.replay) {
      const stamp = normalizeStamp(raw);
      const { last, expected } = this.replay;
      if (stamp < last) return false;
      if (stamp === last && expected.length > 0 && expected[0] === line) {
        expected.shift();
        return false;
      }
      this.replay = null; // newer, or a line at the last timestamp not seen before: the replay is over
      if (stamp === last) {
        this.atLast.push(line);
        return true;
      }
    }
    this.lastRaw = raw;
    this.atLast.length = 0; // reused: a fresh array per timestamp showed in a flood's profile
    this.atLast.push(line);
    return true;
  }
}
