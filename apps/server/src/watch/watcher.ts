/**
 * One upstream list+watch of one resource, with its own cache — an informer written for the
 * facts in client-node.md:
 *  - a watch resumes from the last resourceVersion seen (events and BOOKMARKs) after a drop;
 *  - 410 Gone arrives as an ERROR event carrying a Status (not as a failed request): relist,
 *    and turn the difference between the old cache and the new list into ADDED / MODIFIED /
 *    DELETED, so subscribers stay consistent without a reset;
 *  - connect errors (401/403/429/500/refused) retry with exponential backoff, forever, until
 *    stop(). The cap is short (4 s) so a watch is back within 5 s of the API returning, however
 *    long it was away — one list+watch per kind every 4 s costs an apiserver nothing. A
 *    `Retry-After` (429, 503 from a loaded apiserver or its priority-and-fairness filter) is
 *    obeyed as the next delay instead, up to 30 s.
 *  - a watch that goes silent is a stall, not a quiet cluster: the API sends a BOOKMARK about
 *    once a minute on every watch that asked for them, so nothing at all — no event, no bookmark —
 *    for `stallMs` (2.5 minutes) means a hung API or a dead connection that still looks open.
 *    The state becomes `stalled` (the UI says "Live updates paused" instead of "Live") and the
 *    watch reconnects; it is `synced` again at the first event or bookmark. An API that takes
 *    the watch request and never answers its head is a stall too (after the connect deadline).
 */
import type { StreamKind } from '@irc/shared';
import type { KubeClient } from '../kube/client.js';
import { KubeError, toKubeError } from '../kube/errors.js';
import type { KubeObjectLike } from '../kube/resources.js';

export interface WatchTarget {
  kind: StreamKind;
  /** Collection path, e.g. `/api/v1/namespaces/x/pods`. */
  path: string;
  fieldSelector?: string;
  labelSelector?: string;
  /** What is kept of each object (as an informer's transform): applied before the cache and handlers see it. */
  transform?: (obj: KubeObjectLike) => KubeObjectLike;
}

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';
export type WatcherState = 'resyncing' | 'synced' | 'forbidden' | 'stalled';

export interface WatcherHandlers {
  /** `relisted`: found by a re-list after a gap (410), so versions in between were never seen. */
  change(
    type: ChangeType,
    obj: KubeObjectLike,
    previous: KubeObjectLike | undefined,
    relisted?: boolean,
  ): void;
  state(state: WatcherState, message?: string): void;
  restart(cause: 'drop' | 'expired' | 'error'): void;
  /** An upstream watch connection opened (+1) or closed (-1). */
  connection?(delta: 1 | -1): void;
}

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

interface WatchEventLine {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: KubeObjectLike & { code?: number; reason?: string; message?: string };
}

class Expired extends Error {}

/** Defaults: 0.5 s, doubling, at most 4 s (streams must resume within 5 s of the API returning). */
export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 4000 };
const MAX_RETRY_AFTER_MS = 30_000;
const WATCH_CONNECT_TIMEOUT_MS = 15_000;
/** No event or bookmark for this long on a watch: stalled (bookmarks come about once a minute). */
export const DEFAULT_STALL_MS = 150_000;
const WATCH_TIMEOUT_SECONDS = 300 + Math.floor(Math.random() * 300);

/** The wait before the next attempt: the API's Retry-After when it gave one, else `delay` less up to 20% jitter. */
function nextWait(err: KubeError, delay: number): number {
  if (err.retryAfterSeconds !== undefined) return Math.min(err.retryAfterSeconds * 1000, MAX_RETRY_AFTER_MS);
  return Math.round(delay * (0.8 + Math.random() * 0.2));
}

export function objectKey(obj: KubeObjectLike): string {
  return `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;
}

export class ResourceWatcher {
  private readonly cache = new Map<string, KubeObjectLike>();
  private resourceVersion = '';
  private listed = false;
  private stopped = false;
  private current?: AbortController;
  private wake?: () => void;
  /** The last watch went silent (or never answered): `synced` again only once something arrives. */
  private stalled = false;
  /** Why the state is what it is (the last failure), if anything went wrong. */
  stateMessage?: string;
  state: WatcherState = 'resyncing';

  /** Whether the first list has been answered (the cache holds the objects, not nothing yet). */
  get hasListed(): boolean {
    return this.listed;
  }

  constructor(
    readonly target: WatchTarget,
    private readonly client: () => KubeClient,
    private readonly handlers: WatcherHandlers,
    private readonly backoff: BackoffOptions = DEFAULT_BACKOFF,
    private readonly stallMs: number = DEFAULT_STALL_MS,
  ) {}

  items(): KubeObjectLike[] {
    return [...this.cache.values()];
  }

  get lastResourceVersion(): string {
    return this.resourceVersion;
  }

  start(): void {
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.current?.abort();
    this.wake?.();
  }

  /** Cut the upstream connection (as a network drop would); the watcher resumes by itself. */
  dropConnection(): void {
    this.current?.abort();
  }

  private async run(): Promise<void> {
    let delay = this.backoff.initialMs;
    while (!this.stopped) {
      const startedAt = Date.now();
      try {
        if (!this.listed) await this.relist();
        await this.watchOnce();
        if (this.stopped) break;
        this.handlers.restart('drop');
        if (Date.now() - startedAt > 1000) delay = this.backoff.initialMs;
        else await this.sleep((delay = Math.min(delay * 2, this.backoff.maxMs)));
      } catch (err) {
        if (this.stopped) break;
        if (err instanceof Expired) {
          this.listed = false;
          this.handlers.restart('expired');
          continue;
        }
        const e = toKubeError(err);
        if (e.statusCode === 410) {
          this.listed = false;
          this.handlers.restart('expired');
          continue;
        }
        if (e.reason === 'Timeout' && this.listed) {
          // our own abort (dropConnection) or an idle cut: resume at once
          this.handlers.restart('drop');
          continue;
        }
        this.handlers.restart('error');
        this.stalled = false; // an answer, even an error: not silent any more
        this.setState(e.statusCode === 403 ? 'forbidden' : 'resyncing', e.message);
        await this.sleep(nextWait(e, delay));
        delay = Math.min(delay * 2, this.backoff.maxMs);
      }
    }
  }

  private async relist(): Promise<void> {
    this.setState('resyncing');
    const list = await this.client().getJson<{
      metadata?: { resourceVersion?: string };
      items?: KubeObjectLike[];
    }>(this.target.path, {
      fieldSelector: this.target.fieldSelector,
      labelSelector: this.target.labelSelector,
    });
    const seen = new Set<string>();
    for (const listed of list.items ?? []) {
      const item = this.target.transform ? this.target.transform(listed) : listed;
      const key = objectKey(item);
      seen.add(key);
      const previous = this.cache.get(key);
      this.cache.set(key, item);
      if (!previous) this.handlers.change('ADDED', item, undefined, true);
      else if (previous.metadata?.resourceVersion !== item.metadata?.resourceVersion)
        this.handlers.change('MODIFIED', item, previous, true);
    }
    for (const [key, previous] of this.cache) {
      if (!seen.has(key)) {
        this.cache.delete(key);
        this.handlers.change('DELETED', previous, previous, true);
      }
    }
    this.resourceVersion = list.metadata?.resourceVersion ?? '';
    this.listed = true;
    this.setState('synced');
  }

  private async watchOnce(): Promise<void> {
    const controller = new AbortController();
    this.current = controller;
    // An API that accepts the connection but never answers must not hold the watch forever:
    // the head must come within WATCH_CONNECT_TIMEOUT_MS (a 504, then a new attempt).
    const res = await this.client()
      .stream(
        this.target.path,
        {
          watch: 1,
          resourceVersion: this.resourceVersion,
          allowWatchBookmarks: true,
          // As client-go's reflector: the API ends the watch after a few minutes and we resume
          // from the last resourceVersion, so a silently dead connection is replaced in bounded time.
          timeoutSeconds: WATCH_TIMEOUT_SECONDS,
          fieldSelector: this.target.fieldSelector,
          labelSelector: this.target.labelSelector,
        },
        controller.signal,
        { pool: 'watches', headersWithinMs: WATCH_CONNECT_TIMEOUT_MS },
      )
      .catch((err: unknown) => {
        // Not our own abort: the API took the request and did not answer in time.
        if (!controller.signal.aborted && toKubeError(err).reason === 'Timeout')
          this.stall(
            `the cluster API did not answer the ${this.target.kind} watch within ${WATCH_CONNECT_TIMEOUT_MS / 1000} s`,
          );
        throw err;
      });
    if (!this.stalled) this.setState('synced');
    this.handlers.connection?.(1);
    let silence: NodeJS.Timeout | undefined;
    const listen = () => {
      clearTimeout(silence);
      silence = setTimeout(() => {
        this.stall(
          `no event or bookmark from the cluster API on the ${this.target.kind} watch for ${Math.round(this.stallMs / 1000)} s`,
        );
        controller.abort();
      }, this.stallMs);
    };
    listen();
    let buffer = '';
    try {
      for await (const chunk of res) {
        buffer += (chunk as Buffer).toString('utf8');
        let nl = buffer.indexOf('\n');
        while (nl >= 0) {
          const line = buffer.slice(0, nl).trim();
          buffer = buffer.slice(nl + 1);
          if (line) {
            this.apply(JSON.parse(line) as WatchEventLine);
            listen();
            if (this.stalled) {
              this.stalled = false;
              this.setState('synced');
            }
          }
          nl = buffer.indexOf('\n');
        }
      }
    } catch (err) {
      // ERROR events (410 → relist, others → backoff) propagate; a connection that breaks
      // after the 200 (server restart "Premature close", our own dropConnection, a reset)
      // is a drop: resume from the last resourceVersion.
      if (err instanceof Expired || err instanceof KubeError) throw err;
      return;
    } finally {
      clearTimeout(silence);
      this.handlers.connection?.(-1);
      res.destroy();
    }
  }

  private apply(event: WatchEventLine): void {
    if (event.type === 'ERROR') {
      const status = event.object;
      if (status.code === 410) throw new Expired();
      throw new KubeError(
        status.code ?? 500,
        status.reason ?? 'InternalError',
        status.message ?? 'watch error',
      );
    }
    const rv = event.object.metadata?.resourceVersion;
    if (rv) this.resourceVersion = rv;
    if (event.type === 'BOOKMARK') return;
    const obj = this.target.transform ? this.target.transform(event.object) : event.object;
    const key = objectKey(obj);
    const previous = this.cache.get(key);
    if (event.type === 'DELETED') {
      this.cache.delete(key);
      this.handlers.change('DELETED', obj, previous);
    } else {
      this.cache.set(key, obj);
      this.handlers.change(previous ? 'MODIFIED' : 'ADDED', obj, previous);
    }
  }

  /** The watch went silent: say so (live updates are paused) until something arrives again. */
  private stall(why: string): void {
    this.stalled = true;
    this.setState('stalled', `${why}: live updates are paused while the console reconnects`);
  }

  /** Publishes a state (with why) when it changes — not on every retry of the same failure. */
  private setState(state: WatcherState, message?: string): void {
    if (state === this.state && message === this.stateMessage) return;
    if (state === this.state && !message) return;
    this.state = state;
    this.stateMessage = message;
    this.handlers.state(state, message);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }
}
