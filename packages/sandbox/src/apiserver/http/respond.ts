import type { ServerResponse } from 'node:http';
import { ApiError, internalError } from '../../core/errors.js';
import type { StatusBody } from '../../core/types.js';

/** `Warning: 299 - "text"` (RFC 7234 warn-text, quotes and backslashes escaped), one header per warning. */
export function setWarnings(res: ServerResponse, warnings: string[]): void {
  const unique = [...new Set(warnings)];
  if (unique.length === 0) return;
  res.setHeader(
    'Warning',
    unique.map((w) => `299 - "${w.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`),
  );
}

export function sendJson(res: ServerResponse, code: number, body: unknown, pretty = false): void {
  const text = JSON.stringify(body, null, pretty ? 2 : undefined) + '\n';
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
  });
  res.end(text);
}

export function sendStatus(res: ServerResponse, status: StatusBody): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJson(res, status.code, status);
}

/** Any thrown error as a metav1.Status; unexpected errors become 500 without internals beyond the message. */
export function sendError(res: ServerResponse, err: unknown): void {
  if (err instanceof ApiError) return sendStatus(res, err.status);
  const message = err instanceof Error ? err.message : String(err);
  sendStatus(res, internalError(message).status);
}

/** kube answers unknown paths with a plain-text 404. */
export function sendNotFoundPage(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end('404 page not found\n');
}
