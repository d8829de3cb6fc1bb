/** The live lookups route-table requests need, answered through the harness's kubectl (admin). */
import type { Harness } from '../integration/harness.js';
import { until } from './until.js';
import type { RequestContext } from './route-table.js';

export function routeContext(h: Harness, caPem: string): RequestContext {
  let pod: { namespace: string; name: string } | undefined;
  return {
    caPem,
    configResourceVersion: async () =>
      h.kubectl(
        'get',
        'configs.imageregistry.operator.openshift.io',
        'cluster',
        '-o',
        'jsonpath={.metadata.resourceVersion}',
      ),
    // The operator's pod: the registry's pods are replaced whenever its configuration changes.
    registryPod: async () => {
      pod ??= await until(async () => {
        const name = await h.kubectl(
          'get',
          'pods',
          '-n',
          'openshift-image-registry',
          '-l',
          'name=cluster-image-registry-operator',
          '-o',
          'jsonpath={.items[0].metadata.name}',
        );
        return name ? { namespace: 'openshift-image-registry', name } : undefined;
      }, 'the operator pod');
      return pod;
    },
  };
}
