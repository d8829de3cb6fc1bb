/**
 * buildApp(options): the whole BFF as a Fastify instance — testable with `inject` and with a
 * real `listen`. Everything cluster-facing goes through `ClusterAccess` (src/kube/).
 */
import { API_PREFIX } from '@irc/shared';
import Fastify, { type FastifyInstance } from 'fastify';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { KubeConfig } from '@kubernetes/client-node';
import { ConfigGenerations } from './config/generations.js';
import { configRoutes } from './config/routes.js';
import { diagnosticsRoutes } from './diagnostics/routes.js';
import { ClusterAccess, type AuthMode } from './kube/access.js';
import type { ReloadSource } from './kube/credentials.js';
import { meRoutes } from './me/routes.js';
import { installErrorHandler } from './platform/errors.js';
import {
  DEFAULT_IDENTITY_LIMITS,
  IdentitySlots,
  type IdentityLimits,
} from './platform/per-identity-limits.js';
import { HostAllowList } from './platform/hosts.js';
import { healthRoutes } from './platform/health.js';
import { loggerOptions } from './platform/logging.js';
import { Metrics, installRequestMetrics } from './platform/metrics.js';
import { openApiRoute, registerOpenApi } from './platform/openapi.js';
import { registerPluginAssets } from './platform/plugin-assets.js';
import { registerSecurity } from './platform/security.js';
import { registerStatic } from './platform/static.js';
import { createServer, watchKeyPair, type TlsFiles } from './platform/tls.js';
import { podRoutes } from './pods/routes.js';
import { pullSecretRoutes } from './pullsecret/routes.js';
import { AccessReviewCache } from './access/access-review.js';
import { StreamFeed } from './hub/feed.js';
import { StreamHub } from './hub/hub.js';
import { streamRoutes, type StreamOptions } from './stream/routes.js';
import { publishingTimeline, timelineObserver } from './timeline/feed.js';
import { timelineRoutes } from './timeline/routes.js';
import type { Timeline } from './timeline/timeline.js';
import { storageRoutes } from './storage/routes.js';
import { trustRoutes } from './trust/routes.js';
import { migrationRoutes } from './migration/routes.js';
import { workloadRoutes } from './workloads/routes.js';
import { historyRoutes } from './history/routes.js';
import { PrometheusClient, monitoringFromEnv, type MonitoringSettings } from './history/prometheus.js';

export interface AppOptions {
  /** The server's kubeconfig (already loaded: see kube/kubeconfig.ts). */
  kubeconfig: KubeConfig;
  /** Where it came from: re-read when its files change (rotated tokens, a restarted cluster). */
  kubeconfigReload?: ReloadSource;
  /** kubeconfig: standalone, requests without a token act as the kubeconfig user. token: every request must carry a bearer token. */
  authMode?: AuthMode;
  /** Built web app to serve (apps/web/dist); absent → API only. */
  webDist?: string;
  /** Built console plugin (apps/console-plugin/dist), served under /plugin/ without authentication. */
  pluginDist?: string;
  /** pino level ('info'), or false for no logs. */
  logLevel?: string | false;
  /** Where log lines go (tests capture them); default stdout. */
  logStream?: NodeJS.WritableStream;
  /** Per-call Kubernetes timeout. */
  kubeTimeoutMs?: number;
  /** Mutations per identity per minute. */
  mutationsPerMinute?: number;
  bodyLimitBytes?: number;
  /** Start the watch hub (stream, timeline). Default true. */
  watch?: boolean;
  stream?: StreamOptions;
  /** Serve HTTPS with this certificate and key (reloaded when the files change). */
  tls?: TlsFiles;
  /** Mark the CSRF cookie Secure. Default: true when serving HTTPS ({@link tls}), else false. */
  secureCookie?: boolean;
  /**
   * Host names the console is served under besides the loopback names (ALLOWED_HOSTS syntax:
   * names, `*.domain`, `/regex/`; see platform/hosts.ts). Anything else is refused with 421.
   */
  allowedHosts?: readonly string[];
  /**
   * Addresses (IPs, CIDRs, `loopback`, `linklocal`, `uniquelocal`; comma-separated) of the
   * reverse proxies whose X-Forwarded-Host/-Proto/-For count. Absent: those headers are ignored.
   */
  trustProxy?: string;
  /** A watch without any event or bookmark for this long is stalled (default 150 s). */
  watchStallMs?: number;
  /** Per-identity caps on followed logs and event streams (platform/per-identity-limits.ts). */
  identityLimits?: Partial<IdentityLimits>;
  /**
   * Cluster monitoring to read history from (Prometheus HTTP API: a cluster's Thanos querier or
   * the sandbox's Prometheus). Default from PROMETHEUS_URL / in-cluster; false: none.
   */
  monitoring?: MonitoringSettings | false;
  /** How often monitoring scrapes (rate windows span a few scrapes). Default PROMETHEUS_SCRAPE_INTERVAL_SECONDS or 30. */
  monitoringScrapeSeconds?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    cluster: ClusterAccess;
    hub: StreamHub;
    /** Every message of the live stream, in order (the hub's and the timeline's). */
    feed: StreamFeed;
    timeline: Timeline;
    metrics: Metrics;
    accessReviews: AccessReviewCache;
    /** Cluster monitoring, when there is one (history/). */
    monitoring: PrometheusClient | undefined;
    monitoringScrapeSeconds: number;
    /** resourceVersion → generation of the Config versions seen (PATCH conflict detection). */
    configGenerations: ConfigGenerations;
    /** Enders of long-lived responses (event streams, followed logs), run on shutdown. */
    longLived: Set<() => void>;
    /** Open followed logs and event streams per identity (429 above the cap). */
    identitySlots: { followedLogs: IdentitySlots; streams: IdentitySlots };
  }
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logLevel === false ? false : loggerOptions(options.logLevel ?? 'info', options.logStream),
    bodyLimit: options.bodyLimitBytes ?? 256 * 1024,
    trustProxy: options.trustProxy || false,
    serverFactory: (handler) => createServer(handler, options.tls),
  })
    // TypeBox validates every part: bodies strictly ("2" is not a number, unknown sections are
    // errors, every bad field reported at once), query strings and params with conversion.
    .setValidatorCompiler(TypeBoxValidatorCompiler)
    .withTypeProvider<TypeBoxTypeProvider>();
  // Every body this API takes is JSON: Fastify's built-in text/plain parser would hand a string
  // to the schema (a confusing 422) instead of the 415 a wrong content type deserves.
  app.removeContentTypeParser('text/plain');

  const cluster = await ClusterAccess.create(options.kubeconfig, options.authMode ?? 'kubeconfig', {
    ...(options.kubeTimeoutMs !== undefined ? { timeoutMs: options.kubeTimeoutMs } : {}),
    ...(options.kubeconfigReload ? { reload: options.kubeconfigReload } : {}),
    log: app.log,
  });
  const metrics = new Metrics();
  // watch → hub → feed → SSE; hub → timeline → feed. Nothing flows back into the hub.
  const feed = new StreamFeed();
  const hub = new StreamHub({
    client: () => cluster.serverClient(),
    feed,
    metrics,
    ...(options.watchStallMs !== undefined ? { stallMs: options.watchStallMs } : {}),
  });
  const configGenerations = new ConfigGenerations();
  hub.observe(({ kind, type, object }) => {
    if (kind === 'Config' && type !== 'DELETED') configGenerations.observe(object);
  });
  const timeline = publishingTimeline(feed);
  hub.observe(timelineObserver(timeline));
  app.decorate('cluster', cluster);
  app.decorate('metrics', metrics);
  app.decorate('timeline', timeline);
  app.decorate('hub', hub);
  app.decorate('feed', feed);
  app.decorate('configGenerations', configGenerations);
  app.decorate('accessReviews', new AccessReviewCache());
  app.decorate('longLived', new Set<() => void>());
  const limits = { ...DEFAULT_IDENTITY_LIMITS, ...options.identityLimits };
  app.decorate('identitySlots', {
    followedLogs: new IdentitySlots(limits.followedLogs),
    streams: new IdentitySlots(limits.streams),
  });
  const monitoring = options.monitoring === false ? undefined : (options.monitoring ?? monitoringFromEnv());
  app.decorate('monitoring', monitoring ? new PrometheusClient(monitoring) : undefined);
  app.decorate(
    'monitoringScrapeSeconds',
    options.monitoringScrapeSeconds ?? (Number(process.env.PROMETHEUS_SCRAPE_INTERVAL_SECONDS) || 30),
  );

  installErrorHandler(app);
  installRequestMetrics(app, metrics);
  await registerSecurity(app, {
    mutationsPerMinute: options.mutationsPerMinute ?? 60,
    secureCookie: options.secureCookie ?? options.tls !== undefined,
    allowedHosts: new HostAllowList(options.allowedHosts),
  });
  await registerOpenApi(app);

  await app.register(healthRoutes);
  // Every route of the shared table (ApiRoutes), under the one prefix.
  await app.register(
    async (api) => {
      await api.register(configRoutes);
      await api.register(storageRoutes);
      await api.register(podRoutes);
      await api.register(streamRoutes(options.stream));
      await api.register(timelineRoutes);
      await api.register(diagnosticsRoutes);
      await api.register(meRoutes);
      await api.register(trustRoutes);
      await api.register(pullSecretRoutes);
      await api.register(migrationRoutes);
      await api.register(workloadRoutes);
      await api.register(historyRoutes);
    },
    { prefix: API_PREFIX },
  );
  openApiRoute(app);
  await registerPluginAssets(app, options.pluginDist);
  await registerStatic(app, options.webDist);

  if (options.watch !== false) app.addHook('onReady', async () => hub.start());
  // Streams never finish by themselves: end them first so close() only waits for real
  // in-flight requests (a PATCH being written completes before the process exits).
  // Keep-alive sockets that become idle after close() began would hold it for keepAliveTimeout:
  // answers sent while closing say `Connection: close`.
  let closing = false;
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  app.addHook('preClose', async () => {
    closing = true;
    for (const end of app.longLived) end();
    app.longLived.clear();
  });
  const stopTlsReload = options.tls ? watchKeyPair(app.server, options.tls, app.log) : () => undefined;
  app.addHook('onClose', async () => {
    stopTlsReload();
    hub.stop();
    cluster.close();
  });
  return app;
}
