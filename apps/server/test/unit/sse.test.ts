import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SseConnection } from '../../src/status/sse.js';

/** A response whose socket never drains: writableLength only grows. */
class StuckResponse extends EventEmitter {
  writableLength = 0;
  writableEnded = false;
  destroyed = false;
  head?: Record<string, string>;
  writeHead(_code: number, headers: Record<string, string>) {
    this.head = headers;
  }
  write(chunk: string) {
    this.writableLength += chunk.length;
    return false;
  }
  end() {
    this.writableEnded = true;
  }
  destroy() {
    this.destroyed = true;
  }
}

describe('SseConnection backpressure', () => {
  it('drops a client whose buffer passes the limit instead of buffering without bound', () => {
    const res = new StuckResponse();
    let dropped = 0;
    const conn = new SseConnection(res as unknown as ServerResponse, {
      heartbeatMs: 60_000,
      maxBufferedBytes: 1000,
      onDrop: () => dropped++,
    });
    expect(res.head?.['content-type']).toContain('text/event-stream');
    for (let i = 0; i < 100; i++) conn.send(String(i), 'change', 'x'.repeat(100));
    expect(dropped).toBe(1);
    expect(res.destroyed).toBe(true);
    expect(conn.isClosed).toBe(true);
    expect(res.writableLength).toBeLessThan(1000 + 200);
  });
});
