/**
 * Issue 8: a generated corpus of malformed and hostile requests against every route the
 * OpenAPI document lists. None may get a 5xx; each gets the 4xx its problem deserves with a
 * JSON body naming it; the cluster is unchanged afterwards and the process unpolluted.
 */
import { describe, expect, it } from 'vitest';
import { buildCorpus, POLLUTED, type HostileCase, type OpenApiDoc } from '../helpers/hostile-corpus.js';
import { closeRawAgent, rawExchange, rawRequest, type RawResponse } from '../helpers/raw-http.js';
import { until, type Harness } from './harness.js';
import { registryHarness } from './registry.js';

const BODY_LIMIT = 256 * 1024;
const PARALLEL = 8;

/** What the console could have written: spec or data of each object, or null when absent. */
async function clusterSnapshot(h: Harness): Promise<string> {
  const get = async (...args: string[]) => {
    try {
      return JSON.parse(await h.kubectl('get', ...args, '-o', 'json')) as {
        spec?: unknown;
        data?: unknown;
        type?: string;
      };
    } catch (err) {
      if (/NotFound|not found/i.test(String(err))) return null;
      throw err;
    }
  };
  const image = await get('images.config.openshift.io', 'cluster');
  const trustName =
    (image?.spec as { additionalTrustedCA?: { name?: string } } | undefined)?.additionalTrustedCA?.name ||
    'registry-cas';
  const parts = {
    config: (await get('configs.imageregistry.operator.openshift.io', 'cluster'))?.spec,
    credentials:
      (await get('secret', 'image-registry-private-configuration-user', '-n', 'openshift-image-registry'))
        ?.data ?? null,
    image: image?.spec,
    trust: (await get('configmap', trustName, '-n', 'openshift-config'))?.data ?? null,
    pullSecret: (await get('secret', 'pull-secret', '-n', 'openshift-config'))?.data ?? null,
  };
  return JSON.stringify(parts);
}

/** Two equal snapshots a second apart: the operator has nothing left to write. */
async function quiescentSnapshot(h: Harness): Promise<string> {
  let last = '';
  return until(
    async () => {
      const now = await clusterSnapshot(h);
      const stable = now === last;
      last = now;
      return stable ? now : undefined;
    },
    'the cluster to be quiescent',
    30_000,
    1000,
  );
}

interface Outcome {
  c: HostileCase;
  res?: RawResponse;
  problem?: string;
}

function judge(c: HostileCase, res: RawResponse): string | undefined {
  if (res.status >= 500) return `5xx (${res.status})`;
  if (!c.expect.includes(res.status)) return `status ${res.status}, expected ${c.expect.join('/')}`;
  if (res.status < 400) return undefined;
  let body: { message?: unknown; fieldErrors?: { path?: unknown; message?: unknown }[] };
  try {
    body = JSON.parse(res.text) as typeof body;
  } catch {
    return `a ${res.status} without a JSON body (${String(res.headers['content-type'])})`;
  }
  if (typeof body.message !== 'string' || body.message.length === 0)
    return `a ${res.status} without a message`;
  if (c.field) {
    const named = (body.fieldErrors ?? []).some(
      (f) => typeof f.path === 'string' && f.path.includes(c.field ?? ''),
    );
    if (!named && !body.message.includes(c.field))
      return `the error does not name ${c.field}: ${res.text.slice(0, 200)}`;
  }
  return undefined;
}

async function runAll(baseUrl: string, cases: HostileCase[]): Promise<Outcome[]> {
  const out: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++];
      if (!c) break;
      try {
        const res = await rawRequest(baseUrl, {
          method: c.method,
          path: c.path,
          headers: c.headers,
          body: c.body,
        });
        out.push({ c, res, problem: judge(c, res) });
      } catch (err) {
        out.push({ c, problem: `request failed: ${String(err)}` });
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return out;
}

function tally(outcomes: Outcome[]): Record<string, Record<string, number>> {
  const t: Record<string, Record<string, number>> = {};
  for (const o of outcomes) {
    const row = (t[o.c.route] ??= {});
    const key = String(o.res?.status ?? 'error');
    row[key] = (row[key] ?? 0) + 1;
  }
  return t;
}

describe('hostile input: every route, no 5xx, precise 4xx, nothing changed', () => {
  const h = registryHarness({ mutationsPerMinute: 1_000_000, bodyLimitBytes: BODY_LIMIT });

  it('answers a generated corpus of ≥1000 bad requests with the right 4xx and leaves the cluster as it was', async () => {
    const doc = (await (await h.fetch('/api/openapi.json')).json()) as OpenApiDoc;
    const me = await h.fetch('/api/v1/me');
    const csrf = /csrf-token=([^;]+)/.exec(me.headers.get('set-cookie') ?? '')?.[1];
    expect(csrf).toBeTruthy();
    const before = await quiescentSnapshot(h);
    expect(JSON.parse(before)).toMatchObject({
      config: expect.any(Object),
      image: expect.any(Object),
      pullSecret: expect.any(Object),
    });
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();

    const cases = buildCorpus(doc, { csrf: csrf ?? '', bodyLimitBytes: BODY_LIMIT });
    const outcomes = await runAll(h.baseUrl, cases);

    const t = tally(outcomes);
    console.log(
      `hostile corpus: ${outcomes.length} cases\n${Object.entries(t)
        .map(([r, s]) => `  ${r}: ${JSON.stringify(s)}`)
        .join('\n')}`,
    );
    const routes = new Set(
      Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)),
    );
    for (const r of routes) expect(t[r], `no cases for ${r}`).toBeDefined();
    expect(outcomes.length).toBeGreaterThanOrEqual(1000);
    const problems = outcomes
      .filter((o) => o.problem)
      .map((o) => `${o.c.kind} ${o.c.method} ${o.c.path.slice(0, 100)}: ${o.problem}`);
    expect(problems.slice(0, 30)).toEqual([]);

    // nothing reached the prototype of the server's objects (the server runs in this process)
    expect(({} as Record<string, unknown>)[POLLUTED]).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
    expect(await quiescentSnapshot(h)).toBe(before);
    closeRawAgent();
  }, 120_000);

  it('refuses CR/LF, NUL and oversized headers at the socket, and never reflects them', async () => {
    const { port } = new URL(h.baseUrl);
    const host = `127.0.0.1:${port}`;
    const attempts = [
      `GET /api/v1/config HTTP/1.1\r\nHost: ${host}\r\nX-Test: a\rInjected: 1\r\n\r\n`,
      `GET /api/v1/config HTTP/1.1\r\nHost: ${host}\r\nX-Test: a\nSet-Cookie: x=1\r\n\r\n`,
      `GET /api/v1/config HTTP/1.1\r\nHost: ${host}\r\nX-Test: a\u0000b\r\n\r\n`,
      `GET /api/v1/config HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`,
      `GET /api/v1/co nfig HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      `PATCH /api/v1/config HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}`,
      `GET /api/v1/stream HTTP/1.1\r\nHost: ${host}\r\nLast-Event-ID: 1\r\r\nX: y\r\n\r\n`,
    ];
    for (const bytes of attempts) {
      const answer = await rawExchange(h.baseUrl, bytes);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
      expect(status, bytes.slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(status, bytes.slice(0, 80)).toBeLessThan(500);
      expect(answer.toLowerCase()).not.toContain('set-cookie: x=1');
      expect(answer.toLowerCase()).not.toContain('injected:');
    }
    // a request line cut short by CR/LF: an HTTP/0.9-style line the parser may answer, but the
    // would-be header stays a request header and is never echoed into the response
    const short = await rawExchange(
      h.baseUrl,
      `GET /api/v1/config\r\nSet-Cookie: x=1 HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    );
    expect(Number(/^HTTP\/1\.1 (\d{3})/.exec(short)?.[1])).toBeLessThan(500);
    expect(short.toLowerCase()).not.toContain('set-cookie: x=1');
    // an encoded CR/LF in a value that reaches a header-bearing answer stays inside the value
    const res = await rawRequest(h.baseUrl, {
      method: 'GET',
      path: '/api/v1/timeline?type=%0d%0aSet-Cookie:%20x=1',
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.headers)).not.toContain('x=1');
    closeRawAgent();
  });
});
