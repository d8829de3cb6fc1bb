/**
 * Sends one route-table request as a given identity and keeps everything the answer carried
 * (status, headers, body) — streams are read for a moment, then disconnected like a closed tab.
 */
import http from 'node:http';
import type { SampleRequest } from './route-table.js';

export interface Exchange {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface SendOptions {
  /** Bearer token of the acting user; absent: no Authorization header. */
  token?: string;
  /** The double-submit pair (cookie + header); absent: none sent. */
  csrf?: string;
  headers?: Record<string, string>;
  /** How long a stream is read before disconnecting (ms). */
  streamMs?: number;
}

export function send(baseUrl: string, req: SampleRequest, opts: SendOptions = {}): Promise<Exchange> {
  const { hostname, port } = new URL(baseUrl);
  const body = req.body === undefined ? undefined : JSON.stringify(req.body);
  const headers: Record<string, string> = {
    ...(req.stream ? { accept: 'text/event-stream' } : {}),
    ...opts.headers,
  };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.csrf) {
    headers.cookie = `csrf-token=${opts.csrf}`;
    headers['x-csrftoken'] = opts.csrf;
  }
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const r = http.request(
      { host: hostname, port, method: req.method, path: req.path, headers, timeout: 20_000 },
      (res) => {
        const chunks: Buffer[] = [];
        const done = () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', done);
        res.on('error', () => undefined);
        if (req.stream && res.statusCode === 200) {
          setTimeout(() => {
            res.removeListener('end', done);
            res.destroy();
            done();
          }, opts.streamMs ?? 400);
        }
      },
    );
    r.on('timeout', () => r.destroy(new Error(`timeout: ${req.method} ${req.path}`)));
    r.on('error', reject);
    r.end(body);
  });
}

/** The CSRF cookie value a first GET hands out. */
export async function csrfCookie(baseUrl: string): Promise<string> {
  const res = await send(baseUrl, { method: 'GET', path: '/api/v1/me' });
  const set = [res.headers['set-cookie'] ?? []].flat().join(';');
  const value = /csrf-token=([^;]+)/.exec(set)?.[1];
  if (!value) throw new Error(`no csrf-token cookie from GET /api/v1/me (${res.status})`);
  return value;
}
