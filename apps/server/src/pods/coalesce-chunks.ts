/**
 * Joins the small chunks of a followed log into fewer, larger writes.
 *
 * The API server (and a kubelet behind it) writes a followed log line by line as chunked HTTP:
 * one TLS read of 16 KB carries ~80 HTTP chunks, and Node's HTTP parser emits each as its own
 * `data` event. Relayed one by one, each line costs a chunk header, a trailer and a buffer in
 * the socket's writev on our side, and a `data` event plus a fetch read in the browser. Every
 * chunk that arrives in the same tick (one socket read) is collected and pushed as ONE buffer
 * at the end of that tick, so no byte waits for a timer: latency is unchanged, the write count
 * drops by ~2 orders of magnitude.
 *
 * Backpressure is kept: the write callback is given back at once, but Transform holds it while
 * the readable side is above its high-water mark, which pauses the upstream socket. At most one
 * tick of input (bounded by `maxBytes`, then flushed early) is held here.
 */
import { Transform, type TransformCallback } from 'node:stream';

export class ChunkCoalescer extends Transform {
  private parts: Buffer[] = [];
  private size = 0;
  private scheduled = false;

  constructor(private readonly maxBytes = 64 * 1024) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.parts.push(chunk);
    this.size += chunk.length;
    if (this.size >= this.maxBytes) this.flushParts();
    else if (!this.scheduled) {
      this.scheduled = true;
      process.nextTick(() => this.flushParts());
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    this.flushParts();
    callback();
  }

  private flushParts(): void {
    this.scheduled = false;
    if (this.size === 0 || this.destroyed) return;
    const out = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    this.push(out);
  }
}
