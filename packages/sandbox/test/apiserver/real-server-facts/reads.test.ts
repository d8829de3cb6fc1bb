/**
 * kube-apiserver-facts.md, "Reads, tables, discovery": paging metadata, the ClusterOperator
 * table (OpenShift's kube-apiserver adds a Message column), the List schemas OpenAPI v3 publishes
 * for a CRD's kinds, /version.
 */
import { describe, expect, it } from 'vitest';
import { SYSTEM_ADMIN } from '../../../src/apiserver/api-server.js';
import { startServiceAccountsController } from '../../../src/cluster/serviceaccounts-controller.js';
import { eventually } from '../fixtures.js';
import { call } from '../http-client.js';
import { CMS, GROUP, useSandbox } from './support.js';

const sandbox = useSandbox();
const TABLE = 'application/json;as=Table;g=meta.k8s.io;v=v1';
const COS = '/apis/config.openshift.io/v1/clusteroperators';

interface Table {
  kind: string;
  columnDefinitions: Array<{ name: string; type: string; priority: number; description: string }>;
  rows: Array<{ cells: unknown[] }>;
}

const condition = (type: string, status: string, reason: string, message = '') => ({
  type,
  status,
  reason,
  ...(message ? { message } : {}),
  lastTransitionTime: new Date(Date.now() - 120_000).toISOString().replace(/\.\d+Z$/, 'Z'),
});

async function clusterOperator(name: string, conditions: object[]): Promise<void> {
  const api = sandbox().api();
  const ref = { group: 'config.openshift.io', version: 'v1', resource: 'clusteroperators' };
  const co = api.create(ref, undefined, {
    apiVersion: 'config.openshift.io/v1',
    kind: 'ClusterOperator',
    metadata: { name },
    spec: {},
  }).object;
  api.update(
    ref,
    undefined,
    { ...co, status: { conditions, versions: [{ name: 'operator', version: '4.19.0' }] } },
    { subresource: 'status' },
  );
}

describe('kube-apiserver facts: reads, tables, discovery', () => {
  it('fact: a list with limit sets metadata.continue and leaves remainingItemCount out', async () => {
    for (const n of ['page-a', 'page-b', 'page-c'])
      await call(sandbox(), 'POST', CMS, {
        body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: n } },
      });
    const r = await call(sandbox(), 'GET', `${CMS}?limit=2`);
    const meta = (r.json as { metadata: Record<string, unknown> }).metadata;
    expect(typeof meta.continue).toBe('string');
    expect(meta).not.toHaveProperty('remainingItemCount');
    expect(Object.keys(meta).sort()).toEqual(['continue', 'resourceVersion']);
  });

  it('fact: the ClusterOperator table has Name, Version, Available, Progressing, Degraded, Since and Message', async () => {
    await clusterOperator('healthy', [
      condition('Available', 'True', 'Ready', 'Available: the registry is ready'),
      condition('Progressing', 'False', 'Ready', 'Progressing: the registry is ready'),
      condition('Degraded', 'False', 'AsExpected'),
    ]);
    await clusterOperator('degraded', [
      condition('Available', 'True', 'Ready'),
      condition('Progressing', 'True', 'Rollout', 'Progressing: rolling out'),
      condition('Degraded', 'True', 'Unavailable', 'Degraded: the deployment has 0 available replicas'),
    ]);
    await clusterOperator('progressing', [
      condition('Available', 'True', 'Ready'),
      condition('Progressing', 'True', 'DeploymentNotCompleted'),
      condition('Degraded', 'False', 'AsExpected'),
    ]);
    await clusterOperator('down', [
      condition('Available', 'False', 'NoReplicasAvailable', 'Available: no replicas are available'),
      condition('Progressing', 'True', 'Rollout', 'Progressing: rolling out'),
      condition('Degraded', 'True', 'Unavailable', 'Degraded: 0 replicas'),
    ]);
    const t = (await call(sandbox(), 'GET', COS, { accept: TABLE })).json as Table;
    expect(t.kind).toBe('Table');
    expect(t.columnDefinitions.map((c) => c.name)).toEqual([
      'Name',
      'Version',
      'Available',
      'Progressing',
      'Degraded',
      'Since',
      'Message',
    ]);
    expect(t.columnDefinitions[6]).toEqual({
      name: 'Message',
      type: 'string',
      format: '',
      description: 'A message describing the status of the operator',
      priority: 0,
    });
    const rows = Object.fromEntries(t.rows.map((r) => [r.cells[0], r.cells]));
    expect(rows.healthy).toEqual([
      'healthy',
      '4.19.0',
      'True',
      'False',
      'False',
      expect.stringMatching(/^\d+m$/),
      null,
    ]);
    // the most critical condition's message: Available=False, else Degraded=True, else Progressing=True
    expect(rows.degraded?.[6]).toBe('Degraded: the deployment has 0 available replicas');
    expect(rows.progressing?.[6]).toBe('DeploymentNotCompleted'); // no message: its reason
    expect(rows.down?.[6]).toBe('Available: no replicas are available');
  });

  it('fact: OpenAPI v3 of imageregistry.operator.openshift.io/v1 publishes the List schema of each kind', async () => {
    const doc = (await call(sandbox(), 'GET', `/openapi/v3/apis/${GROUP}/v1`)).json as {
      components: { schemas: Record<string, Record<string, unknown>> };
    };
    const names = Object.keys(doc.components.schemas);
    for (const n of ['Config', 'ConfigList', 'ImagePruner', 'ImagePrunerList'])
      expect(names).toContain(`io.openshift.operator.imageregistry.v1.${n}`);
    const list = doc.components.schemas['io.openshift.operator.imageregistry.v1.ConfigList'];
    expect(list).toMatchObject({
      type: 'object',
      required: ['items'],
      properties: {
        items: {
          type: 'array',
          items: { $ref: '#/components/schemas/io.openshift.operator.imageregistry.v1.Config' },
        },
        metadata: { allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta' }] },
      },
      'x-kubernetes-group-version-kind': [{ group: GROUP, kind: 'ConfigList', version: 'v1' }],
    });
    expect(names).toContain('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta');
  });

  it('fact: /version is a v1.32 server', async () => {
    const v = (await call(sandbox(), 'GET', '/version', { token: null })).json as Record<string, string>;
    expect(v).toMatchObject({ major: '1', minor: '32', gitVersion: expect.stringMatching(/^v1\.32\.\d+/) });
  });

  it('fact: a new namespace gets a `default` ServiceAccount (the controller manager’s serviceaccount controller)', async () => {
    const sb = sandbox();
    const stop = startServiceAccountsController({
      api: (u) => sb.apiServer.client(u ?? SYSTEM_ADMIN),
      logs: sb.logs,
      clock: sb.clock,
    });
    try {
      await call(sb, 'POST', '/api/v1/namespaces', {
        body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'fresh' } },
      });
      const SAS = { group: '', version: 'v1', resource: 'serviceaccounts' };
      const first = await eventually(() => sb.api().get(SAS, 'fresh', 'default'));
      expect((await call(sb, 'DELETE', '/api/v1/namespaces/fresh/serviceaccounts/default')).status).toBe(200);
      const again = await eventually(() => sb.api().get(SAS, 'fresh', 'default'));
      expect(again.metadata.uid).not.toBe(first.metadata.uid);
    } finally {
      stop();
    }
  });
});
