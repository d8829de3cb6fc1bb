import { describe, expect, it } from 'vitest';
import { ApiRoutes } from '@irc/shared';
import { ApiError, createHttp, readCsrfCookie } from './http.js';

function recorder(response: () => Response) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return response();
  };
  return { calls, fetch };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createHttp', () => {
  it('adds the CSRF header from the csrf-token cookie on mutations only', async () => {
    const { calls, fetch } = recorder(() => json(200, { ok: true }));
    const http = createHttp({
      apiBase: '/api',
      fetch,
      addCsrf: true,
      cookie: () => 'a=1; csrf-token=tok%3D42; b=2',
    });
    await http.request(ApiRoutes.timeline, { query: { start: undefined, limit: 5 } });
    await http.request(ApiRoutes.patchConfig, { body: { patch: {}, resourceVersion: '1' } });
    expect(calls[0]!.url).toBe('/api/v1/timeline?limit=5');
    expect(calls[1]!.url).toBe('/api/v1/config');
    expect(calls[1]!.init!.method).toBe('PATCH');
    expect((calls[0]!.init!.headers as Record<string, string>)['X-CSRFToken']).toBeUndefined();
    expect((calls[1]!.init!.headers as Record<string, string>)['X-CSRFToken']).toBe('tok=42');
    expect(calls[1]!.init!.body).toBe('{"patch":{},"resourceVersion":"1"}');
  });

  it('throws ApiError carrying the parsed body, so 409 and 422 details reach the form', async () => {
    const body = {
      statusCode: 409,
      reason: 'Conflict',
      message: 'the object has been modified',
      live: { resourceVersion: '9' },
    };
    const { fetch } = recorder(() => json(409, body));
    const http = createHttp({ apiBase: '/api', fetch, addCsrf: false });
    const error = await http
      .request(ApiRoutes.patchConfig, { body: { patch: {}, resourceVersion: '1' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(409);
    expect((error as ApiError).message).toBe('the object has been modified');
    expect((error as ApiError).body).toEqual(body);
  });

  it('streams text chunks as they arrive', async () => {
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('line 1\nli'));
        controller.enqueue(encoder.encode('ne 2\n'));
        controller.close();
      },
    });
    const { fetch } = recorder(
      () => new Response(stream, { status: 200, headers: { 'content-type': 'text/plain' } }),
    );
    const http = createHttp({ apiBase: '/api', fetch, addCsrf: true });
    const chunks: string[] = [];
    await http.streamText(ApiRoutes.podLog, {
      params: { namespace: 'ns', name: 'p' },
      signal: new AbortController().signal,
      onChunk: (c) => chunks.push(c),
    });
    expect(chunks.join('')).toBe('line 1\nline 2\n');
  });

  it('reads the cookie among others', () => {
    expect(readCsrfCookie('x=1;csrf-token=abc')).toBe('abc');
    expect(readCsrfCookie('x=1')).toBeUndefined();
  });
});
