import type { Platform } from '@irc/web/platform';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface PlatformSession {
  /** The platform of the current session, opened if none is (called while rendering: no counting). */
  current(): Platform;
  /** A mounted page holds the session; false if `platform` was closed meanwhile (re-render with `current()`). */
  retain(platform: Platform): boolean;
  release(): void;
}

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Inside the console our pages come and go among the console's own pages, in one long-lived
 * tab. The event stream is one of the browser's ~6 connections per origin, so it is opened when
 * the first plugin page mounts and closed once no plugin page has been shown for `idleMs`
 * (navigating between our pages does not reconnect). `onReopen` runs when a later session
 * starts: whatever was cached missed the events in between.
 */
export function createPlatformSession(
  create: () => Platform,
  idleMs: number,
  onReopen: () => void,
  timers: Timers = defaultTimers,
): PlatformSession {
  let platform: Platform | undefined;
  let holders = 0;
  let sessions = 0;
  let idleTimer: unknown;

  function cancelIdle(): void {
    if (idleTimer !== undefined) timers.clearTimeout(idleTimer);
    idleTimer = undefined;
  }

  return {
    current() {
      if (!platform) {
        platform = create();
        sessions += 1;
        if (sessions > 1) onReopen();
      }
      return platform;
    },
    retain(held) {
      cancelIdle();
      holders += 1;
      return held === platform;
    },
    release() {
      holders = Math.max(0, holders - 1);
      if (holders > 0) return;
      cancelIdle();
      idleTimer = timers.setTimeout(() => {
        idleTimer = undefined;
        if (holders > 0 || !platform) return;
        platform.eventStream.close();
        platform = undefined;
      }, idleMs);
    },
  };
}
