/**
 * Vertical layout of a virtual list whose rows are log lines: without wrapping every line is one
 * row; with wrapping a line takes ceil(length / columns) rows (monospace font). Offsets are a
 * prefix sum, so finding the first visible line is a binary search: O(log n) per scroll event
 * whatever the number of lines.
 */
export class VirtualLayout {
  private offsets = new Float64Array(1);
  private count = 0;
  private longest = 0;

  constructor(
    private rowHeight: number,
    private columns: number | null,
    /** Displayed length of a line (e.g. without its hidden timestamp). */
    private lengthOf: (line: string) => number = (line) => line.length,
  ) {}

  get length(): number {
    return this.count;
  }

  /** Reconfigure (row height measured, width changed, wrap toggled): everything is re-laid out. */
  configure(
    rowHeight: number,
    columns: number | null,
    lines: readonly string[],
    lengthOf?: (line: string) => number,
  ): void {
    this.rowHeight = rowHeight;
    this.columns = columns && columns > 0 ? columns : null;
    if (lengthOf) this.lengthOf = lengthOf;
    this.count = 0;
    this.longest = 0;
    this.sync(lines);
  }

  /** Lays out lines appended since the last call; `dropped` lines removed at the front force a full pass. */
  sync(lines: readonly string[], fullRelayout = false): void {
    const length = lines.length;
    if (fullRelayout || length < this.count) {
      this.count = 0;
      this.longest = 0;
    }
    if (this.offsets.length < length + 1) {
      const grown = new Float64Array(Math.max(length + 1, this.offsets.length * 2));
      grown.set(this.offsets.subarray(0, this.count + 1));
      this.offsets = grown;
    }
    for (let i = this.count; i < length; i++) {
      const chars = this.lengthOf(lines[i]!);
      if (chars > this.longest) this.longest = chars;
      this.offsets[i + 1] = this.offsets[i]! + this.rowsOf(chars) * this.rowHeight;
    }
    this.count = length;
  }

  /** Displayed length of the longest line laid out (characters): the width unwrapped lines need. */
  get longestLine(): number {
    return this.longest;
  }

  private rowsOf(chars: number): number {
    return this.columns ? Math.max(1, Math.ceil(chars / this.columns)) : 1;
  }

  heightOf(line: string): number {
    return this.rowHeight * this.rowsOf(this.lengthOf(line));
  }

  get totalHeight(): number {
    return this.offsets[this.count] ?? 0;
  }

  offsetOf(index: number): number {
    return this.offsets[Math.min(Math.max(index, 0), this.count)] ?? 0;
  }

  /** Index of the line at pixel `y` (clamped). */
  indexAt(y: number): number {
    let lo = 0;
    let hi = this.count - 1;
    if (hi < 0) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid]! <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Lines to render for a viewport, with `overscan` extra on each side. */
  visibleRange(scrollTop: number, viewportHeight: number, overscan = 20): [number, number] {
    if (this.count === 0) return [0, 0];
    const first = Math.max(0, this.indexAt(scrollTop) - overscan);
    const last = Math.min(this.count, this.indexAt(scrollTop + viewportHeight) + 1 + overscan);
    return [first, last];
  }
}
