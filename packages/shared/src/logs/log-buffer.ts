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

  /**
   * @param accept decides, line by line, whether a complete line is shown (a resumed stream's
   *   replayed lines are not: see ResumePoint).
   */
  constructor(
    readonly maxLines: number,
    private readonly accept: (line: string) => boolean = () => true,
  ) {}

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
    let added = 0;
    for (const part of parts) {
      const line = part.endsWith('\r') ? part.slice(0, -1) : part;
      if (!this.accept(line)) continue;
      this.lines.push(line);
      added++;
    }
    this.received += added;
    this.trim();
    if (added) this.version++;
    return added;
  }

  /** The stream ended: a last line without newline is still a line. */
  flush(): void {
    const last = this.partial;
    this.partial = '';
    if (last === '' || !this.accept(last)) return;
    this.lines.push(last);
    this.received++;
    this.trim();
    this.version++;
  }

  /** The stream broke mid-line: that line comes again, whole, when the stream resumes. */
  discardPartial(): void {
    this.partial = '';
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
  const start = textStart(line);
  return start ? [line.slice(0, start - 1), line.slice(start)] : ['', line];
}

/** Where the text of a line starts: after its kubelet timestamp and space, else 0. */
export function textStart(line: string): number {
  // `dddd-dd-ddT` by char codes: this runs for every line received, a regex per line showed.
  if (line.charCodeAt(4) !== 45 || line.charCodeAt(7) !== 45 || line.charCodeAt(10) !== 84) return 0;
  if (
    !isDigit(line.charCodeAt(0)) ||
    !isDigit(line.charCodeAt(3)) ||
    !isDigit(line.charCodeAt(5)) ||
    !isDigit(line.charCodeAt(9))
  )
    return 0;
  const space = line.indexOf(' ', 11);
  return space > 0 && space <= 40 ? space + 1 : 0;
}

const isDigit = (code: number) => code >= 48 && code <= 57;
