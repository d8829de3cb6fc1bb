import { beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/core/types.js';
import { eventually, PODS, REPLICASETS, DEPLOYMENTS, CONFIGMAPS } from './fixtures.js';
import { at, call, stream } from './http-client.js';
import { useTestSandbox } from '../cluster/harness.js';

const sb = useTestSandbox({ controllers: false });

async function canI(token: string, attrs: Record<string, string>): Promise<boolean> {
  const r = await call(sb, 'POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
    token,
    body: {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: attrs },
    },
  });
  expect(r.status).toBe(201);
  return at(r.json, 'status.allowed') === true;
}

describe('RBAC', () => {
  it('answers access reviews from the stored RBAC objects', async () => {
    const cfg = { group: 'imageregistry.operator.openshift.io', resource: 'configs', name: 'cluster' };
    expect(await canI(sb.tokens.admin, { ...cfg, verb: 'patch' })).toBe(true);
    expect(await canI(sb.tokens.viewer, { ...cfg, verb: 'patch' })).toBe(false);
    expect(await canI(sb.tokens.viewer, { ...cfg, verb: 'get' })).toBe(true);
    expect(await canI(sb.tokens.viewer, { resource: 'secrets', verb: 'get', namespace: 'default' })).toBe(
      false,
    );
    expect(
      await canI(sb.tokens.viewer, {
        resource: 'pods',
        subresource: 'log',
        verb: 'get',
        namespace: 'default',
      }),
    ).toBe(true);
    expect(await canI(sb.tokens.developer, { ...cfg, verb: 'get' })).toBe(false);
    expect(
      await canI(sb.tokens.developer, { resource: 'pods', verb: 'create', namespace: 'developer' }),
    ).toBe(true);
    expect(
      await canI(sb.tokens.developer, {
        resource: 'pods',
        verb: 'list',
        namespace: 'openshift-image-registry',
      }),
    ).toBe(false);
  });

  it('forbids with kube-apiserver wording, cluster-scoped and namespaced', async () => {
    const patch = await call(sb, 'PATCH', '/apis/imageregistry.operator.openshift.io/v1/configs/cluster', {
      token: sb.tokens.viewer,
      body: {},
      contentType: 'application/merge-patch+json',
    });
    expect(patch.status).toBe(403);
    expect(at(patch.json, 'message')).toBe(
      'configs.imageregistry.operator.openshift.io "cluster" is forbidden: User "viewer" cannot patch resource "configs" in API group "imageregistry.operator.openshift.io" at the cluster scope',
    );
    const list = await call(sb, 'GET', '/api/v1/namespaces/openshift-image-registry/secrets', {
      token: sb.tokens.viewer,
    });
    expect(at(list.json, 'message')).toBe(
      'secrets is forbidden: User "viewer" cannot list resource "secrets" in API group "" in the namespace "openshift-image-registry"',
    );
    const who = await call(sb, 'POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', {
      token: sb.tokens.developer,
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
    });
    expect(at(who.json, 'status.userInfo.username')).toBe('developer');
  });

  it('policy lives in real rbac.authorization.k8s.io objects', async () => {
    const r = await call(sb, 'GET', '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/sandbox:viewer');
    expect(at(r.json, 'roleRef.name')).toBe('sandbox:viewer');
    const control = await call(sb, 'GET', '/sandbox/v1/scenarios', { token: sb.tokens.viewer });
    expect(control.status).toBe(403);
    expect((await call(sb, 'GET', '/sandbox/v1/scenarios')).status).toBe(200);
    const unknown = await call(sb, 'POST', '/sandbox/v1/scenarios/nope');
    expect([unknown.status, at(unknown.json, 'message')]).toEqual([404, 'scenario "nope" not found']);
    expect((await call(sb, 'DELETE', '/sandbox/v1/scenarios')).status).toBe(200);
  });
});

const labels = { app: 'gc' };
function deployment(name: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'x:1' }] } },
    },
  };
}

describe('garbage collection', () => {
  function ownedChain(name: string): { deploy: KubeObject; rs: KubeObject; pod: KubeObject } {
    const api = sb.api();
    const deploy = api.create(DEPLOYMENTS, 'default', deployment(name)).object;
    const ref = (o: KubeObject) => [
      {
        apiVersion: o.apiVersion,
        kind: o.kind,
        name: o.metadata.name ?? '',
        uid: o.metadata.uid ?? '',
        controller: true,
        blockOwnerDeletion: true,
      },
    ];
    const rs = api.create(REPLICASETS, 'default', {
      ...deployment(`${name}-rs`),
      kind: 'ReplicaSet',
      metadata: { name: `${name}-rs`, ownerReferences: ref(deploy) },
    }).object;
    const pod = api.create(PODS, 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${name}-pod`, labels, ownerReferences: ref(rs) },
      spec: { containers: [{ name: 'c', image: 'x:1' }] },
    }).object;
    return { deploy, rs, pod };
  }
  const gone = (ref: typeof PODS, name: string) => () => {
    try {
      sb.api().get(ref, 'default', name);
      return false;
    } catch {
      return true;
    }
  };

  it('background: deleting a Deployment removes its ReplicaSets and their Pods', async () => {
    ownedChain('bg');
    await call(sb, 'DELETE', '/apis/apps/v1/namespaces/default/deployments/bg', {
      body: { propagationPolicy: 'Background' },
    });
    await eventually(gone(REPLICASETS, 'bg-rs'));
    await eventually(gone(PODS, 'bg-pod'));
  });

  it('foreground: the owner waits with a foregroundDeletion finalizer until dependents are gone', async () => {
    ownedChain('fg');
    const r = await call(
      sb,
      'DELETE',
      '/apis/apps/v1/namespaces/default/deployments/fg?propagationPolicy=Foreground',
    );
    // handlers/delete.go: 200 with the marked owner (202 only for orphanDependents=false)
    expect(r.status).toBe(200);
    expect(at(r.json, 'metadata.finalizers')).toEqual(['foregroundDeletion']);
    await eventually(gone(PODS, 'fg-pod'));
    await eventually(gone(DEPLOYMENTS, 'fg'));
  });

  it('orphan: dependents lose their owner reference and stay', async () => {
    ownedChain('or');
    await call(sb, 'DELETE', '/apis/apps/v1/namespaces/default/deployments/or?propagationPolicy=Orphan');
    await eventually(gone(DEPLOYMENTS, 'or'));
    const rs = sb.api().get(REPLICASETS, 'default', 'or-rs');
    expect(rs.metadata.ownerReferences).toBeUndefined();
  });

  it('a scheduled pod is deleted gracefully; gracePeriodSeconds=0 removes it at once', async () => {
    const api = sb.api();
    api.create(PODS, 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'graceful' },
      spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'x:1' }] },
    });
    const marked = (await call(sb, 'DELETE', '/api/v1/namespaces/default/pods/graceful')).json;
    expect(at(marked, 'metadata.deletionGracePeriodSeconds')).toBe(30);
    expect(at(marked, 'metadata.deletionTimestamp')).toBeDefined();
    expect(api.get(PODS, 'default', 'graceful').metadata.deletionTimestamp).toBeDefined();
    const now = await call(sb, 'DELETE', '/api/v1/namespaces/default/pods/graceful?gracePeriodSeconds=0');
    expect(now.status).toBe(200);
    expect(gone(PODS, 'graceful')()).toBe(true);
  });

  it('binds a pod to a node once (pods/binding and the bindings resource)', async () => {
    const api = sb.api();
    api.create(PODS, 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'tobind' },
      spec: { containers: [{ name: 'c', image: 'x:1' }] },
    });
    const r = await call(sb, 'POST', '/api/v1/namespaces/default/pods/tobind/binding', {
      body: {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name: 'tobind' },
        target: { kind: 'Node', name: 'node-a' },
      },
    });
    expect(r.status).toBe(201);
    expect((api.get(PODS, 'default', 'tobind').spec as { nodeName?: string }).nodeName).toBe('node-a');
    let err: unknown;
    try {
      api.create({ group: '', version: 'v1', resource: 'bindings' }, 'default', {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name: 'tobind' },
        target: { name: 'node-b' },
      });
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).toBe(
      'Operation cannot be fulfilled on pods/binding "tobind": pod tobind is already assigned to node "node-a"',
    );
  });

  it('deleting a namespace empties it, then removes it', async () => {
    const api = sb.api();
    api.create({ group: '', version: 'v1', resource: 'namespaces' }, undefined, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'doomed' },
    });
    api.create(CONFIGMAPS, 'doomed', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
    const r = await call(sb, 'DELETE', '/api/v1/namespaces/doomed');
    expect(at(r.json, 'status.phase')).toBe('Terminating');
    const refused = await call(sb, 'POST', '/api/v1/namespaces/doomed/configmaps', {
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'y' } },
    });
    expect(refused.status === 403 || refused.status === 404).toBe(true);
    await eventually(() =>
      api
        .list({ group: '', version: 'v1', resource: 'namespaces' }, undefined)
        .items.some((n) => n.metadata.name === 'doomed')
        ? undefined
        : true,
    );
  });
});

describe('pod logs', () => {
  const LOG = '/api/v1/namespaces/default/pods';
  beforeAll(() => {
    const api = sb.api();
    api.create(PODS, 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'reg' },
      spec: {
        nodeName: 'n',
        containers: [
          { name: 'registry', image: 'r' },
          { name: 'sidecar', image: 's' },
        ],
      },
    });
    const t0 = Date.now() - 60_000;
    for (let i = 1; i <= 5; i++)
      sb.logs.append('default', 'reg', 'registry', `line ${i}`, new Date(t0 + i * 10_000));
  });

  it('requires a container when the pod has several', async () => {
    const r = await call(sb, 'GET', `${LOG}/reg/log`);
    expect(r.status).toBe(400);
    expect(at(r.json, 'message')).toBe(
      'a container name must be specified for pod reg, choose one of: [registry sidecar]',
    );
  });

  it('tailLines, timestamps, sinceSeconds, limitBytes', async () => {
    expect((await call(sb, 'GET', `${LOG}/reg/log?container=registry&tailLines=2`)).text).toBe(
      'line 4\nline 5\n',
    );
    const ts = (await call(sb, 'GET', `${LOG}/reg/log?container=registry&tailLines=1&timestamps=true`)).text;
    expect(ts).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z line 5\n$/);
    expect((await call(sb, 'GET', `${LOG}/reg/log?container=registry&sinceSeconds=25`)).text).toBe(
      'line 4\nline 5\n',
    );
    expect((await call(sb, 'GET', `${LOG}/reg/log?container=registry&limitBytes=10`)).text).toBe(
      'line 1\nlin',
    );
  });

  it('previous: 400 when no terminated instance, the old log after a restart', async () => {
    const none = await call(sb, 'GET', `${LOG}/reg/log?container=registry&previous=true`);
    expect(at(none.json, 'message')).toBe('previous terminated container "registry" in pod "reg" not found');
    sb.logs.rotate('default', 'reg', 'registry');
    sb.logs.append('default', 'reg', 'registry', 'fresh start');
    expect((await call(sb, 'GET', `${LOG}/reg/log?container=registry&previous=true&tailLines=1`)).text).toBe(
      'line 5\n',
    );
    expect((await call(sb, 'GET', `${LOG}/reg/log?container=registry`)).text).toBe('fresh start\n');
  });

  it('follow ends when the container restarts (its log rotates)', async () => {
    const f = stream(sb, `${LOG}/reg/log?container=registry&follow=true&tailLines=0`);
    expect(await f.status).toBe(200);
    sb.logs.append('default', 'reg', 'registry', 'before restart');
    await f.waitFor(1);
    sb.logs.rotate('default', 'reg', 'registry');
    await f.ended;
    expect(f.lines).toEqual(['before restart']);
  });

  it('follow streams new lines and ends when the pod is deleted', async () => {
    const f = stream(sb, `${LOG}/reg/log?container=registry&follow=true&tailLines=0`);
    expect(await f.status).toBe(200);
    sb.logs.append('default', 'reg', 'registry', 'live 1');
    sb.logs.append('default', 'reg', 'registry', 'live 2');
    expect(await f.waitFor(2)).toEqual(['live 1', 'live 2']);
    sb.api().delete(PODS, 'default', 'reg', { gracePeriodSeconds: 0 });
    await f.ended;
  });
});
