/**
 * Prometheus metrics (one registry per app instance, so tests can run several apps).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { FastifyInstance } from 'fastify';

export class Metrics {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: 'irc_http_requests_total',
    help: 'HTTP requests by method, route and status code',
    labelNames: ['method', 'route', 'code'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'irc_http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly streamClients = new Gauge({
    name: 'irc_stream_clients',
    help: 'Connected event-stream (SSE) clients',
    registers: [this.registry],
  });
  readonly streamDropped = new Counter({
    name: 'irc_stream_clients_dropped_total',
    help: 'SSE clients dropped because they did not keep up',
    registers: [this.registry],
  });
  readonly watchRestarts = new Counter({
    name: 'irc_upstream_watch_restarts_total',
    help: 'Upstream watch restarts by kind and cause (drop, expired, error)',
    labelNames: ['kind', 'cause'] as const,
    registers: [this.registry],
  });
  readonly upstreamWatches = new Gauge({
    name: 'irc_upstream_watches',
    help: 'Open upstream watch connections (one per kind, whatever the number of clients)',
    registers: [this.registry],
  });
  readonly logStreams = new Gauge({
    name: 'irc_log_streams_active',
    help: 'Pod log relays currently open',
    registers: [this.registry],
  });
  readonly configPatches = new Counter({
    name: 'irc_config_patches_total',
    help: 'Config patches by outcome (applied, dry-run, conflict, invalid, error)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}

export function installRequestMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: request.method, route, code: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
}
