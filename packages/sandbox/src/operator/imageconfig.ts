import { R } from '../core/refs.js';
import { errorMessage, rec, stableStringify, tryGet } from '../core/objects.js';
import type { CondSpec } from './conditions.js';
import type { OperatorEnv } from './context.js';
import { INTERNAL_HOSTNAME, NS } from './defaults.js';
import { admittedHosts } from './resources/routes.js';

/**
 * ImageConfigController: publishes the registry's hostnames in
 * `images.config.openshift.io/cluster` status — the internal service name (empty when the
 * registry is Removed) and the admitted route hosts (default route first, others sorted).
 */
export function syncImageConfig(env: OperatorEnv, removed: boolean): CondSpec[] {
  const { api } = env;
  try {
    const image = tryGet(api, R.imageConfigs, undefined, 'cluster');
    if (!image)
      return [{ type: 'ImageConfigControllerDegraded', status: 'False', reason: 'AsExpected', message: '' }];
    let routes: ReturnType<typeof api.list>['items'] = [];
    try {
      routes = api.list(R.routes, NS).items;
    } catch {
      routes = [];
    }
    const external = removed ? [] : admittedHosts(routes);
    const status = rec(image, 'status');
    const next: Record<string, unknown> = {
      ...status,
      internalRegistryHostname: removed ? '' : INTERNAL_HOSTNAME,
      externalRegistryHostnames: external.length ? external : null,
    };
    if (
      stableStringify({ ...next, externalRegistryHostnames: next.externalRegistryHostnames ?? undefined }) !==
      stableStringify(status)
    ) {
      api.patch(R.imageConfigs, undefined, 'cluster', 'merge', { status: next }, { subresource: 'status' });
    }
    return [{ type: 'ImageConfigControllerDegraded', status: 'False', reason: 'AsExpected', message: '' }];
  } catch (e) {
    env.log.error(
      'imageconfig.go:180',
      `ImageConfigController: unable to sync: ${errorMessage(e)}, requeuing`,
    );
    return [
      { type: 'ImageConfigControllerDegraded', status: 'True', reason: 'Error', message: errorMessage(e) },
    ];
  }
}
