import { describe, expect, it } from 'vitest';
import { LogBuffer } from '@irc/shared';
import { findMatches, highlightParts } from './logSearch.js';
import { VirtualLayout } from './virtualLayout.js';

describe('log search', () => {
  it('finds every case-insensitive occurrence in order, with a cap', () => {
    const lines = ['Error: a', 'ok', 'error error'];
    expect(findMatches(lines, 'ERROR')).toEqual([
      { line: 0, start: 0, end: 5 },
      { line: 2, start: 0, end: 5 },
      { line: 2, start: 6, end: 11 },
    ]);
    expect(findMatches(lines, 'error', 2)).toHaveLength(2);
    expect(findMatches(lines, '')).toEqual([]);
  });

  it('finds the one match among 300k lines', () => {
    const lines = Array.from(
      { length: 300_000 },
      (_, i) => `time="2025-06-12T09:20:05Z" level=info msg=response http.request.id=${i}`,
    );
    const start = lines[299_999]!.indexOf('request.id=299999');
    expect(findMatches(lines, 'request.id=299999')).toEqual([{ line: 299_999, start, end: start + 17 }]);
  });

  it('splits a line into highlighted parts', () => {
    expect(highlightParts('a Foo b foo', 'foo')).toEqual([
      { text: 'a ', match: false },
      { text: 'Foo', match: true },
      { text: ' b ', match: false },
      { text: 'foo', match: true },
    ]);
  });
});

describe('VirtualLayout', () => {
  it('renders only the lines in view, whatever the total', () => {
    const lines = Array.from({ length: 500_000 }, (_, i) => `line ${i}`);
    const layout = new VirtualLayout(20, null);
    layout.sync(lines);
    expect(layout.totalHeight).toBe(10_000_000);
    const [first, last] = layout.visibleRange(20 * 250_000, 400, 10);
    expect(first).toBe(249_990);
    expect(last - first).toBeLessThanOrEqual(45);
  });

  it('gives wrapped lines as many rows as their length needs', () => {
    const layout = new VirtualLayout(20, 10);
    layout.sync(['short', 'x'.repeat(25), 'y']);
    expect(layout.offsetOf(1)).toBe(20);
    expect(layout.offsetOf(2)).toBe(80);
    expect(layout.totalHeight).toBe(100);
    expect(layout.indexAt(79)).toBe(1);
    expect(layout.indexAt(80)).toBe(2);
  });

  it('knows its longest line (the width unwrapped lines need), appended or relaid out', () => {
    const layout = new VirtualLayout(10, null);
    const lines = ['ab', 'abcdef'];
    layout.sync(lines);
    expect(layout.longestLine).toBe(6);
    lines.push('abcdefghij');
    layout.sync(lines);
    expect(layout.longestLine).toBe(10);
    layout.configure(10, null, ['x']);
    expect(layout.longestLine).toBe(1);
  });

  it('lays out appended lines incrementally and relayouts after lines are dropped', () => {
    const layout = new VirtualLayout(10, null);
    const lines = ['a', 'b'];
    layout.sync(lines);
    lines.push('c');
    layout.sync(lines);
    expect(layout.totalHeight).toBe(30);
    layout.sync(['c'], true);
    expect(layout.totalHeight).toBe(10);
  });
});

describe('incremental search', () => {
  it('searches only appended lines while streaming, and everything again for a new query or after drops', async () => {
    const { incrementalMatches, EMPTY_SCAN } = await import('./useMatches.js');
    const buffer = new LogBuffer(1000);
    buffer.append('a error\nb\n');
    let scan = incrementalMatches(EMPTY_SCAN, buffer, 'error', 100);
    expect(scan.matches.map((m) => m.line)).toEqual([0]);
    buffer.append('c error\n');
    const next = incrementalMatches(scan, buffer, 'error', 100);
    expect(next.matches.map((m) => m.line)).toEqual([0, 2]);
    expect(next.matches[0]).toBe(scan.matches[0]);
    scan = incrementalMatches(next, buffer, 'b', 100);
    expect(scan.matches.map((m) => m.line)).toEqual([1]);
    // Timestamps are not searched: the view shows them apart.
    buffer.append('2026-11-25T10:00:00.000000000Z b again\n');
    expect(incrementalMatches(scan, buffer, '2026', 100).matches).toEqual([]);
  });

  it('shifts the matches when old lines are dropped instead of searching everything again', async () => {
    const { incrementalMatches, EMPTY_SCAN } = await import('./useMatches.js');
    const buffer = new LogBuffer(100);
    for (let i = 0; i < 100; i++) buffer.append(i % 10 === 0 ? `hit ${i}\n` : `line ${i}\n`);
    const scan = incrementalMatches(EMPTY_SCAN, buffer, 'HIT', 1000);
    expect(scan.matches).toHaveLength(10);
    for (let i = 100; i < 111; i++) buffer.append(i % 10 === 0 ? `hit ${i}\n` : `line ${i}\n`); // 111 > 100 + 10% slack: 11 dropped
    expect(buffer.dropped).toBe(11);
    const next = incrementalMatches(scan, buffer, 'HIT', 1000);
    expect(next.matches.map((m) => buffer.line(m.line))).toEqual(
      [20, 30, 40, 50, 60, 70, 80, 90, 100, 110].map((n) => `hit ${n}`),
    );
  });

  it('searches a huge buffer in slices: each call stops at its budget and the next one goes on, in order', async () => {
    const { incrementalMatches, scanPending, EMPTY_SCAN } = await import('./useMatches.js');
    const buffer = new LogBuffer(400_000);
    buffer.append(
      Array.from({ length: 300_000 }, (_, i) => `2026-11-25T10:00:00.000000000Z msg="x" seq=${i}\n`).join(''),
    );
    let scan = incrementalMatches(EMPTY_SCAN, buffer, 'SEQ=2999', 1000, 0);
    let calls = 1;
    expect(scan.scanned).toBeLessThan(300_000);
    while (scanPending(scan, buffer, 1000)) {
      scan = incrementalMatches(scan, buffer, 'SEQ=2999', 1000, 0);
      calls++;
    }
    expect(calls).toBeGreaterThan(10);
    expect(scan.matches.map((m) => m.line)).toEqual(
      findMatches(buffer.all(), 'seq=2999', 1000, () => 0).map((m) => m.line),
    );
    expect(scan.matches[0]).toEqual({ line: 2999, start: 8, end: 16 });
  });
});
