import { request } from 'node:https';
import { createServer } from 'node:net';
import { findPrometheus } from '../../src/index.js';

/** GET over the sandbox's TLS with a bearer token. */
export function getText(
  url: string,
  token: string,
  ca: string | undefined,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** A loopback port free right now (Prometheus needs a number, not 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/**
 * The Prometheus binary, or why a test may not run: absent on a developer's machine → skip with
 * a message; absent in CI (scripts/setup.sh installs it) → fail, so CI always exercises it.
 */
export function prometheusBinary(): string | undefined {
  const bin = findPrometheus();
  if (!bin && process.env.CI)
    throw new Error('prometheus is not installed in CI: scripts/setup.sh should have installed it');
  if (!bin)
    console.warn(
      'SKIPPED: prometheus is not installed (apt-get install prometheus) — real-Prometheus tests skipped',
    );
  return bin;
}

/** One instant query against a Prometheus HTTP API. */
export async function promQuery(
  base: string,
  query: string,
): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>> {
  const res = await fetch(`${base}/api/v1/query?query=${encodeURIComponent(query)}`);
  const body = (await res.json()) as {
    data?: { result?: Array<{ metric: Record<string, string>; value: [number, string] }> };
  };
  return body.data?.result ?? [];
}
