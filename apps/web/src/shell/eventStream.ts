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
 */
export type StreamState = 'connecting' | 'live' | 'reconnecting';

export type StreamListener = (data: unknown, id: string | undefined) => void;

export interface EventStream {
  readonly state: StreamState;
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
}

const CLOSED = 2;

export function createEventStream(options: EventStreamOptions): EventStream {
  const createSource = options.createSource ?? ((url: string) => new EventSource(url, { withCredentials: true }));
  const resumeParam = options.resumeParam ?? 'lastEventId';
  const backoff = options.backoffMs ?? { initial: 1000, max: 30_000 };
  const staleAfterMs = options.staleAfterMs ?? 45_000;
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

  function dispatch(kind: string, event: MessageEvent): void {
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
      setState('live');
      armWatchdog();
    };
    current.onerror = () => {
      if (source !== current) return;
      setState('reconnecting');
      // CONNECTING: the browser retries itself (with Last-Event-ID). CLOSED: it gave up.
      if (current.readyState === CLOSED) scheduleRetry();
    };
    for (const kind of ['heartbeat', 'message', ...listeners.keys()]) attach(kind);
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
    close() {
      closed = true;
      source?.close();
      source = undefined;
      if (retryTimer !== undefined) timers.clearTimeout(retryTimer);
      if (staleTimer !== undefined) timers.clearTimeout(staleTimer);
    },
  };
}
