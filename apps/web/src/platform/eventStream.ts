/**
 * One multiplexed server-sent event stream per browser tab. Browsers allow ~6 HTTP/1.1
 * connections per origin, so every page subscribes here instead of opening its own.
 *
 * Resume: the browser's EventSource reconnects by itself after network errors and sends
 * `Last-Event-ID`. It gives up for good on an HTTP error or a non-SSE answer (readyState
 * CLOSED); then we open a new one after a backoff and pass the last seen id as a query
 * parameter, since a fresh EventSource cannot set the header. A server that sends
 * `heartbeat` events gets a watchdog: silence for longer than `staleAfterMs` forces a reconnect
 * (a proxy may keep a dead connection open).
 *
 * Session end: the server sends a `session` event ({state: 'expired', message}) when the
 * user's token stops being accepted, then closes. EventSource cannot see an HTTP status, so
 * when it gives up we also ask the URL once with fetch: a 401 means the same. Either way the
 * stream goes `expired` and stops retrying — only signing in again helps.
 *
 * Limits: the server caps live-update connections per user (one per tab). Above the cap the
 * probe sees 429 with a message and `Retry-After`: the stream goes `limited` (the message says
 * what to do: close other tabs) and tries again after that delay.
 */
export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'limited' | 'expired';

export type StreamListener = (data: unknown, id: string | undefined) => void;

export interface EventStream {
  readonly state: StreamState;
  /** Why the stream is `expired` or `limited`, as the server put it. */
  readonly message?: string;
  subscribe(kind: string, listener: StreamListener): () => void;
  onState(listener: (state: StreamState) => void): () => void;
  close(): void;
}

/** The part of the DOM EventSource we use (lets tests drive it). */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((ev: Event) => void) | null;
  onerror: ((ev: Event) => void) | null;
  addEventListener(type: string, listener: (ev: MessageEvent) => void): void;
  close(): void;
}

export interface EventStreamOptions {
  url: string;
  createSource?: (url: string) => EventSourceLike;
  /** Query parameter carrying the last seen event id on a fresh connection. */
  resumeParam?: string;
  backoffMs?: { initial: number; max: number };
  staleAfterMs?: number;
  timers?: { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
  /**
   * HTTP status of a plain GET of `url` (default: fetch; the body is read only for a 429);
   * undefined if unknown.
   */
  probeStatus?: (url: string) => Promise<number | ProbeAnswer | undefined>;
}

/** What the probe learnt beyond the status (a 429's message and Retry-After). */
export interface ProbeAnswer {
  status: number;
  message?: string;
  retryAfterSeconds?: number;
}

const SESSION_ENDED =
  'Your session has expired or your token is no longer accepted. Sign in again to resume live updates.';

async function fetchStatus(url: string): Promise<number | ProbeAnswer | undefined> {
  if (typeof fetch !== 'function') return undefined;
  const controller = new AbortController();
  try {
    const res = await fetch(url, {
      credentials: 'include',
      headers: { accept: 'text/event-stream' },
      signal: controller.signal,
    });
    if (res.status !== 429) return res.status;
    const body = (await res.json().catch(() => ({}))) as { message?: unknown };
    const retryAfter = Number(res.headers.get('retry-after'));
    return {
      status: 429,
      ...(typeof body.message === 'string' ? { message: body.message } : {}),
      ...(retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    };
  } catch {
    return undefined;
  } finally {
    controller.abort(); // only the status was wanted
  }
}

const CLOSED = 2;

export function createEventStream(options: EventStreamOptions): EventStream {
  const createSource =
    options.createSource ?? ((url: string) => new EventSource(url, { withCredentials: true }));
  const resumeParam = options.resumeParam ?? 'lastEventId';
  const backoff = options.backoffMs ?? { initial: 1000, max: 30_000 };
  const staleAfterMs = options.staleAfterMs ?? 45_000;
  const probeStatus = options.probeStatus ?? fetchStatus;
  const timers = options.timers ?? {
    setTimeout: (fn: () => void, ms: number) => globalThis.setTimeout(fn, ms),
    clearTimeout: (handle: unknown) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  };

  const listeners = new Map<string, Set<StreamListener>>();
  const stateListeners = new Set<(state: StreamState) => void>();
  const attachedKinds = new Set<string>();
  let state: StreamState = 'connecting';
  let source: EventSourceLike | undefined;
  let lastEventId: string | undefined;
  let retryDelay = backoff.initial;
  let retryTimer: unknown;
  let staleTimer: unknown;
  let heartbeatsSeen = false;
  let closed = false;
  let message: string | undefined;

  function setState(next: StreamState): void {
    if (next === state) return;
    state = next;
    for (const listener of [...stateListeners]) listener(next);
  }

  function armWatchdog(): void {
    if (staleTimer !== undefined) timers.clearTimeout(staleTimer);
    staleTimer = undefined;
    if (!heartbeatsSeen || closed) return;
    staleTimer = timers.setTimeout(() => reconnect(), staleAfterMs);
  }

  /** The session is over: stop for good (until the page is reloaded after signing in). */
  function expire(why: string | undefined): void {
    if (closed) return;
    message = why || SESSION_ENDED;
    stop();
    setState('expired');
  }

  /** Too many streams for this user: say so, and try again when the server said to. */
  function limited(probe: ProbeAnswer): void {
    if (closed || source) return; // closed, or already open again
    message = probe.message;
    if (probe.retryAfterSeconds !== undefined) {
      if (retryTimer !== undefined) timers.clearTimeout(retryTimer);
      retryTimer = undefined;
      retryDelay = Math.min(probe.retryAfterSeconds * 1000, backoff.max);
      scheduleRetry();
    }
    setState('limited');
  }

  function stop(): void {
    closed = true;
    source?.close();
    source = undefined;
    if (retryTimer !== undefined) timers.clearTimeout(retryTimer);
    if (staleTimer !== undefined) timers.clearTimeout(staleTimer);
    retryTimer = staleTimer = undefined;
  }

  function onSession(event: MessageEvent): void {
    let data: unknown;
    try {
      data = JSON.parse(String(event.data)) as unknown;
    } catch {
      return;
    }
    const session = data as { state?: unknown; message?: unknown } | null;
    if (session?.state === 'expired')
      expire(typeof session.message === 'string' ? session.message : undefined);
  }

  function dispatch(kind: string, event: MessageEvent): void {
    if (kind === 'session') return onSession(event);
    if (event.lastEventId) lastEventId = event.lastEventId;
    if (kind === 'heartbeat') heartbeatsSeen = true;
    armWatchdog();
    const set = listeners.get(kind);
    if (!set || set.size === 0) return;
    let data: unknown = event.data;
    if (typeof event.data === 'string') {
      try {
        data = JSON.parse(event.data) as unknown;
      } catch {
        data = event.data;
      }
    }
    for (const listener of [...set]) listener(data, event.lastEventId || undefined);
  }

  function attach(kind: string): void {
    if (!source || attachedKinds.has(kind)) return;
    attachedKinds.add(kind);
    source.addEventListener(kind, (event) => dispatch(kind, event));
  }

  function urlWithResume(): string {
    if (!lastEventId) return options.url;
    const sep = options.url.includes('?') ? '&' : '?';
    return `${options.url}${sep}${resumeParam}=${encodeURIComponent(lastEventId)}`;
  }

  function open(): void {
    if (closed) return;
    attachedKinds.clear();
    const current = createSource(urlWithResume());
    source = current;
    current.onopen = () => {
      if (source !== current) return;
      retryDelay = backoff.initial;
      message = undefined;
      setState('live');
      armWatchdog();
    };
    current.onerror = () => {
      if (source !== current) return;
      // Still refused for the same reason until the probe says otherwise (no flicker per retry).
      if (state !== 'limited') setState('reconnecting');
      // CONNECTING: the browser retries itself (with Last-Event-ID). CLOSED: it gave up —
      // on an HTTP error; a 401 among them ends the session instead of retrying.
      if (current.readyState === CLOSED) {
        scheduleRetry();
        void probeStatus(options.url).then((answer) => {
          const probe = typeof answer === 'number' ? { status: answer } : answer;
          if (probe?.status === 401) expire(undefined);
          if (probe?.status === 429) limited(probe);
          else if (state === 'limited') setState('reconnecting');
        });
      }
    };
    for (const kind of ['heartbeat', 'message', 'session', ...listeners.keys()]) attach(kind);
  }

  function scheduleRetry(): void {
    source?.close();
    source = undefined;
    if (retryTimer !== undefined || closed) return;
    const delay = retryDelay;
    retryDelay = Math.min(retryDelay * 2, backoff.max);
    retryTimer = timers.setTimeout(() => {
      retryTimer = undefined;
      open();
    }, delay);
  }

  function reconnect(): void {
    staleTimer = undefined;
    setState('reconnecting');
    scheduleRetry();
  }

  open();

  return {
    get state() {
      return state;
    },
    get message() {
      return message;
    },
    subscribe(kind, listener) {
      let set = listeners.get(kind);
      if (!set) listeners.set(kind, (set = new Set()));
      set.add(listener);
      attach(kind);
      return () => set.delete(listener);
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    close: stop,
  };
}
