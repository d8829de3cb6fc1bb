/**
 * Integration harness: the sandbox cluster (talked to ONLY through its kubeconfig and
 * kubectl), and the server started on port 0 with a captured log stream.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { startSandbox } from '@irc/sandbox';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../src/app.js';
import { loadKubeConfig } from '../../src/kube/kubeconfig.js';

export { until } from '../helpers/until.js';

const run = promisify(execFile);

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

export interface Harness {
  sandbox: Sandbox;
  kubeconfigPath: string;
  tokens: Sandbox['tokens'];
  app: FastifyInstance;
  baseUrl: string;
  logs: string[];
  /** Every response body seen through {@link Harness.fetch} (secret scans). */
  bodies: string[];
  fetch(path: string, init?: RequestInit & { token?: string; csrf?: boolean }): Promise<Response>;
  kubectl(...args: string[]): Promise<string>;
  /** Start or clear a sandbox fault scenario through the kubeconfig (admin). */
  scenario(name: string, on: boolean): Promise<void>;
  startServer(
    opts: Partial<AppOptions> & { context?: string },
  ): Promise<{ app: FastifyInstance; baseUrl: string }>;
  stop(): Promise<void>;
}

export async function startHarness(opts: Partial<AppOptions> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'irc-it-'));
  const kubeconfigPath = join(dir, 'kubeconfig');
  const sandbox = await startSandbox({ port: 0, timeScale: 0.01, kubeconfigPath, log: false });
  const logs: string[] = [];
  const bodies: string[] = [];
  const extra: FastifyInstance[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString('utf8'));
      cb();
    },
  });

  async function startServer(o: Partial<AppOptions> & { context?: string }) {
    const { context, ...rest } = o;
    const app = await buildApp({
      kubeconfig: loadKubeConfig({ kubeconfigPath, context: context ?? 'admin' }),
      logLevel: 'debug',
      logStream,
      stream: { heartbeatMs: 1000 },
      ...rest,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return { app, baseUrl: `http://127.0.0.1:${port}` };
  }

  const main = await startServer(opts);
  let csrf: string | undefined;

  const h: Harness = {
    sandbox,
    kubeconfigPath,
    tokens: sandbox.tokens,
    app: main.app,
    baseUrl: main.baseUrl,
    logs,
    bodies,
    startServer: async (o) => {
      const s = await startServer(o);
      extra.push(s.app);
      return s;
    },
    async fetch(path, init = {}) {
      const { token, csrf: withCsrf, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      if (rest.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
      if (withCsrf !== false && rest.method && rest.method !== 'GET' && !token) {
        if (!csrf) {
          const r = await fetch(`${h.baseUrl}/api/v1/me`);
          csrf = /csrf-token=([^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
          bodies.push(await r.text());
        }
        headers.set('cookie', `csrf-token=${csrf}`);
        headers.set('x-csrftoken', csrf ?? '');
      }
      const base = path.startsWith('http') ? '' : h.baseUrl;
      const res = await fetch(`${base}${path}`, { ...rest, headers });
      const text = await res.clone().text();
      bodies.push(text);
      return res;
    },
    async kubectl(...args) {
      const { stdout } = await run(
        'kubectl',
        ['--kubeconfig', kubeconfigPath, '--context', 'admin', ...args],
        { timeout: 20_000 },
      );
      return stdout;
    },
    async scenario(name, on) {
      if (on) {
        const body = join(dir, 'empty.json');
        writeFileSync(body, '{}');
        await h.kubectl('create', '--raw', `/sandbox/v1/scenarios/${name}`, '-f', body);
      } else {
        await h.kubectl('delete', '--raw', `/sandbox/v1/scenarios/${name}`);
      }
    },
    async stop() {
      for (const a of extra) await a.close();
      await main.app.close();
      await sandbox.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}

export interface SseMessage {
  id?: string;
  event: string;
  data: string;
}

/** A raw SSE client: collects messages; `close()` disconnects like a closed tab. */
export function openStream(url: string, headers: Record<string, string> = {}) {
  const messages: SseMessage[] = [];
  let comments = 0;
  let status = 0;
  const req = http.get(url, { headers: { accept: 'text/event-stream', ...headers } });
  const ready = new Promise<void>((resolve, reject) => {
    req.on('response', (res) => {
      status = res.statusCode ?? 0;
      resolve();
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let sep = buffer.indexOf('\n\n');
        while (sep >= 0) {
          const block = buffer.slice(0, sep);
          buffer = buffer.slice(sep + 2);
          const m: SseMessage = { event: 'message', data: '' };
          let isComment = true;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            isComment = false;
            const i = line.indexOf(':');
            const field = line.slice(0, i);
            const value = line.slice(i + 1).replace(/^ /, '');
            if (field === 'id') m.id = value;
            else if (field === 'event') m.event = value;
            else if (field === 'data') m.data += value;
          }
          if (isComment) comments++;
          else if (m.data || m.id) messages.push(m);
          sep = buffer.indexOf('\n\n');
        }
      });
      res.on('error', () => undefined);
    });
    req.on('error', reject);
  });
  return {
    messages,
    ready,
    get status() {
      return status;
    },
    get comments() {
      return comments;
    },
    lastId: () => [...messages].reverse().find((m) => m.id)?.id,
    close: () => req.destroy(),
  };
}

/** A test's own HTTP server (a proxy, a stand-in) on a free loopback port: its URL, and how to close it. */
export async function listenOnLoopback(
  server: http.Server,
): Promise<{ url: string; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const a = server.address();
  return {
    url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
