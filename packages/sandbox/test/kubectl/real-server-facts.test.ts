import { describe, expect, it } from 'vitest';
import { hasKubectl, useKubectlSandbox } from './kubectl.js';

/**
 * kubectl 1.32's own view of the kube-apiserver facts the sandbox now imitates: a delete answered
 * with a Status body still prints `… deleted`, a server dry run says so, a namespace delete prints
 * as on a cluster, and `kubectl get co` shows OpenShift's MESSAGE column.
 */
const suite = hasKubectl ? describe : describe.skip;

const kube = useKubectlSandbox({ controllers: false });
const { sb, ok } = kube;

const CO = { group: 'config.openshift.io', version: 'v1', resource: 'clusteroperators' };

suite('kubectl and the real-server facts', () => {
  it('deletes answered with a Status body print "deleted"; a server dry run says so', async () => {
    await ok('create', 'secret', 'generic', 'doomed', '--from-literal=a=b');
    await ok('create', 'configmap', 'kept', '--from-literal=a=b');
    sb.api().create(
      { group: 'imageregistry.operator.openshift.io', version: 'v1', resource: 'imagepruners' },
      undefined,
      {
        apiVersion: 'imageregistry.operator.openshift.io/v1',
        kind: 'ImagePruner',
        metadata: { name: 'cluster' },
        spec: { schedule: '0 0 * * *' },
      },
    );
    expect(await ok('delete', 'secret', 'doomed')).toBe('secret "doomed" deleted\n');
    expect(await ok('delete', 'imagepruner', 'cluster')).toBe(
      'imagepruner.imageregistry.operator.openshift.io "cluster" deleted\n',
    );
    expect(await ok('delete', 'configmap', 'kept', '--dry-run=server')).toBe(
      'configmap "kept" deleted (server dry run)\n',
    );
    expect(await ok('get', 'configmap', 'kept', '-o', 'name')).toBe('configmap/kept\n');
  });

  it('a namespace delete prints "deleted" and the namespace shows Terminating', async () => {
    await ok('create', 'namespace', 'going');
    expect(await ok('delete', 'namespace', 'going', '--wait=false')).toBe('namespace "going" deleted\n');
  });

  it('kubectl get co shows the MESSAGE column', async () => {
    const co = sb.api().create(CO, undefined, {
      apiVersion: 'config.openshift.io/v1',
      kind: 'ClusterOperator',
      metadata: { name: 'image-registry' },
      spec: {},
    }).object;
    const at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    sb.api().update(
      CO,
      undefined,
      {
        ...co,
        status: {
          versions: [{ name: 'operator', version: '4.19.0' }],
          conditions: [
            { type: 'Available', status: 'True', reason: 'Ready', lastTransitionTime: at },
            {
              type: 'Progressing',
              status: 'True',
              reason: 'Rollout',
              message: 'Progressing: rolling out',
              lastTransitionTime: at,
            },
            { type: 'Degraded', status: 'False', reason: 'AsExpected', lastTransitionTime: at },
          ],
        },
      },
      { subresource: 'status' },
    );
    const out = await ok('get', 'co');
    expect(out).toMatch(/^NAME\s+VERSION\s+AVAILABLE\s+PROGRESSING\s+DEGRADED\s+SINCE\s+MESSAGE\n/);
    expect(out).toMatch(
      /\nimage-registry\s+4\.19\.0\s+True\s+True\s+False\s+\d+s\s+Progressing: rolling out\n/,
    );
  });
});
