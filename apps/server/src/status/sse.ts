/**
 * One Server-Sent Events connection. Writes never queue without bound: when the socket's
 * buffer passes `maxBufferedBytes` the client is too slow and is dropped (it reconnects with
 * Last-Event-ID and gets what it missed, or a reset). A comment line keeps idle connections
 * alive through routers that close them after 30 s.
 */
import type { ServerResponse } from 'node:http';

export interface SseOptions {
  heartbeatMs: number;
  maxBufferedBytes: number;
  onDrop: () => void;
}

export class SseConnection {
  private closed = false;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly res: ServerResponse,
    private readonly opts: SseOptions,
  ) {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    res.write('retry: 2000\n\n');
    this.heartbeat = setInterval(() => this.write(': ping\n\n'), opts.heartbeatMs);
    res.once('close', () => this.close());
  }

  get isClosed(): boolean {
    return this.closed;
  }

  send(id: string, event: string, data: string): void {
    this.write(`id: ${id}\nevent: ${event}\ndata: ${data}\n\n`);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    if (!this.res.writableEnded) this.res.end();
  }

  private write(chunk: string): void {
    if (this.closed) return;
    if (this.res.writableLength > this.opts.maxBufferedBytes) {
      this.closed = true;
      clearInterval(this.heartbeat);
      this.opts.onDrop();
      this.res.destroy();
      return;
    }
    this.res.write(chunk);
  }
}
