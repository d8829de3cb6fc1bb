import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SseConnection } from '../../src/stream/sse.js';

/** A response whose socket never drains: writableLength only grows. */
class StuckResponse extends EventEmitter {
  writableLength = 0;
  written: string[] = [];
  writableEnded = false;
  destroyed = false;
  head?: Record<string, string>;
  writeHead(_code: number, headers: Record<string, string>) {
    this.head = headers;
  }
  write(chunk: string | Buffer) {
    this.writableLength += chunk.length;
    this.written.push(chunk.toString());
    return false;
  }
  /** The client read everything: the socket drains. */
  drain() {
    this.writableLength = 0;
    this.emit('drain');
  }
  end() {
    this.writableEnded = true;
  }
  destroy() {
    this.destroyed = true;
  }
}

/** A connection on a response that never drains by itself; `drops` counts slow-client drops. */
function connect(maxBufferedBytes: number) {
  const res = new StuckResponse();
  const counter = { drops: 0 };
  const conn = new SseConnection(res as unknown as ServerResponse, {
    heartbeatMs: 60_000,
    maxBufferedBytes,
    onDrop: () => counter.drops++,
  });
  return { res, conn, counter };
}

describe('SseConnection backpressure', () => {
  it('drops a client whose buffer passes the limit instead of buffering without bound', () => {
    const { res, conn, counter } = connect(1000);
    expect(res.head?.['content-type']).toContain('text/event-stream');
    for (let i = 0; i < 100; i++) conn.send(String(i), 'change', 'x'.repeat(100));
    expect(counter.drops).toBe(1);
    expect(res.destroyed).toBe(true);
    expect(conn.isClosed).toBe(true);
    expect(res.writableLength).toBeLessThan(1000 + 200);
  });

  it('never counts the initial snapshot: megabytes of it, then live messages under the limit, and the client stays', () => {
    const { res, conn, counter } = connect(1000);
    const snapshot = Buffer.from(`event: snapshot\ndata: "${'x'.repeat(2_000_000)}"\n\n`);
    for (let i = 0; i < 3; i++) conn.sendInitial(snapshot);
    for (let i = 0; i < 9; i++) conn.send(String(i), 'change', 'x'.repeat(50));
    expect(counter.drops).toBe(0);
    expect(conn.isClosed).toBe(false);
    expect(conn.lagBytes).toBeLessThan(1000);
    // A client that does not read what comes AFTER the snapshot is still dropped.
    for (let i = 0; i < 20; i++) conn.send(String(i), 'change', 'x'.repeat(50));
    expect(counter.drops).toBe(1);
    expect(res.destroyed).toBe(true);
  });

  it('waits for drain and then writes what was queued, in order', () => {
    const { res, conn } = connect(1 << 20);
    conn.sendInitial(Buffer.from('event: snapshot\ndata: {}\n\n'));
    for (let i = 1; i <= 3; i++) conn.send(String(i), 'change', `{"n":${i}}`);
    const before = res.written.length;
    expect(before).toBe(2); // retry hint + the snapshot; the socket said "no more" after it
    res.drain();
    expect(res.written.slice(before)).toEqual([`id: 1\nevent: change\ndata: {"n":1}\n\n`]);
    res.drain();
    res.drain();
    expect(res.written.slice(before).map((w) => /"n":(\d)/.exec(w)?.[1])).toEqual(['1', '2', '3']);
    expect(conn.lagBytes).toBe(0);
  });
});
