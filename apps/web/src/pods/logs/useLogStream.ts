import { useCallback, useEffect, useRef, useState } from 'react';
import { paths } from '../../common/queries.js';
import { usePlatform } from '../../shell/platform.js';
import { LogBuffer } from './logBuffer.js';

/** Most lines kept in the browser; older ones are dropped as new ones stream in. */
export const MAX_LINES = 300_000;

export interface LogSource {
  namespace: string;
  name: string;
  container?: string;
  previous: boolean;
  tailLines: number;
  /** False until the container is known (a multi-container pod needs one named). */
  enabled: boolean;
}

export type LogStatus = 'connecting' | 'streaming' | 'ended' | 'error';

/**
 * Streams a pod log into a LogBuffer. Timestamps are always requested (the view hides them on
 * demand, so toggling needs no reload). React re-renders at most once per animation frame,
 * however fast lines arrive.
 */
export function useLogStream(source: LogSource) {
  const { streamText } = usePlatform();
  const bufferRef = useRef<LogBuffer>(new LogBuffer(MAX_LINES));
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<LogStatus>('connecting');
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const frame = useRef<number | null>(null);

  const { namespace, name, container, previous, tailLines, enabled } = source;
  useEffect(() => {
    if (!enabled) return;
    const buffer = bufferRef.current;
    buffer.clear();
    setVersion(buffer.version);
    setStatus('connecting');
    setError(null);
    const controller = new AbortController();
    const publish = () => {
      if (frame.current !== null) return;
      const raf = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (fn: () => void) => setTimeout(fn, 16) as unknown as number;
      frame.current = raf(() => {
        frame.current = null;
        setVersion(buffer.version);
      });
    };
    streamText(paths.podLog(namespace, name), {
      signal: controller.signal,
      query: { container, previous: previous || undefined, tailLines, timestamps: true, follow: !previous },
      onChunk(text) {
        // A superseded stream may still deliver a chunk before its abort lands.
        if (controller.signal.aborted) return;
        if (buffer.append(text) > 0) publish();
        setStatus('streaming');
      },
    })
      .then(() => {
        if (controller.signal.aborted) return;
        buffer.flush();
        setVersion(buffer.version);
        setStatus('ended');
      })
      .catch((cause: unknown) => {
        if (controller.signal.aborted) return;
        buffer.flush();
        setVersion(buffer.version);
        setError(cause);
        setStatus('error');
      });
    return () => controller.abort();
  }, [streamText, namespace, name, container, previous, tailLines, attempt, enabled]);

  const reconnect = useCallback(() => setAttempt((n) => n + 1), []);
  return { buffer: bufferRef.current, version, status, error, reconnect };
}
