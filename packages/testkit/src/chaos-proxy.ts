/**
 * A fault-injecting HTTPS proxy between the server and the sandbox API, on loopback.
 *
 * It terminates TLS with its own self-signed certificate (SAN 127.0.0.1 + localhost, made with
 * /usr/bin/openssl) and forwards every request to the sandbox over HTTPS (trusting the sandbox's
 * CA), streaming both ways — watches and `follow=true` logs pass through chunk by chunk. Because
 * it speaks HTTP it can answer 500/429 with a real metav1.Status, end a watch with a 410 ERROR
 * event, or refuse one user's token, as well as cut connections or stop listening.
 *
 * Usage:
 *   const proxy = await ChaosProxy.start({ target: sandbox.url, targetCa: sandbox.caPem });
 *   const kc = proxy.kubeConfig(sandbox.kubeconfigPath, 'admin');   // for buildApp({ kubeconfig: kc })
 *   // or: proxy.writeKubeconfig(sandbox.kubeconfigPath, join(dir, 'kubeconfig'))  (kubectl, spawned servers)
 *   proxy.cutAll();                         // connection reset: every open request dies
 *   await proxy.down(); … await proxy.up(); // API gone (ECONNREFUSED) then back (same port)
 *   await proxy.restart(2000);              // cut + refuse 2 s + listen again
 *   proxy.delay(300);                       // every request waits 300 ms before it is forwarded
 *   proxy.fail({ status: 429, retryAfterSeconds: 1, forMs: 3000 });  // or { count: 5 }, { match }
 *   proxy.fail({ status: 500, message: 'Get "https://10.0.0.5:10250/…": dial tcp …', count: 1 });  // or { body: status }
 *   proxy.expireWatches();                  // open watches get an ERROR 410 event and end
 *   proxy.goneOnWatch(1, (r) => r.path.endsWith('/pods'));  // the next such watch resuming from an RV: 410
 *   proxy.freezeWatches();                  // watches stay open and say nothing (a hung API) …
 *   proxy.thawWatches();                    // … until thawed: frozen ones are cut, new ones flow
 *   proxy.rejectToken(token);               // that bearer token now gets 401 (it "expired")
 *   proxy.clear();                          // no fault; proxy.requests lists what went through
 *   await proxy.stop();
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';

export interface ChaosProxyOptions {
  /** The real API, e.g. `https://127.0.0.1:6443`. */
  target: string;
  /** PEM CA the real API's certificate is checked against. */
  targetCa: string | undefined;
}

export interface FailRule {
  status: number;
  /** Seconds in a `Retry-After` header (429/503 answers of a loaded apiserver carry one). */
  retryAfterSeconds?: number;
  /** Fail this many matching requests, then stop. */
  count?: number;
  /** Fail matching requests for this long, then stop. */
  forMs?: number;
  /** Which requests fail (default: all). */
  match?: (req: ProxiedRequest) => boolean;
  /** The Status message (default `chaos-proxy: injected <status>`), e.g. a kubelet error's URL. */
  message?: string;
  /** A whole Status body sent as is (a real API's answer with causes), instead of the built one. */
  body?: Record<string, unknown>;
}

export interface ProxiedRequest {
  method: string;
  /** Path with query, as sent. */
  url: string;
  path: string;
  query: URLSearchParams;
  watch: boolean;
  /** The Authorization header as sent (tests compare it with known tokens). */
  authorization: string | undefined;
  /** What the proxy did: forwarded, or the fault it answered with. */
  outcome: 'forwarded' | 'failed' | 'unauthorized' | 'gone';
  at: number;
}

const REASONS: Record<number, string> = {
  401: 'Unauthorized',
  410: 'Expired',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
};

function statusBody(code: number, message: string): string {
  return JSON.stringify({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: REASONS[code] ?? 'Error',
    code,
  });
}

function goneEvent(rv: string): string {
  return `${JSON.stringify({ type: 'ERROR', object: JSON.parse(statusBody(410, `too old resource version: ${rv || '0'} (chaos-proxy)`)) as unknown })}\n`;
}

/** A self-signed serving certificate (its own CA) for 127.0.0.1 and localhost. */
function makeServingCert(): { cert: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), 'irc-chaos-'));
  try {
    execFileSync(
      '/usr/bin/openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        'key.pem',
        '-out',
        'cert.pem',
        '-days',
        '2',
        '-subj',
        '/CN=chaos-proxy',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-addext',
        'basicConstraints=critical,CA:TRUE',
      ],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return {
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface OpenWatch {
  rv: string;
  upstream: http.ClientRequest;
  /** Nothing the API sends on it reaches the client (freezeWatches). */
  frozen: boolean;
}

export class ChaosProxy {
  readonly requests: ProxiedRequest[] = [];
  readonly caPem: string;
  url = '';
  private port = 0;
  private readonly server: https.Server;
  private readonly upstream: https.Agent;
  private readonly sockets = new Set<Socket>();
  private readonly inflight = new Set<http.ClientRequest>();
  private readonly openWatches = new Map<http.ServerResponse, OpenWatch>();
  private readonly rejected = new Set<string>();
  private delayMs = 0;
  private rule?: FailRule & { until?: number };
  private gone?: { count: number; match?: (req: ProxiedRequest) => boolean };
  private watchesFrozen = false;
  private listening = false;

  private constructor(private readonly opts: ChaosProxyOptions) {
    const { cert, key } = makeServingCert();
    this.caPem = cert;
    this.server = https.createServer({ cert, key }, (req, res) => this.handle(req, res));
    this.server.on('secureConnection', (s: Socket) => {
      this.sockets.add(s);
      s.once('close', () => this.sockets.delete(s));
    });
    this.server.on('tlsClientError', () => undefined);
    this.upstream = new https.Agent({ keepAlive: true, ca: opts.targetCa });
  }

  static async start(opts: ChaosProxyOptions): Promise<ChaosProxy> {
    const proxy = new ChaosProxy(opts);
    await proxy.up();
    return proxy;
  }

  /** The kubeconfig at `sourcePath` with every cluster pointing here (and trusting this proxy's CA). */
  kubeConfig(sourcePath: string, context?: string): KubeConfig {
    const kc = new KubeConfig();
    kc.loadFromString(this.rewrite(sourcePath));
    if (context) kc.setCurrentContext(context);
    return kc;
  }

  /** Same, written to `destPath` (for kubectl or a spawned server). */
  writeKubeconfig(sourcePath: string, destPath: string): string {
    writeFileSync(destPath, this.rewrite(sourcePath), { mode: 0o600 });
    return destPath;
  }

  /** Listen (again, on the same port once it had one). */
  async up(): Promise<void> {
    if (this.listening) return;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.listening = true;
    this.port = (this.server.address() as AddressInfo).port;
    this.url = `https://127.0.0.1:${this.port}`;
  }

  /** The API goes away: open connections are cut, new ones refused (ECONNREFUSED) until up(). */
  async down(): Promise<void> {
    if (!this.listening) return;
    this.listening = false;
    const closed = new Promise<void>((r) => this.server.close(() => r()));
    this.cutAll();
    await closed;
  }

  /** An API server restart: down for `downMs`, then back on the same address. */
  async restart(downMs: number): Promise<void> {
    await this.down();
    await new Promise((r) => setTimeout(r, downMs));
    await this.up();
  }

  /** Destroy every open connection (both sides), as a reset would. */
  cutAll(): void {
    for (const r of this.inflight) r.destroy();
    for (const s of this.sockets) s.destroy();
    this.openWatches.clear();
  }

  delay(ms: number): void {
    this.delayMs = ms;
  }

  fail(rule: FailRule): void {
    this.rule = { ...rule, ...(rule.forMs !== undefined ? { until: Date.now() + rule.forMs } : {}) };
  }

  /** Open watches get `ERROR 410 Expired` (as when the watch cache has moved past them) and end. */
  expireWatches(): number {
    const n = this.openWatches.size;
    for (const [res, w] of this.openWatches) {
      w.upstream.destroy();
      res.end(goneEvent(w.rv));
    }
    this.openWatches.clear();
    return n;
  }

  /** The next `count` (matching) watches that resume from a resourceVersion get 200 + ERROR 410 at once. */
  goneOnWatch(count = 1, match?: (req: ProxiedRequest) => boolean): void {
    this.gone = { count, match };
  }

  /**
   * A hung API: every watch, open or new, keeps its connection (a new one gets its 200 head) but
   * nothing the API sends on it — no event, no bookmark — reaches the client, until
   * {@link thawWatches}. Lists and other requests still pass.
   */
  freezeWatches(): void {
    this.watchesFrozen = true;
    for (const w of this.openWatches.values()) w.frozen = true;
  }

  /** Watches flow again: the frozen ones are cut (what they dropped cannot be resent), new ones pass. */
  thawWatches(): void {
    this.watchesFrozen = false;
    for (const [res, w] of this.openWatches) {
      if (!w.frozen) continue;
      w.upstream.destroy();
      res.destroy();
      this.openWatches.delete(res);
    }
  }

  /** This bearer token stops being accepted (401), as an expired one is. */
  rejectToken(token: string): void {
    this.rejected.add(token);
  }

  acceptToken(token: string): void {
    this.rejected.delete(token);
  }

  /** Remove every fault (does not bring a downed proxy up). */
  clear(): void {
    this.thawWatches();
    this.delayMs = 0;
    this.rule = undefined;
    this.gone = undefined;
    this.rejected.clear();
  }

  get openWatchCount(): number {
    return this.openWatches.size;
  }

  async stop(): Promise<void> {
    await this.down();
    this.upstream.destroy();
  }

  private rewrite(sourcePath: string): string {
    const kc = new KubeConfig();
    kc.loadFromFile(sourcePath);
    const config = JSON.parse(kc.exportConfig()) as { clusters: { cluster: Record<string, unknown> }[] };
    for (const c of config.clusters) {
      c.cluster.server = this.url;
      c.cluster['certificate-authority-data'] = Buffer.from(this.caPem).toString('base64');
      delete c.cluster['certificate-authority'];
      delete c.cluster['insecure-skip-tls-verify'];
    }
    return JSON.stringify(config);
  }

  private activeRule(req: ProxiedRequest): FailRule | undefined {
    const rule = this.rule;
    if (!rule) return undefined;
    if ((rule.until !== undefined && Date.now() > rule.until) || rule.count === 0) {
      this.rule = undefined;
      return undefined;
    }
    if (rule.match && !rule.match(req)) return undefined;
    if (rule.count !== undefined) rule.count--;
    return rule;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'https://proxy');
    const watchParam = url.searchParams.get('watch');
    const record: ProxiedRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      path: url.pathname,
      query: url.searchParams,
      watch: watchParam === '1' || watchParam === 'true',
      authorization: req.headers.authorization,
      outcome: 'forwarded',
      at: Date.now(),
    };
    this.requests.push(record);
    if (this.requests.length > 10_000) this.requests.splice(0, 5000);
    const answer = (
      code: number,
      message: string,
      headers: http.OutgoingHttpHeaders = {},
      body?: Record<string, unknown>,
    ) => {
      req.resume();
      res.writeHead(code, { 'content-type': 'application/json', ...headers });
      res.end(body ? JSON.stringify(body) : statusBody(code, message));
    };
    const token = /^Bearer (.+)$/i.exec(record.authorization ?? '')?.[1];
    if (token && this.rejected.has(token)) {
      record.outcome = 'unauthorized';
      return answer(401, 'Unauthorized');
    }
    const rule = this.activeRule(record);
    if (rule) {
      record.outcome = 'failed';
      const headers =
        rule.retryAfterSeconds !== undefined ? { 'retry-after': String(rule.retryAfterSeconds) } : {};
      return answer(rule.status, rule.message ?? `chaos-proxy: injected ${rule.status}`, headers, rule.body);
    }
    const rv = url.searchParams.get('resourceVersion') ?? '';
    if (
      record.watch &&
      rv &&
      this.gone &&
      this.gone.count > 0 &&
      (!this.gone.match || this.gone.match(record))
    ) {
      this.gone.count--;
      record.outcome = 'gone';
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(goneEvent(rv));
      return;
    }
    if (this.delayMs > 0) setTimeout(() => this.forward(req, res, record, rv), this.delayMs);
    else this.forward(req, res, record, rv);
  }

  private forward(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    record: ProxiedRequest,
    rv: string,
  ): void {
    if (req.destroyed) return;
    const target = new URL(this.opts.target);
    const headers = { ...req.headers, host: target.host };
    const up = https.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers,
        agent: this.upstream,
      },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        let watch: OpenWatch | undefined;
        if (record.watch && upRes.statusCode === 200) {
          res.flushHeaders();
          watch = { rv, upstream: up, frozen: this.watchesFrozen };
          this.openWatches.set(res, watch);
          res.once('close', () => this.openWatches.delete(res));
        }
        upRes.on('data', (chunk: Buffer) => {
          if (!res.writableEnded && !watch?.frozen) res.write(chunk);
        });
        upRes.on('end', () => {
          if (watch?.frozen) return; // a hung API does not end its watches either: the client must give up
          this.openWatches.delete(res);
          if (!res.writableEnded) res.end();
        });
        upRes.on('error', () => res.destroy());
      },
    );
    this.inflight.add(up);
    up.once('close', () => this.inflight.delete(up));
    up.on('error', () => {
      if (!res.headersSent) {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(statusBody(503, 'chaos-proxy: upstream unreachable'));
      } else res.destroy();
    });
    res.once('close', () => {
      if (!res.writableFinished) up.destroy();
    });
    req.pipe(up);
  }
}
