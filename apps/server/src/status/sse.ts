/**
 * One Server-Sent Events connection. Writes never queue without bound: when the socket's
 * buffer passes `maxBufferedBytes` the client is too slow and is dropped (it reconnects with
 * Last-Event-ID and gets what it missed, or a reset). A comment line keeps idle connections
 * alive through routers that close them after 30 s.
 *
 * Fan-out cost (1,000 clients, bench/watch-fanout.mjs): a message is framed and UTF-8 encoded
 * ONCE ({@link sseFrame}) and the same Buffer is written to every connection. The body is
 * close-delimited (no chunked transfer-encoding: an SSE body only ends when the connection
 * does), so after the head each message goes straight to the socket: one write, without the
 * chunk framing and the cork/uncork round per write of the HTTP layer.
 */
import type { ServerResponse } from 'node:http';

/** Where message bytes go: the response's socket once the head is out (a bare response in unit tests). */
interface ByteSink {
  readonly writableLength: number;
  write(chunk: Buffer): boolean;
  destroy(): void;
}

const RETRY = Buffer.from('retry: 2000\n\n');
const PING = Buffer.from(': ping\n\n');

/** One SSE message as bytes on the wire (`data` is single-line JSON). */
export function sseFrame(id: string, event: string, data: string): Buffer {
  return Buffer.from(`id: ${id}\nevent: ${event}\ndata: ${data}\n\n`, 'utf8');
}

export interface SseOptions {
  heartbeatMs: number;
  maxBufferedBytes: number;
  onDrop: () => void;
}

export class SseConnection {
  private closed = false;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly out: ByteSink;

  constructor(
    private readonly res: ServerResponse,
    private readonly opts: SseOptions,
  ) {
    // No Content-Length and no chunking: the body runs until the connection closes.
    res.useChunkedEncodingByDefault = false;
    res.shouldKeepAlive = false;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    res.write(RETRY); // sends the head; the body is raw bytes from here on
    this.out = res.socket ?? res;
    this.heartbeat = setInterval(() => this.write(PING), opts.heartbeatMs);
    res.once('close', () => this.close());
  }

  get isClosed(): boolean {
    return this.closed;
  }

  send(id: string, event: string, data: string): void {
    this.write(sseFrame(id, event, data));
  }

  /** A message framed once by {@link sseFrame}, shared by every connection. */
  sendFrame(frame: Buffer): void {
    this.write(frame);
  }

  /**
   * Ends the stream. `retryMs` first tells the browser when to reconnect: at shutdown every tab
   * would otherwise come back after the same 2 s, all at once, to the next replica.
   */
  close(retryMs?: number): void {
    if (this.closed) return;
    if (retryMs !== undefined) this.write(Buffer.from(`retry: ${Math.round(retryMs)}\n\n`));
    this.closed = true;
    clearInterval(this.heartbeat);
    if (!this.res.writableEnded) this.res.end();
  }

  private write(chunk: Buffer): void {
    if (this.closed) return;
    if (this.out.writableLength > this.opts.maxBufferedBytes) {
      this.closed = true;
      clearInterval(this.heartbeat);
      this.opts.onDrop();
      this.out.destroy();
      this.res.destroy();
      return;
    }
    this.out.write(chunk);
  }
}
