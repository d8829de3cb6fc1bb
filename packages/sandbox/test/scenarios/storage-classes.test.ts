import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { KubeObject } from '../../src/core/types.js';
import { hasKubectl, kubectl, kubectlOk, useKubectlSandbox } from '../kubectl/kubectl.js';
import { R, events, rec, registryPods, registryReady, tryGet, waitFor } from './support.js';

/**
 * StorageClasses, PersistentVolumes and the PV controller as a cluster has them: the seeded
 * default class, claims bound through it (WaitForFirstConsumer: provisioned once the scheduler
 * picks the pod's node), and the two ways a claim stays Pending — a class that does not exist,
 * no class with no default — each with the controller's own events and the scheduler's
 * "pod has unbound immediate PersistentVolumeClaims". The same faults by hand with kubectl.
 */
const NS = 'openshift-image-registry';
const DEFAULT = 'storageclass.kubernetes.io/is-default-class';
const env = useKubectlSandbox();
beforeAll(() => registryReady(env.sb));
const k = (...args: string[]) => kubectlOk(env.kc, env.dir, args);

const claimEvents = (name: string) =>
  events(env.sb.api())
    .filter(
      (e) =>
        rec(e, 'involvedObject').kind === 'PersistentVolumeClaim' && rec(e, 'involvedObject').name === name,
    )
    .map((e) => `${String(e.type)} ${String(e.reason)} ${String(e.message)}`);
const failedScheduling = () =>
  events(env.sb.api())
    .filter((e) => e.reason === 'FailedScheduling')
    .map((e) => String(e.message));
const claim = (name: string): KubeObject | undefined => tryGet(env.sb.api(), R.pvcs, NS, name);
const phase = (name: string) => rec(claim(name), 'status').phase;

describe('storage classes and claims', () => {
  afterEach(async () => {
    await env.sb.scenarios.clear();
    await registryReady(env.sb);
  });

  test.skipIf(!hasKubectl)(
    'kubectl get storageclass: the seeded default class, printed as kubectl does',
    async () => {
      const out = await k('get', 'storageclass');
      const lines = out.trim().split('\n');
      expect(lines[0]).toMatch(
        /^NAME\s+PROVISIONER\s+RECLAIMPOLICY\s+VOLUMEBINDINGMODE\s+ALLOWVOLUMEEXPANSION\s+AGE$/,
      );
      expect(out).toMatch(
        /^gp3-csi \(default\)\s+ebs\.csi\.aws\.com\s+Delete\s+WaitForFirstConsumer\s+true\s+\S+$/m,
      );
      expect(out).toMatch(/^gp2-csi\s+ebs\.csi\.aws\.com\s+Delete\s+WaitForFirstConsumer\s+true\s+\S+$/m);
      expect(await k('get', 'sc', 'gp3-csi', '-o', 'jsonpath={.metadata.annotations}')).toContain(
        `"${DEFAULT}":"true"`,
      );
      // the provisioner of a class cannot change
      const r = await kubectl(env.kc, env.dir, [
        'patch',
        'sc',
        'gp2-csi',
        '-p',
        '{"provisioner":"other.example.com"}',
      ]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('provisioner: Forbidden: updates to provisioner are forbidden.');
    },
  );

  test('a claim naming no class gets the default one and binds once its pod is scheduled', async () => {
    const api = env.sb.api();
    api.create(R.pvcs, NS, {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: NS },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    });
    expect(rec(claim('data'), 'spec').storageClassName).toBe('gp3-csi');
    await waitFor('WaitForFirstConsumer', () =>
      claimEvents('data').includes(
        'Normal WaitForFirstConsumer waiting for first consumer to be created before binding',
      ),
    );
    expect(phase('data')).toBe('Pending');
    api.create(R.pods, NS, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'data-user', namespace: NS },
      spec: {
        containers: [{ name: 'c', image: 'registry.example.com/app:1' }],
        volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }],
      },
    });
    await waitFor('Bound', () => phase('data') === 'Bound');
    const bound = claim('data')!;
    const pvName = String(rec(bound, 'spec').volumeName);
    expect(pvName).toBe(`pvc-${bound.metadata.uid}`);
    const pod = api.get(R.pods, NS, 'data-user');
    expect(bound.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBeTruthy();
    await waitFor(
      'pod on the selected node',
      () =>
        rec(api.get(R.pods, NS, 'data-user'), 'spec').nodeName ===
        bound.metadata.annotations?.['volume.kubernetes.io/selected-node'],
    );
    expect(pod.metadata.name).toBe('data-user');
    const pv = api.get(R.pvs, undefined, pvName);
    expect(rec(pv, 'status').phase).toBe('Bound');
    expect(rec(pv, 'spec', 'claimRef')).toMatchObject({
      name: 'data',
      namespace: NS,
      uid: bound.metadata.uid,
    });
    expect(claimEvents('data')).toEqual(
      expect.arrayContaining([
        "Normal ExternalProvisioning Waiting for a volume to be created either by the external provisioner 'ebs.csi.aws.com' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
        `Normal Provisioning External provisioner is provisioning volume for claim "${NS}/data"`,
        `Normal ProvisioningSucceeded Successfully provisioned volume ${pvName}`,
      ]),
    );
    // the claim goes, its volume (reclaim policy Delete) with it
    api.delete(R.pods, NS, 'data-user', { gracePeriodSeconds: 0 });
    api.delete(R.pvcs, NS, 'data');
    await waitFor('volume deleted', () => !tryGet(api, R.pvs, undefined, pvName));
  });

  test('pvc-storageclass-missing: ProvisioningFailed, and the registry pod waits on the unbound claim', async () => {
    await env.sb.scenarios.activate('pvc-storageclass-missing');
    await waitFor('ProvisioningFailed', () =>
      claimEvents('registry-storage-fast').includes(
        'Warning ProvisioningFailed storageclass.storage.k8s.io "fast-rwx" not found',
      ),
    );
    expect(phase('registry-storage-fast')).toBe('Pending');
    await waitFor('FailedScheduling', () =>
      failedScheduling().includes(
        '0/6 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling..',
      ),
    );
  });

  test('pvc-no-default-storageclass: FailedBinding; marking a class default again binds the claim and the registry runs on it', async () => {
    await env.sb.scenarios.activate('pvc-no-default-storageclass');
    await waitFor('FailedBinding', () =>
      claimEvents('image-registry-storage').includes(
        'Normal FailedBinding no persistent volumes available for this claim and no storage class is set',
      ),
    );
    expect(rec(claim('image-registry-storage'), 'spec').storageClassName).toBeUndefined();
    await waitFor('FailedScheduling', () =>
      failedScheduling().some((m) => m.includes('pod has unbound immediate PersistentVolumeClaims')),
    );
    // the admin's fix: mark a class default — the class is assigned to the claim retroactively
    env.sb.api().patch(R.storageClasses, undefined, 'gp2-csi', 'merge', {
      metadata: { annotations: { [DEFAULT]: 'true' } },
    });
    await waitFor('Bound', () => phase('image-registry-storage') === 'Bound');
    expect(rec(claim('image-registry-storage'), 'spec').storageClassName).toBe('gp2-csi');
    await waitFor('registry pods on the claim', () =>
      registryPods(env.sb.api()).some(
        (p) =>
          rec(p, 'spec').nodeName &&
          JSON.stringify(rec(p, 'spec').volumes).includes('"claimName":"image-registry-storage"'),
      ),
    );
    env.sb.api().patch(R.storageClasses, undefined, 'gp2-csi', 'merge', {
      metadata: { annotations: { [DEFAULT]: null } },
    });
  });

  test.skipIf(!hasKubectl)(
    'the same by hand: the default annotation removed with kubectl, then a claim',
    async () => {
      await k('annotate', 'storageclass', 'gp3-csi', `${DEFAULT}-`);
      try {
        expect(await k('get', 'storageclass')).not.toContain('(default)');
        const r = await kubectl(
          env.kc,
          env.dir,
          ['apply', '-n', NS, '-f', '-'],
          JSON.stringify({
            apiVersion: 'v1',
            kind: 'PersistentVolumeClaim',
            metadata: { name: 'by-hand' },
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
          }),
        );
        expect(r.stderr).toBe('');
        await waitFor('FailedBinding', () =>
          claimEvents('by-hand').includes(
            'Normal FailedBinding no persistent volumes available for this claim and no storage class is set',
          ),
        );
        expect(await k('get', 'pvc', 'by-hand', '-n', NS, '--no-headers')).toMatch(
          /^by-hand\s+Pending\s+<unset>/,
        );
      } finally {
        await k('annotate', 'storageclass', 'gp3-csi', `${DEFAULT}=true`);
      }
      // the default is back: assigned to the claim that named none
      await waitFor('class assigned', () => rec(claim('by-hand'), 'spec').storageClassName === 'gp3-csi');
      await k('delete', 'pvc', 'by-hand', '-n', NS);
    },
  );
});
