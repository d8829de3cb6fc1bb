/**
 * HTTP without a client's safety nets: paths are sent as written (fetch would normalise
 * `../` and refuse odd bytes), and `rawExchange` writes bytes straight to a socket for the
 * header-injection cases every client refuses to produce.
 */
import http from 'node:http';
import net from 'node:net';

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Only for JSON answers; streams (SSE, followed logs) are cut after their headers. */
  text: string;
}

// One connection per case: an answer sent before a hostile body was read (403, 413) must not
// leave the rest of that body on a reused socket to be parsed as the next request.
const agent = new http.Agent({ keepAlive: false, maxSockets: 16 });

export function rawRequest(baseUrl: string, req: RawRequest, timeoutMs = 15_000): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    // Node sends a DELETE body without Content-Length (nor chunked): say how long it is.
    const headers =
      req.body === undefined
        ? req.headers
        : { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) };
    const r = http.request(
      { host: hostname, port, method: req.method, path: req.path, headers, agent, timeout: timeoutMs },
      (res) => {
        const type = String(res.headers['content-type'] ?? '');
        if (!type.includes('json')) {
          // a stream would never end: its status and headers are all the corpus asserts
          res.destroy();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: '' });
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    r.on('timeout', () => r.destroy(new Error(`timeout: ${req.method} ${req.path.slice(0, 80)}`)));
    r.on('error', reject);
    r.end(req.body);
  });
}

/** Writes `bytes` to a fresh socket and returns everything the server answered before closing. */
export function rawExchange(baseUrl: string, bytes: string, timeoutMs = 5_000): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let out = '';
    const done = () => {
      socket.destroy();
      resolve(out);
    };
    socket.setTimeout(timeoutMs, done);
    socket.on('data', (c: Buffer) => {
      out += c.toString('latin1');
      // one answer is enough; SSE would otherwise keep the socket open
      if (/\r\n\r\n/.test(out) && /content-type: text\/event-stream/i.test(out)) done();
    });
    socket.on('end', done);
    socket.on('error', done);
    socket.write(bytes, 'latin1');
  });
}

export function closeRawAgent(): void {
  agent.destroy();
}
