/**
 * One Server-Sent Events connection, written with backpressure: a frame goes to the socket while
 * the socket accepts more (`write()` returned true); after that, frames wait in this
 * connection's queue until the socket drains. The queue holds references to the hub's frames
 * (one Buffer shared by every client), so a thousand lagging clients do not hold a thousand
 * copies.
 *
 * The slow-client rule counts only what is queued AFTER the client's start: the initial
 * snapshot (or the Last-Event-ID replay) is what the client asked for, is bounded by what the
 * hub sends per kind (hub/bounds.ts), and however large it is it never trips the rule. A client that
 * does not read what comes after — more than `maxBufferedBytes` of live messages waiting — is
 * dropped (it reconnects with Last-Event-ID and gets what it missed, or a reset). A comment line
 * keeps idle connections alive through routers that close them after 30 s; it is not queued
 * behind a backed-up socket (that one is not idle).
 *
 * Fan-out cost (1,000 clients, bench/watch-fanout.mjs): a message is framed and UTF-8 encoded
 * ONCE (hub/feed.ts `sseFrame`) and the same Buffer is written to every connection. The body is
 * close-delimited (no chunked transfer-encoding: an SSE body only ends when the connection
 * does), so after the head each message goes straight to the socket: one write, without the
 * chunk framing and the cork/uncork round per write of the HTTP layer.
 */
import type { ServerResponse } from 'node:http';
import { sseFrame } from '../hub/feed.js';

/** Where message bytes go: the response's socket once the head is out (a bare response in unit tests). */
interface ByteSink {
  write(chunk: Buffer): boolean;
  once(event: 'drain', listener: () => void): unknown;
  destroy(): void;
}

const RETRY = Buffer.from('retry: 2000\n\n');
const PING = Buffer.from(': ping\n\n');

export interface SseOptions {
  heartbeatMs: number;
  maxBufferedBytes: number;
  onDrop: () => void;
}

export class SseConnection {
  private closed = false;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly out: ByteSink;
  /** Frames waiting for the socket to drain; `counted` ones are live messages (the slow-client rule). */
  private readonly queue: { chunk: Buffer; counted: boolean }[] = [];
  private queuedBytes = 0;
  private waiting = false;

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
    this.heartbeat = setInterval(() => {
      if (!this.waiting) this.write(PING, false);
    }, opts.heartbeatMs);
    res.once('close', () => this.close());
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Bytes of live messages waiting for this client (the initial snapshot or replay not counted). */
  get lagBytes(): number {
    return this.queuedBytes;
  }

  /** A live message. */
  send(id: string, event: string, data: string): void {
    this.write(sseFrame(id, event, data), true);
  }

  /** A live message framed once by {@link sseFrame}, shared by every connection. */
  sendFrame(frame: Buffer): void {
    this.write(frame, true);
  }

  /** Part of what the client gets on connecting (reset, snapshots, states, replay): never counted as lag. */
  sendInitial(frame: Buffer): void {
    this.write(frame, false);
  }

  /**
   * Ends the stream. `retryMs` first tells the browser when to reconnect: at shutdown every tab
   * would otherwise come back after the same 2 s, all at once, to the next replica.
   */
  close(retryMs?: number): void {
    if (this.closed) return;
    // Past the queue: a few bytes, and the end of the stream is what matters now.
    if (retryMs !== undefined) this.out.write(Buffer.from(`retry: ${Math.round(retryMs)}\n\n`));
    this.closed = true;
    this.queue.length = 0;
    clearInterval(this.heartbeat);
    if (!this.res.writableEnded) this.res.end();
  }

  private write(chunk: Buffer, counted: boolean): void {
    if (this.closed) return;
    if (!this.waiting) {
      if (!this.out.write(chunk)) this.waitForDrain();
      return;
    }
    this.queue.push({ chunk, counted });
    if (!counted) return;
    this.queuedBytes += chunk.length;
    if (this.queuedBytes > this.opts.maxBufferedBytes) this.drop();
  }

  private waitForDrain(): void {
    this.waiting = true;
    this.out.once('drain', () => this.flush());
  }

  private flush(): void {
    this.waiting = false;
    while (!this.closed && this.queue.length > 0) {
      const { chunk, counted } = this.queue.shift()!;
      if (counted) this.queuedBytes -= chunk.length;
      if (!this.out.write(chunk)) return this.waitForDrain();
    }
  }

  /** Too slow: more live messages waiting than the limit. */
  private drop(): void {
    this.closed = true;
    this.queue.length = 0;
    this.queuedBytes = 0;
    clearInterval(this.heartbeat);
    this.opts.onDrop();
    this.out.destroy();
    this.res.destroy();
  }
}
