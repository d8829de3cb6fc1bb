import { ScaledClock } from '../../src/core/clock.js';
import type { CustomResourceDefinition } from '../../src/validation/index.js';
import { ApiServer } from '../../src/apiserver/api-server.js';

/** A small cluster-scoped CRD with a status subresource, standing in for the real ones in tests. */
export function widgetCrd(): CustomResourceDefinition {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.sandbox.io' },
    spec: {
      group: 'example.sandbox.io',
      names: {
        plural: 'widgets',
        singular: 'widget',
        kind: 'Widget',
        listKind: 'WidgetList',
        shortNames: ['wd'],
      },
      scope: 'Cluster',
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: { type: 'object', properties: { size: { type: 'integer' } } },
                status: { type: 'object', properties: { ready: { type: 'boolean' } } },
              },
            },
          },
          subresources: { status: {} },
          additionalPrinterColumns: [{ name: 'Size', type: 'integer', jsonPath: '.spec.size' }],
        },
      ],
    },
  };
}

export const WIDGETS = { group: 'example.sandbox.io', version: 'v1', resource: 'widgets' };
export const CONFIGMAPS = { group: '', version: 'v1', resource: 'configmaps' };
export const PODS = { group: '', version: 'v1', resource: 'pods' };
export const DEPLOYMENTS = { group: 'apps', version: 'v1', resource: 'deployments' };
export const REPLICASETS = { group: 'apps', version: 'v1', resource: 'replicasets' };

/** An API server with the test CRD; `watchCacheSize` fixes every resource's watch window to that many events. */
export function newApiServer(watchCacheSize?: number): ApiServer {
  return new ApiServer({
    clock: new ScaledClock(0.01),
    watchCache: watchCacheSize ? { size: watchCacheSize, maxSize: watchCacheSize } : undefined,
    crds: [widgetCrd()],
  });
}

/** Polls until `fn` holds; the deadline is generous because CI machines are small and shared. */
export async function eventually<T>(fn: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      const v = fn();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      if (Date.now() - start > timeoutMs) throw e;
    }
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
