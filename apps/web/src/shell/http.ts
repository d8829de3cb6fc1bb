import type { Platform, RequestOptions, StreamTextOptions } from './platform.js';

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

  async function request<T>(path: string, req: RequestOptions = {}): Promise<T> {
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
    return body as T;
  }

  async function streamText(path: string, req: StreamTextOptions): Promise<void> {
    const response = await options.fetch(buildUrl(options.apiBase, path, req.query), {
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
  }

  return { request, streamText };
}
