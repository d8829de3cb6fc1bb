import { describe, expect, test } from 'vitest';
import { R, config, rec, registryReady, tryGet, useTestSandbox, waitFor } from '../cluster/harness.js';

const NS = 'openshift-image-registry';

describe('platform objects: Infrastructure, Proxy, PDB, NetworkPolicy', () => {
  const sb = useTestSandbox({ registryReady: true });

  test('infrastructures/cluster and proxies/cluster are seeded with status; the bucket is named after the infrastructure', () => {
    const api = sb.api();
    const infra = api.get(R.infrastructures, undefined, 'cluster');
    const status = rec(infra, 'status');
    expect(status.infrastructureName).toMatch(/^sandbox-[a-z0-9]{5}$/);
    expect(status.platformStatus).toEqual({ type: 'AWS', aws: { region: 'us-east-1' } });
    expect(api.get(R.proxies, undefined, 'cluster').metadata.name).toBe('cluster');
    const s3 = rec(config(api), 'spec', 'storage', 's3');
    expect(s3.region).toBe('us-east-1');
    expect(
      String(s3.bucket).startsWith(`${String(status.infrastructureName)}-image-registry-us-east-1`),
    ).toBe(true);
  });

  test('the registry PDB follows replicas (minAvailable 0 at 1, 1 above) with AlwaysAllow', async () => {
    const api = sb.api();
    const pdb = await waitFor('pdb', () => tryGet(api, R.pdbs, NS, 'image-registry'));
    expect(pdb.spec).toEqual({
      minAvailable: 1,
      selector: { matchLabels: { 'docker-registry': 'default' } },
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    });
    api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { replicas: 1 } });
    await waitFor(
      'minAvailable 0',
      () => rec(tryGet(api, R.pdbs, NS, 'image-registry'), 'spec').minAvailable === 0,
    );
    api.patch(R.configs, undefined, 'cluster', 'merge', { spec: { replicas: 2 } });
    await registryReady(sb, 2);
    expect(rec(api.get(R.pdbs, NS, 'image-registry'), 'spec').minAvailable).toBe(1);
  });

  test('the registry NetworkPolicy admits port 5000 to the registry pods', async () => {
    const np = await waitFor('netpol', () =>
      tryGet(sb.api(), R.networkPolicies, NS, 'image-registry-networkpolicy'),
    );
    expect(rec(np, 'spec').podSelector).toEqual({ matchLabels: { 'docker-registry': 'default' } });
    expect(rec(np, 'spec').ingress).toEqual([{ ports: [{ port: 5000, protocol: 'TCP' }] }]);
  });

  test('the cluster proxy status is the registry env fallback', async () => {
    const api = sb.api();
    api.patch(
      R.proxies,
      undefined,
      'cluster',
      'merge',
      { status: { httpProxy: 'http://proxy.example.com:3128', noProxy: '.cluster.local' } },
      { subresource: 'status' },
    );
    const env = () => {
      const d = api.get(R.deployments, NS, 'image-registry');
      const c = (
        rec(d, 'spec', 'template', 'spec').containers as Array<{
          env?: Array<{ name: string; value?: string }>;
        }>
      )[0];
      return Object.fromEntries((c?.env ?? []).map((e) => [e.name, e.value]));
    };
    await waitFor(
      'HTTP_PROXY from the cluster proxy',
      () => env().HTTP_PROXY === 'http://proxy.example.com:3128' && env().NO_PROXY === '.cluster.local',
    );
    api.patch(R.configs, undefined, 'cluster', 'merge', {
      spec: { proxy: { http: 'http://own.example.com:8080' } },
    });
    await waitFor('spec.proxy wins', () => env().HTTP_PROXY === 'http://own.example.com:8080');
  });

  test('a PDB with both minAvailable and maxUnavailable is refused', () => {
    const api = sb.api();
    const bad = {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'both' },
      spec: { minAvailable: 1, maxUnavailable: 1, selector: {} },
    };
    expect(() => api.create(R.pdbs, 'default', bad)).toThrow(
      /minAvailable and maxUnavailable cannot be both set/,
    );
  });
});

describe('disruption controller', () => {
  const sb = useTestSandbox({ registryReady: true });

  test('the registry PDB reports healthy pods and allowed disruptions; kubectl columns', async () => {
    const api = sb.api();
    await waitFor('pdb status', () => {
      const s = rec(tryGet(api, R.pdbs, NS, 'image-registry'), 'status');
      return (
        s.currentHealthy === 2 && s.desiredHealthy === 1 && s.expectedPods === 2 && s.disruptionsAllowed === 1
      );
    });
    const cond = (
      rec(api.get(R.pdbs, NS, 'image-registry'), 'status').conditions as Array<Record<string, unknown>>
    )[0];
    expect([cond?.type, cond?.status, cond?.reason]).toEqual(['DisruptionAllowed', 'True', 'SufficientPods']);
  });

  test('maxUnavailable as a percentage scales with the owning Deployment', async () => {
    const api = sb.api();
    api.create(R.pdbs, NS, {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'pct' },
      spec: { maxUnavailable: '50%', selector: { matchLabels: { 'docker-registry': 'default' } } },
    });
    await waitFor('pct status', () => {
      const s = rec(tryGet(api, R.pdbs, NS, 'pct'), 'status');
      return s.expectedPods === 2 && s.desiredHealthy === 1 && s.disruptionsAllowed === 1;
    });
  });
});
