/**
 * Lines of a streamed log, in memory. Chunks split anywhere (mid-line, mid-character is handled
 * by the decoder upstream); the last incomplete line is held back until its newline arrives or
 * the stream ends. Keeps at most `maxLines`: the oldest are dropped and counted.
 */
export class LogBuffer {
  private lines: string[] = [];
  private partial = '';
  /** Lines dropped from the front to respect the cap. */
  dropped = 0;
  /** Every complete line ever received (including dropped ones). */
  received = 0;
  /** Bumped on every change, for cheap React change detection. */
  version = 0;

  constructor(readonly maxLines: number) {}

  get length(): number {
    return this.lines.length;
  }

  line(index: number): string {
    return this.lines[index] ?? '';
  }

  all(): readonly string[] {
    return this.lines;
  }

  append(chunk: string): number {
    if (!chunk) return 0;
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    for (const part of parts) this.lines.push(part.endsWith('\r') ? part.slice(0, -1) : part);
    this.received += parts.length;
    this.trim();
    if (parts.length) this.version++;
    return parts.length;
  }

  /** The stream ended: a last line without newline is still a line. */
  flush(): void {
    if (this.partial === '') return;
    this.lines.push(this.partial);
    this.partial = '';
    this.received++;
    this.trim();
    this.version++;
  }

  clear(): void {
    this.lines = [];
    this.partial = '';
    this.dropped = 0;
    this.received = 0;
    this.version++;
  }

  private trim(): void {
    // Splicing a huge array costs O(n): let it overshoot by 10% and drop in one batch.
    const slack = this.maxLines < 100 ? 0 : Math.floor(this.maxLines / 10);
    if (this.lines.length <= this.maxLines + slack) return;
    const excess = this.lines.length - this.maxLines;
    this.lines.splice(0, excess);
    this.dropped += excess;
  }
}

/** `2025-06-12T09:20:05.468152255Z rest` → [timestamp, rest] (kubelet's `timestamps=true` format). */
export function splitTimestamp(line: string): [string, string] {
  const space = line.indexOf(' ');
  if (space > 0 && space <= 40 && /^\d{4}-\d\d-\d\dT/.test(line)) return [line.slice(0, space), line.slice(space + 1)];
  return ['', line];
}
