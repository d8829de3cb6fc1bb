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
import { splitTimestamp } from './logBuffer.js';

/** `…T09:20:05.46815Z` and `…T09:20:05.468150000Z` compare equal: fractions padded to ns. */
export function normalizeStamp(stamp: string): string {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(stamp);
  return m ? `${m[1]}.${(m[2] ?? '').padEnd(9, '0')}Z` : stamp;
}

export class ResumePoint {
  /** Normalized timestamp of the last accepted line ('' before any). */
  private last = '';
  /** Raw text of the accepted lines carrying `last`, in order. */
  private atLast: string[] = [];
  private lastRaw = '';
  /** While replaying after a resume: lines at `last` still expected, in order. */
  private expected: string[] | null = null;

  /** `sinceTime` for the next request, or undefined when nothing was shown yet. */
  sinceTime(): string | undefined {
    return this.lastRaw || undefined;
  }

  /** The stream broke: the next lines are a replay from `sinceTime()`. */
  beginReplay(): void {
    this.expected = this.last ? [...this.atLast] : null;
  }

  /** Forget everything (a new log is shown). */
  reset(): void {
    this.last = '';
    this.lastRaw = '';
    this.atLast = [];
    this.expected = null;
  }

  /** True when `line` is new and must be shown; records it as the last shown line. */
  accept(line: string): boolean {
    const [raw] = splitTimestamp(line);
    if (!raw) return true; // no timestamp: nothing to compare, nothing to resume from
    const stamp = normalizeStamp(raw);
    if (this.expected) {
      if (stamp < this.last) return false;
      if (stamp === this.last && this.expected.length > 0 && this.expected[0] === line) {
        this.expected.shift();
        return false;
      }
      this.expected = null; // newer, or a line at `last` not seen before: the replay is over
    }
    if (stamp === this.last) this.atLast.push(line);
    else {
      this.last = stamp;
      this.lastRaw = raw;
      this.atLast = [line];
    }
    return true;
  }
}
