import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ChunkCoalescer } from '../../src/pods/coalesce-chunks.js';

const lines = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => Buffer.from(`line ${from + i}\n`));

describe('ChunkCoalescer (log relay)', () => {
  it('joins the chunks of one tick into one buffer and keeps every byte in order', async () => {
    const c = new ChunkCoalescer();
    const out: Buffer[] = [];
    c.on('data', (b: Buffer) => out.push(b));
    for (const b of lines(0, 80)) c.write(b);
    await tick();
    for (const b of lines(80, 20)) c.write(b);
    c.end();
    await new Promise((r) => c.once('end', r));
    expect(out).toHaveLength(2);
    expect(Buffer.concat(out).toString()).toBe(lines(0, 100).map(String).join(''));
  });

  it('flushes early once a tick holds maxBytes, so a burst is not held whole', async () => {
    const c = new ChunkCoalescer(100);
    const out: Buffer[] = [];
    c.on('data', (b: Buffer) => out.push(b));
    for (const b of lines(0, 50)) c.write(b); // ~400 bytes in one tick
    await tick();
    expect(out.length).toBeGreaterThanOrEqual(4);
    expect(out.slice(0, -1).every((b) => b.length >= 100)).toBe(true);
    expect(Buffer.concat(out).toString()).toBe(lines(0, 50).map(String).join(''));
  });

  it('keeps backpressure: with nobody reading, writes soon report a full buffer', async () => {
    const c = new ChunkCoalescer(1024);
    let accepted = 0;
    let full = false;
    for (let i = 0; i < 10_000 && !full; i++) {
      full = !c.write(Buffer.alloc(512, 97));
      accepted += 512;
      if (i % 10 === 0) await tick();
    }
    expect(full).toBe(true);
    // Readable high-water mark (16 KB) + writable high-water mark + one flush: not megabytes.
    expect(accepted).toBeLessThan(256 * 1024);
    c.destroy();
  });
});
