import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../platform/http.js';
import { usePlatform } from '../../platform/platform.js';
import { ApiRoutes, LogBuffer, ResumePoint } from '@irc/shared';

/** Most lines kept in the browser; older ones are dropped as new ones stream in. */
export const MAX_LINES = 300_000;

/** Waits between reconnection attempts; the last one repeats, so a returning API is used within 2 s. */
export const RECONNECT_DELAYS_MS = [250, 500, 1_000, 2_000];
/** After a 429 (the server's Retry-After for its per-user caps). */
export const LIMITED_RETRY_MS = 10_000;
/** Shortest time between two redraws of a streaming log. */
export const PUBLISH_INTERVAL_MS = 100;
/** How long the "Resumed" status stays before it reads "Streaming" again. */
const RESUMED_SHOWN_MS = 5_000;

export interface LogSource {
  namespace: string;
  name: string;
  container?: string;
  previous: boolean;
  tailLines: number;
  /** False until the container is known (a multi-container pod needs one named). */
  enabled: boolean;
}

export type LogStatus = 'connecting' | 'streaming' | 'reconnecting' | 'resumed' | 'ended' | 'error';

/**
 * A broken stream is worth reopening: the network or the API went away (fetch's TypeError, an
 * aborted body) or answered that it is overloaded or unreachable for now. A 4xx (pod deleted,
 * access revoked, container gone) is an answer, not a break.
 */
export function isTransient(cause: unknown): boolean {
  if (cause instanceof ApiError) return cause.status === 429 || cause.status >= 500;
  return (
    cause instanceof TypeError ||
    (cause instanceof Error && /network|fetch|aborted|terminated|reset/i.test(cause.message))
  );
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/**
 * Streams a pod log into a LogBuffer. Timestamps are always requested (the view hides them on
 * demand, so toggling needs no reload; resuming needs them). React re-renders at most once per
 * PUBLISH_INTERVAL_MS, however fast lines arrive.
 *
 * A followed log whose stream breaks (API restart, server restart, network) is reopened from
 * the last line shown (`sinceTime`), replayed lines dropped (ResumePoint), with the status
 * `reconnecting` meanwhile and `resumed` for a few seconds once lines flow again.
 */
export function useLogStream(source: LogSource) {
  const { streamText } = usePlatform();
  const resumeRef = useRef(new ResumePoint());
  const bufferRef = useRef<LogBuffer>(new LogBuffer(MAX_LINES, (line) => resumeRef.current.accept(line)));
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<LogStatus>('connecting');
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  /** Reconnection attempts since the stream broke (0 while streaming). */
  const [retries, setRetries] = useState(0);
  const pending = useRef(false);

  const { namespace, name, container, previous, tailLines, enabled } = source;
  useEffect(() => {
    if (!enabled) return;
    const buffer = bufferRef.current;
    const resume = resumeRef.current;
    resume.reset();
    buffer.clear();
    setVersion(buffer.version);
    setStatus('connecting');
    setError(null);
    setRetries(0);
    const controller = new AbortController();
    const { signal } = controller;
    let resumedTimer: ReturnType<typeof setTimeout> | undefined;
    // Re-render when lines came, in an animation frame, and at most every PUBLISH_INTERVAL_MS:
    // a quiet log shows each line at once; a flood is redrawn 10 times a second instead of 60,
    // which is as readable and leaves the main thread free for input (search, scrolling).
    let lastShown = 0;
    const publish = () => {
      if (pending.current) return;
      pending.current = true;
      const raf =
        typeof requestAnimationFrame === 'function'
          ? requestAnimationFrame
          : (fn: () => void) => setTimeout(fn, 16);
      const show = () =>
        raf(() => {
          pending.current = false;
          lastShown = performance.now();
          setVersion(buffer.version);
        });
      const wait = lastShown + PUBLISH_INTERVAL_MS - performance.now();
      if (wait > 0) setTimeout(show, wait);
      else show();
    };
    const showAll = () => {
      buffer.flush();
      setVersion(buffer.version);
    };

    const run = async () => {
      let failures = 0;
      for (;;) {
        const since = resume.sinceTime();
        let flowing = false;
        try {
          await streamText(ApiRoutes.podLog, {
            params: { namespace, name },
            signal,
            // Resuming asks for everything since the last line shown, not the original tail.
            query: {
              container,
              previous: previous || undefined,
              timestamps: true,
              follow: !previous,
              ...(since ? { sinceTime: since } : { tailLines }),
            },
            onChunk(text) {
              // A superseded stream may still deliver a chunk before its abort lands.
              if (signal.aborted) return;
              if (buffer.append(text) > 0) publish();
              if (flowing) return;
              flowing = true;
              if (failures > 0) {
                setStatus('resumed');
                setError(null);
                setRetries(0);
                clearTimeout(resumedTimer);
                resumedTimer = setTimeout(
                  () => setStatus((s) => (s === 'resumed' ? 'streaming' : s)),
                  RESUMED_SHOWN_MS,
                );
              } else setStatus((s) => (s === 'resumed' ? s : 'streaming'));
              failures = 0;
            },
          });
          if (signal.aborted) return;
          showAll();
          setStatus('ended');
          return;
        } catch (cause: unknown) {
          if (signal.aborted) return;
          if (previous || !isTransient(cause)) {
            showAll();
            setError(cause);
            setStatus('error');
            return;
          }
          // The broken line comes again whole; what was shown is not asked for again.
          buffer.discardPartial();
          resume.beginReplay();
          setError(cause);
          setStatus('reconnecting');
          setRetries(failures + 1);
          // Over the per-user cap of followed logs (429): retry when a slot may have been freed.
          const wait =
            cause instanceof ApiError && cause.status === 429
              ? LIMITED_RETRY_MS
              : RECONNECT_DELAYS_MS[Math.min(failures, RECONNECT_DELAYS_MS.length - 1)]!;
          await sleep(wait, signal);
          failures++;
          if (signal.aborted) return;
        }
      }
    };
    void run();
    return () => {
      controller.abort();
      clearTimeout(resumedTimer);
    };
  }, [streamText, namespace, name, container, previous, tailLines, attempt, enabled]);

  const reconnect = useCallback(() => setAttempt((n) => n + 1), []);
  return { buffer: bufferRef.current, version, status, error, retries, reconnect };
}
