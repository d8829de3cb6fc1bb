/**
 * Pod log relay: a direct GET on `pods/log` (client-node's `Log` loses the Status of errors and
 * never ends the writable on abort), piped to the browser with backpressure — the upstream
 * socket is paused while the browser is slow — and aborted as soon as the browser goes away.
 *
 * The bytes pass through untouched (no line splitting, no re-encoding); only the API's
 * line-sized HTTP chunks are joined per socket read (ChunkCoalescer).
 *
 * How it ends tells the browser what happened: the API ending the log (container exited, pod
 * deleted) ends the response cleanly; the API connection breaking (API restart, network) ABORTS
 * the response, so the browser sees an error and resumes with `sinceTime` instead of taking the
 * cut for the end of the log.
 */
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { POD_LOG_CONTENT_TYPE } from '@irc/shared';
import type { FastifyReply } from 'fastify';
import type { KubeClient } from '../kube/client.js';
import { logReadError } from '../kube/node-unreachable.js';
import type { Metrics } from '../platform/metrics.js';
import { ChunkCoalescer } from './coalesce-chunks.js';
import type { PodLogQuery } from '@irc/shared';

/** How long the API (and the kubelet behind it) may take to start answering a log read. */
export const LOG_HEAD_DEADLINE_MS = 10_000;

/**
 * How long a log read that is not followed may go without a byte while the browser keeps up. Such
 * a read sends what the kubelet has and ends; silence half-way is a hung API or kubelet holding a
 * pooled socket. A followed log may be quiet for hours, so it has no such bound.
 */
export const LOG_BODY_IDLE_MS = 10_000;

/** Calls `abort` once `upstream` sends nothing for `ms` — unless the browser is the one behind. */
function abortWhenSilent(upstream: Readable, browser: Writable, ms: number, abort: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => (browser.writableNeedDrain ? arm() : abort()), ms);
  };
  upstream.on('data', arm);
  arm();
  return () => {
    clearTimeout(timer);
    upstream.off('data', arm);
  };
}

export async function relayPodLog(
  client: KubeClient,
  reply: FastifyReply,
  target: { namespace: string; name: string },
  query: PodLogQuery,
  metrics: Metrics,
  longLived: Set<() => void>,
): Promise<void> {
  const upstreamAbort = new AbortController();
  const onClose = () => upstreamAbort.abort();
  reply.raw.once('close', onClose);
  const path = `/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods/${encodeURIComponent(target.name)}/log`;
  // Errors before the first byte (404, 400 "container not found", 403, a node that cannot be
  // reached) become JSON errors.
  const upstream = await client
    .stream(
      path,
      {
        container: query.container,
        follow: query.follow,
        tailLines: query.tailLines,
        sinceSeconds: query.sinceSeconds,
        sinceTime: query.sinceTime,
        timestamps: query.timestamps,
        previous: query.previous,
        limitBytes: query.limitBytes,
      },
      upstreamAbort.signal,
      // The route's budget for the answer's head: a hung API is a 504 after it, not a hang.
      { pool: 'logs', headersWithinMs: Math.min(client.timeoutMs, LOG_HEAD_DEADLINE_MS) },
    )
    .catch((err: unknown) => {
      reply.raw.off('close', onClose);
      throw logReadError(err);
    });
  reply.hijack();
  reply.raw.writeHead(200, {
    'content-type': POD_LOG_CONTENT_TYPE,
    'cache-control': 'no-cache, no-transform',
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
  });
  reply.raw.flushHeaders();
  metrics.logStreams.inc();
  const end = () => {
    upstreamAbort.abort();
    reply.raw.socket?.destroySoon();
  };
  longLived.add(end);
  let stopWatching = () => {};
  try {
    const relayed = pipeline(upstream, new ChunkCoalescer(), reply.raw, { signal: upstreamAbort.signal });
    // Watch after the pipeline has attached, so this listener never starts the flow itself.
    if (!query.follow)
      stopWatching = abortWhenSilent(upstream, reply.raw, LOG_BODY_IDLE_MS, () => upstreamAbort.abort());
    await relayed;
  } catch {
    // Browser gone (abort): nothing to tell anyone. Upstream cut: abort the response rather than
    // end it, so that the browser can tell a broken stream from a finished log.
    upstream.destroy();
    if (!reply.raw.writableEnded) reply.raw.destroy();
  } finally {
    stopWatching();
    reply.raw.off('close', onClose);
    longLived.delete(end);
    metrics.logStreams.dec();
  }
}
