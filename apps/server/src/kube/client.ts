/**
 * A Kubernetes client bound to ONE identity (the server's kubeconfig identity, or one user's
 * bearer token) and, for request-scoped clients, to the browser request's lifetime.
 *
 * Every call gets a fresh middleware array (client-node reverses a reused array in place),
 * the shared keep-alive agent, and an AbortSignal combining the per-call timeout with the
 * browser's disconnect.
 */
import http from 'node:http';
import https from 'node:https';
import {
  AppsV1Api,
  AuthenticationV1Api,
  AuthorizationV1Api,
  CoreV1Api,
  CustomObjectsApi,
  VersionApi,
  Observable,
  type ConfigurationOptions,
  type KubeConfig,
  type ObservableMiddleware,
  type RequestContext,
  type ResponseContext,
} from '@kubernetes/client-node';
import type { Pool, Pools } from './agents.js';
import { KubeError, kubeErrorFromStatus, parseRetryAfter, toKubeError } from './errors.js';

export interface CallOptions {
  timeoutMs?: number;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export type Identity = { kind: 'server' } | { kind: 'user' };

export interface StreamOptions {
  /** Which connection pool (agents.ts): `requests` unless the call holds its socket for long. */
  pool?: Pool;
  /**
   * The answer's head must arrive within this (default: the client's call timeout), else the
   * call fails with 504 and its socket is closed. `signal` alone does not bound it for calls
   * meant to last (a followed log): an API that accepts the connection and never answers would
   * hold the caller and a pooled socket for as long as it stays hung.
   */
  headersWithinMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

export class KubeClient {
  readonly core: CoreV1Api;
  readonly apps: AppsV1Api;
  readonly custom: CustomObjectsApi;
  readonly authz: AuthorizationV1Api;
  readonly authn: AuthenticationV1Api;
  readonly version: VersionApi;

  constructor(
    readonly kc: KubeConfig,
    private readonly pools: Pools,
    readonly identity: Identity,
    private readonly scope: { signal?: AbortSignal; timeoutMs?: number } = {},
  ) {
    this.core = kc.makeApiClient(CoreV1Api);
    this.apps = kc.makeApiClient(AppsV1Api);
    this.custom = kc.makeApiClient(CustomObjectsApi);
    this.authz = kc.makeApiClient(AuthorizationV1Api);
    this.authn = kc.makeApiClient(AuthenticationV1Api);
    this.version = kc.makeApiClient(VersionApi);
  }

  /** A client with the same identity, tied to another request's lifetime. */
  scoped(signal: AbortSignal | undefined): KubeClient {
    return new KubeClient(this.kc, this.pools, this.identity, { ...this.scope, signal });
  }

  /** Options for one call: build anew each time (see the module comment). */
  opts(call: CallOptions = {}): ConfigurationOptions<ObservableMiddleware> {
    const signal = this.signal(call);
    const agent = this.pools.requests;
    const headers = call.headers ?? {};
    // The object-parameter APIs run on the Observable layer: middleware returns Observables.
    const middleware: ObservableMiddleware = {
      pre: (ctx: RequestContext) => {
        ctx.setAgent(agent);
        ctx.setSignal(signal);
        for (const [k, v] of Object.entries(headers)) ctx.setHeaderParam(k, v);
        return new Observable(Promise.resolve(ctx));
      },
      post: (res: ResponseContext) => new Observable(Promise.resolve(res)),
    };
    return { middleware: [middleware], middlewareMergeStrategy: 'append' };
  }

  /** The per-call deadline when the call names none. */
  get timeoutMs(): number {
    return this.scope.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  signal(call: CallOptions = {}): AbortSignal {
    const signals = [AbortSignal.timeout(call.timeoutMs ?? this.timeoutMs)];
    if (this.scope.signal) signals.push(this.scope.signal);
    if (call.signal) signals.push(call.signal);
    return AbortSignal.any(signals);
  }

  /**
   * A direct streaming GET (pod logs, watches): client-node's `Log`/`Watch` ignore middleware
   * and lose the Status of non-200 answers. Resolves with the response once it is 2xx; rejects
   * with a KubeError carrying the parsed Status otherwise. `signal` ends the upstream request;
   * no answer head within `headersWithinMs` is a 504 (see {@link StreamOptions}).
   */
  async stream(
    path: string,
    query: Record<string, string | number | boolean | undefined>,
    signal: AbortSignal,
    options: StreamOptions = {},
  ): Promise<http.IncomingMessage> {
    const cluster = this.kc.getCurrentCluster();
    if (!cluster) throw new Error('no cluster');
    const url = new URL(cluster.server.replace(/\/$/, '') + path);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    const opts: https.RequestOptions = {};
    await this.kc.applyToHTTPSOptions(opts);
    const headers: http.OutgoingHttpHeaders = {
      ...(opts.headers as http.OutgoingHttpHeaders | undefined),
      accept: 'application/json, */*',
    };
    const transport = url.protocol === 'http:' ? http : https;
    const headersWithinMs = options.headersWithinMs ?? this.timeoutMs;
    return new Promise((resolve, reject) => {
      const req = transport.request(
        url,
        { method: 'GET', headers, agent: this.pools[options.pool ?? 'requests'], signal, auth: opts.auth },
        (res) => {
          clearTimeout(noAnswer);
          const code = res.statusCode ?? 500;
          if (code >= 200 && code < 300) return resolve(res);
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size <= 65536) chunks.push(c);
          });
          res.on('end', () => {
            const error = kubeErrorFromStatus(code, Buffer.concat(chunks).toString('utf8') || undefined);
            const retryAfter = parseRetryAfter(res.headers['retry-after']);
            if (retryAfter !== undefined) error.retryAfterSeconds = retryAfter;
            reject(error);
          });
          res.on('error', (e) => reject(toKubeError(e)));
        },
      );
      const noAnswer = setTimeout(() => {
        reject(
          new KubeError(
            504,
            'Timeout',
            `the cluster API did not answer within ${Math.round(headersWithinMs / 1000)} s; try again later`,
          ),
        );
        req.destroy();
      }, headersWithinMs);
      req.on('error', (e) => {
        clearTimeout(noAnswer);
        reject(toKubeError(e));
      });
      req.end();
    });
  }

  /** A plain-JSON GET (lists for the watch hub: plain objects, no model classes). */
  async getJson<T>(
    path: string,
    query: Record<string, string | number | boolean | undefined> = {},
    call: CallOptions = {},
  ): Promise<T> {
    const res = await this.stream(path, query, this.signal(call));
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as T;
  }
}
