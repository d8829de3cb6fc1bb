import type { ApiRoute, RouteInput, RouteResponse } from '@irc/shared';
import { createContext, useContext, type ReactNode } from 'react';
import type { EventStream } from './eventStream.js';

/**
 * Everything a page may know about where it runs. The standalone shell and the
 * console plugin shell each provide one; pages never call fetch or build URLs themselves.
 */
export interface Platform {
  /** Base path of the BFF API, without trailing slash (e.g. `/api`). */
  apiBase: string;
  /**
   * A call of a route of the shared table (`ApiRoutes`), typed by it: params and body exactly when
   * the route has them, and the route's response. Adds the CSRF header on mutations. Throws
   * `ApiError` on non-2xx.
   */
  request<R extends ApiRoute>(route: R, ...call: RouteCallArgs<R>): Promise<RouteResponse<R>>;
  /** Streamed text response (pod logs); `onChunk` receives decoded text as it arrives. */
  streamText<R extends ApiRoute>(route: R, options: RouteCall<R> & StreamTextOptions): Promise<void>;
  /** The one multiplexed server-sent event stream of this tab. */
  eventStream: EventStream;
  links: PlatformLinks;
  /** i18next namespace of every string of this app. */
  i18nNamespace: string;
}

/** One call of a route: its params, body and query, and an abort signal. */
export type RouteCall<R extends ApiRoute> = RouteInput<R> & { signal?: AbortSignal };
/** The call may be left out for a route without params or body. */
export type RouteCallArgs<R extends ApiRoute> =
  Record<string, never> extends RouteInput<R> ? [call?: RouteCall<R>] : [call: RouteCall<R>];

/** What reaches the transport: a path under the API base and the request's parts. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  query?: Record<string, string | number | boolean | undefined>;
}

export interface StreamTextOptions {
  signal: AbortSignal;
  query?: RequestOptions['query'];
  onChunk(text: string): void;
}

export interface PlatformLinks {
  /** Router path of an app page (`/pods`, `/config/storage`) under the shell's route prefix. */
  page(path: string): string;
  /** Absolute URL of a full API resource (for downloads), e.g. a pod log. */
  api(path: string, query?: RequestOptions['query']): string;
  /**
   * The host's own metrics page showing these PromQL queries (the console's Observe → Metrics);
   * absent where there is none (standalone).
   */
  metrics?(queries: readonly string[]): string;
}

const PlatformContext = createContext<Platform | null>(null);

export function PlatformProvider({ platform, children }: { platform: Platform; children: ReactNode }) {
  return <PlatformContext.Provider value={platform}>{children}</PlatformContext.Provider>;
}

export function usePlatform(): Platform {
  const platform = useContext(PlatformContext);
  if (!platform) throw new Error('usePlatform() outside a shell: wrap the page in <PlatformProvider>');
  return platform;
}
