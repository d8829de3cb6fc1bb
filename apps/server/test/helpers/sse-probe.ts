/**
 * A light event-stream client for load and shutdown tests: counts messages, remembers the
 * `retry:` hint, and tells a stream the server ended (clean end) from one that broke.
 * (harness.ts `openStream` keeps every message: too heavy for hundreds of clients.)
 */
import http from 'node:http';

export interface SseProbe {
  /** Resolves with the HTTP status once the head arrived. */
  ready: Promise<number>;
  readonly messages: number;
  /** The reconnection delay the server asked for (`retry:`), 0 before one arrived. */
  readonly retryMs: number;
  /** The server ended the body. */
  readonly ended: boolean;
  /** The connection broke (reset, refused) instead of ending. */
  readonly error: Error | undefined;
  /** Resolves when the stream ended or broke. */
  done: Promise<void>;
  close(): void;
}

/** `headers` adds to the request, e.g. a session cookie: each browser session has its own stream cap. */
export function probeStream(url: string, agent?: http.Agent, headers: Record<string, string> = {}): SseProbe {
  let messages = 0;
  let retryMs = 0;
  let ended = false;
  let error: Error | undefined;
  let closedByUs = false;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const req = http.get(url, {
    headers: { accept: 'text/event-stream', ...headers },
    ...(agent ? { agent } : {}),
  });
  const ready = new Promise<number>((resolve, reject) => {
    req.on('response', (res) => {
      resolve(res.statusCode ?? 0);
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let sep = buffer.indexOf('\n\n'); sep >= 0; sep = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, sep);
          buffer = buffer.slice(sep + 2);
          const retry = /^retry: (\d+)$/m.exec(block);
          if (retry) retryMs = Number(retry[1]);
          if (/^data:/m.test(block)) messages++;
        }
      });
      res.on('end', () => {
        ended = true;
        finish();
      });
      res.on('error', (err) => {
        if (!closedByUs) error = err;
        finish();
      });
      res.on('close', finish);
    });
    req.on('error', (err) => {
      if (!closedByUs) error = err;
      reject(err);
      finish();
    });
  });
  ready.catch(() => undefined);
  return {
    ready,
    done,
    get messages() {
      return messages;
    },
    get retryMs() {
      return retryMs;
    },
    get ended() {
      return ended;
    },
    get error() {
      return error;
    },
    close() {
      closedByUs = true;
      req.destroy();
    },
  };
}
