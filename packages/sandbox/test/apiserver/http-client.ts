import { request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { SandboxHandle } from '../../src/sandbox.js';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: unknown;
}

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  contentType?: string;
  accept?: string;
}

/** One HTTPS request to the sandbox, trusting its CA; the admin token unless told otherwise. */
export function call(
  sb: SandboxHandle,
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<Reply> {
  const token = opts.token === undefined ? sb.tokens.admin : opts.token;
  const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let payload: string | undefined;
  if (opts.body !== undefined) {
    payload = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    headers['Content-Type'] = opts.contentType ?? 'application/json';
    headers['Content-Length'] = String(Buffer.byteLength(payload));
  }
  return new Promise((resolve, reject) => {
    const req = request(`${sb.url}${path}`, { method, headers, ca: sb.caPem }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

export interface Stream {
  status: Promise<number>;
  lines: string[];
  /** Resolves once `n` lines have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<string[]>;
  ended: Promise<void>;
  close(): void;
}

/** A streaming GET (watch, log follow): collects lines as they arrive. */
export function stream(
  sb: SandboxHandle,
  path: string,
  token: string = sb.tokens.admin,
  accept = 'application/json',
): Stream {
  const lines: string[] = [];
  let buffer = '';
  let wake: (() => void) | undefined;
  let resolveStatus: (n: number) => void = () => undefined;
  let resolveEnd: () => void = () => undefined;
  const status = new Promise<number>((r) => (resolveStatus = r));
  const ended = new Promise<void>((r) => (resolveEnd = r));
  const req = request(
    `${sb.url}${path}`,
    { headers: { Authorization: `Bearer ${token}`, Accept: accept }, ca: sb.caPem },
    (res) => {
      resolveStatus(res.statusCode ?? 0);
      res.on('data', (c: Buffer) => {
        buffer += c.toString('utf8');
        let i: number;
        while ((i = buffer.indexOf('\n')) >= 0) {
          lines.push(buffer.slice(0, i));
          buffer = buffer.slice(i + 1);
        }
        wake?.();
      });
      res.on('end', () => {
        if (buffer) lines.push(buffer);
        resolveEnd();
        wake?.();
      });
      res.on('error', () => resolveEnd());
    },
  );
  req.on('error', () => resolveEnd());
  req.end();
  return {
    status,
    lines,
    ended,
    close: () => req.destroy(),
    async waitFor(n, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (lines.length < n) {
        if (Date.now() > deadline)
          throw new Error(`expected ${n} lines, got ${lines.length}: ${lines.join(' | ')}`);
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, 50);
        });
      }
      return lines.slice(0, n);
    },
  };
}

/** Reads a dotted path (`metadata.name`, `items.0.kind`) out of a decoded JSON value. */
export function at(value: unknown, path: string): unknown {
  let cur = value;
  for (const k of path.split('.'))
    cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[k] : undefined;
  return cur;
}
