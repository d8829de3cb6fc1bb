import { ApiRoutes, routePath, type ApiRoute } from '@irc/shared';
import type { Platform, RequestOptions, RouteCall } from './platform.js';

/** A non-2xx answer of the API; `body` is the parsed JSON (if any) so callers can read 409/422 details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * A route's path under the platform's API base (`/api` standalone, the console proxy in the
 * plugin): the shared table spells it from the server root (`/api/v1/...`).
 */
export function routeUrlPath(route: ApiRoute, params?: unknown): string {
  return routePath(route, params as Readonly<Record<string, string>> | undefined).slice('/api'.length);
}

/** The event stream's path under the API base. */
export const STREAM_PATH = routeUrlPath(ApiRoutes.stream);

/** The transport's view of one call of a route. */
export function routeRequest<R extends ApiRoute>(
  route: R,
  call: RouteCall<R> | undefined,
): { path: string; options: RequestOptions } {
  return {
    path: routeUrlPath(route, call?.params),
    options: {
      method: route.method,
      ...(call?.body !== undefined ? { body: call.body } : {}),
      ...(call?.signal ? { signal: call.signal } : {}),
      ...(call?.query ? { query: call.query as RequestOptions['query'] } : {}),
    },
  };
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export function buildUrl(apiBase: string, path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, String(value));
  }
  const qs = params.toString();
  return `${apiBase}${path}${qs ? `?${qs}` : ''}`;
}

/** The BFF sets `csrf-token` as a readable cookie; mutations echo it (double-submit). */
export function readCsrfCookie(cookie: string): string | undefined {
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'csrf-token') return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function messageOf(status: number, body: unknown, fallback: string): string {
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string')
    return body.message;
  if (typeof body === 'string' && body.trim()) return body.trim().slice(0, 300);
  return `${status} ${fallback}`;
}

async function parseBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

export interface HttpOptions {
  apiBase: string;
  fetch: FetchLike;
  /** Add `X-CSRFToken` from the cookie (standalone); the console's fetch does this itself. */
  addCsrf: boolean;
  cookie?: () => string;
}

export function createHttp(options: HttpOptions): Pick<Platform, 'request' | 'streamText'> {
  const cookie = options.cookie ?? (() => (typeof document === 'undefined' ? '' : document.cookie));

  function headersFor(method: string, hasBody: boolean): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (hasBody) headers['Content-Type'] = 'application/json';
    if (options.addCsrf && method !== 'GET') {
      const token = readCsrfCookie(cookie());
      if (token) headers['X-CSRFToken'] = token;
    }
    return headers;
  }

  async function send(path: string, req: RequestOptions): Promise<unknown> {
    const method = req.method ?? 'GET';
    const hasBody = req.body !== undefined;
    const response = await options.fetch(buildUrl(options.apiBase, path, req.query), {
      method,
      headers: headersFor(method, hasBody),
      body: hasBody ? JSON.stringify(req.body) : undefined,
      signal: req.signal,
      credentials: 'same-origin',
    });
    const body = await parseBody(response);
    if (!response.ok)
      throw new ApiError(response.status, messageOf(response.status, body, response.statusText), body);
    return body;
  }

  const request: Platform['request'] = async (route, ...[call]) => {
    const { path, options: req } = routeRequest(route, call);
    // The server validates every answer against the route's response schema before it leaves.
    return (await send(path, req)) as never;
  };

  const streamText: Platform['streamText'] = async (route, req) => {
    const { path, options: target } = routeRequest(route, req);
    const response = await options.fetch(buildUrl(options.apiBase, path, target.query), {
      headers: { Accept: 'text/plain' },
      signal: req.signal,
      credentials: 'same-origin',
    });
    if (!response.ok) {
      const body = await parseBody(response);
      throw new ApiError(response.status, messageOf(response.status, body, response.statusText), body);
    }
    if (!response.body) {
      req.onChunk(await response.text());
      return;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value) req.onChunk(value);
    }
  };

  return { request, streamText };
}
