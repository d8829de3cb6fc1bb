/**
 * The monitoring a cluster has, for the sandbox: the metrics endpoints of the cluster-version
 * operator, the image registry operator and the registry, fed by what the sandbox simulates,
 * in Prometheus text format — scraped by a real Prometheus (prometheus.ts) like a cluster's
 * ServiceMonitors are.
 */
import type { ApiClient } from '../core/types.js';
import type { SimWorld } from '../cluster/cloud.js';
import { clusterVersionOperatorMetrics, type MetricsCollector } from './cluster-version-operator.js';
import { imageRegistryOperatorMetrics } from './image-registry-operator.js';
import { imageRegistryMetrics } from './image-registry.js';

/** Where each component's metrics are served on the sandbox's API port, by scrape job name. */
export const METRICS_PATHS = {
  'cluster-version-operator': '/sandbox/v1/metrics/cluster-version-operator',
  'image-registry-operator': '/sandbox/v1/metrics/image-registry-operator',
  // the registry's own path (its ServiceMonitor scrapes https://…:5000/extensions/v2/metrics)
  'image-registry': '/extensions/v2/metrics',
} as const;

export type MetricsJob = keyof typeof METRICS_PATHS;

export interface SandboxMonitoring {
  collectors: Record<MetricsJob, MetricsCollector>;
  /** The query endpoint is down (scenario monitoring-unreachable): its front refuses connections. */
  queriesRefused(): boolean;
  stop(): void;
}

export function startMonitoring(api: ApiClient, world: SimWorld): SandboxMonitoring {
  const collectors: Record<MetricsJob, MetricsCollector> = {
    'cluster-version-operator': clusterVersionOperatorMetrics(api),
    'image-registry-operator': imageRegistryOperatorMetrics(api),
    'image-registry': imageRegistryMetrics(world),
  };
  return {
    collectors,
    queriesRefused: () => world.faults.monitoringUnreachable,
    stop: () => {
      for (const c of Object.values(collectors)) c.stop();
    },
  };
}
