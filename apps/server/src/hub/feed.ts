/**
 * The stream feed: every message the live stream carries, in one order, each framed once.
 *
 * Two sources publish here and nothing flows back: the watch hub (hub.ts: `change` and `state`
 * of the watched kinds) and the timeline (`timeline` entries it derives from the hub's changes
 * and from console writes). The SSE route (stream/) only reads: the last id, a replay, and a
 * subscription.
 *
 * Messages get a feed-wide sequence number; the last N are kept so a client reconnecting with
 * `Last-Event-ID: <epoch>.<seq>` gets exactly what it missed. The epoch changes per process, so
 * an id from before a restart yields a reset + fresh snapshots instead of a wrong replay.
 */
import { randomBytes } from 'node:crypto';
import type { StreamEventName, StreamKind, TimelineEntry } from '@irc/shared';

export interface FeedMessage {
  seq: number;
  event: StreamEventName;
  kind: StreamKind;
  /** The whole SSE message (id, event, data), serialized once for every client. */
  frame: Buffer;
  /** On `timeline` messages: the entry, so a client is sent only what it may read (timeline/readable.ts). */
  entry?: TimelineEntry;
}

export type FeedListener = (message: FeedMessage) => void;

/** One SSE message as bytes on the wire (`data` is single-line JSON; no `id:` line when `id` is undefined). */
export function sseFrame(id: string | undefined, event: string, data: string): Buffer {
  return Buffer.from(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${data}\n\n`, 'utf8');
}

export class StreamFeed {
  readonly epoch = randomBytes(4).toString('hex');
  private seq = 0;
  private readonly log: FeedMessage[] = [];
  private readonly listeners = new Set<FeedListener>();

  /** `replayBuffer`: how many messages are kept for Last-Event-ID replay. */
  constructor(private readonly replayBuffer = 2000) {}

  lastId(): string {
    return `${this.epoch}.${this.seq}`;
  }

  /**
   * Messages after `lastEventId`, or null when they are no longer all available (other epoch,
   * too old, malformed) — the caller then resets the client.
   */
  since(lastEventId: string | undefined): FeedMessage[] | null {
    if (!lastEventId) return null;
    const [epoch, seqText] = lastEventId.split('.');
    const seq = Number(seqText);
    if (epoch !== this.epoch || !Number.isInteger(seq) || seq > this.seq) return null;
    const oldest = this.log[0]?.seq ?? this.seq + 1;
    if (seq < oldest - 1) return null;
    return this.log.filter((m) => m.seq > seq);
  }

  subscribe(listener: FeedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: StreamEventName, kind: StreamKind, data: unknown, entry?: TimelineEntry): void {
    const seq = ++this.seq;
    const message: FeedMessage = {
      seq,
      event,
      kind,
      frame: sseFrame(`${this.epoch}.${seq}`, event, JSON.stringify(data)),
      ...(entry ? { entry } : {}),
    };
    this.log.push(message);
    if (this.log.length > this.replayBuffer) this.log.splice(0, this.log.length - this.replayBuffer);
    for (const listener of this.listeners) listener(message);
  }

  clear(): void {
    this.listeners.clear();
  }
}
