import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../../core/errors.js';
import type { KubeObject, WatchEvent } from '../../core/types.js';

/** Output buffered for a client that does not read, beyond which its watch is closed. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/** kube-apiserver closes a watch after a random 30–60 minutes (min-request-timeout 1800 s). */
function defaultTimeoutMs(): number {
  return (1800 + Math.floor(Math.random() * 1800)) * 1000;
}

/**
 * Streams watch events as newline-delimited JSON over a chunked 200 response, one write per
 * event (so each is flushed at once). A 410 from the start of the watch is sent the way the real
 * server sends it: a 200 whose first and only event is an ERROR carrying the Status.
 */
export function streamWatch(
  req: IncomingMessage,
  res: ServerResponse,
  timeoutSeconds: number | undefined,
  start: (emit: (e: WatchEvent) => void) => () => void,
  transform: (o: KubeObject) => unknown = (o) => o,
): void {
  let finish: () => void = () => undefined;
  const write = (e: WatchEvent): void => {
    if (res.writableEnded || res.destroyed) return;
    const object = e.type === 'ERROR' || e.type === 'BOOKMARK' ? e.object : transform(e.object as KubeObject);
    res.write(JSON.stringify({ type: e.type, object }) + '\n');
    // A client that stops reading is dropped (kube closes watchers whose buffer fills up).
    if (res.writableLength > MAX_BUFFERED_BYTES) finish();
  };
  // Buffer events produced while the watch starts (initial ADDED), then stream.
  const pending: WatchEvent[] = [];
  let ready = false;
  let stop: () => void;
  try {
    stop = start((e) => (ready ? write(e) : pending.push(e)));
  } catch (err) {
    if (err instanceof ApiError && err.code === 410) {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Cache-Control': 'no-cache, private',
        'Transfer-Encoding': 'chunked',
      });
      res.end(JSON.stringify({ type: 'ERROR', object: err.status }) + '\n');
      return;
    }
    throw err;
  }
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  res.socket?.setNoDelay(true);
  res.flushHeaders();
  ready = true;
  for (const e of pending.splice(0)) write(e);
  const timer = setTimeout(
    () => finish(),
    timeoutSeconds !== undefined && timeoutSeconds > 0 ? timeoutSeconds * 1000 : defaultTimeoutMs(),
  );
  timer.unref();
  let done = false;
  finish = (): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    stop();
    if (!res.writableEnded) res.end();
  };
  req.on('close', finish);
  res.on('close', finish);
}
