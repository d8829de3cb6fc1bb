/**
 * Issue 13 item 6: a save that writes two objects — the trusted-CA save writes the ConfigMap in
 * openshift-config, then references it from images.config.openshift.io/cluster — leaves no half
 * of its change behind: every write is checked as the caller first (a user allowed the first and
 * not the second changes nothing), a later write that fails anyway undoes the first, and the
 * timeline records what was actually written.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErrorBody, TimelineResponse } from '@irc/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { ChaosProxy } from '@irc/testkit';
import { makeCertificates } from '../helpers/trust-certs.js';
import type { Harness } from './harness.js';
import { registryHarness } from './registry.js';

const certs = makeCertificates();
const REGISTRY = 'split.registry.example:5000';
const KEY = 'split.registry.example..5000';

/** `developer` may write ConfigMaps in openshift-config and read — not patch — the image config. */
async function grantConfigMapsOnly(h: Harness): Promise<void> {
  const rbac = {
    apiVersion: 'v1',
    kind: 'List',
    items: [
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: 'trust-configmaps-writer', namespace: 'openshift-config' },
        rules: [
          {
            apiGroups: [''],
            resources: ['configmaps'],
            verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
          },
        ],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'trust-configmaps-writer', namespace: 'openshift-config' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'trust-configmaps-writer' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'developer' }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'image-config-reader' },
        rules: [
          { apiGroups: ['config.openshift.io'], resources: ['images'], verbs: ['get', 'list', 'watch'] },
        ],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'image-config-reader-developer' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'image-config-reader' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'developer' }],
      },
    ],
  };
  const file = join(tmpdir(), `irc-split-rbac-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(rbac));
  await h.kubectl('apply', '-f', file);
}

describe('a refused multi-object save leaves nothing half done (trusted CAs)', () => {
  const h = registryHarness({ mutationsPerMinute: 1_000_000 }, grantConfigMapsOnly);

  const configMap = async (): Promise<{ data?: Record<string, string> } | undefined> => {
    try {
      return JSON.parse(
        await h.kubectl('get', 'configmap', 'registry-cas', '-n', 'openshift-config', '-o', 'json'),
      ) as { data?: Record<string, string> };
    } catch {
      return undefined;
    }
  };
  const createConfigMap = (literal: string) =>
    h.kubectl('create', 'configmap', 'registry-cas', '-n', 'openshift-config', `--from-literal=${literal}`);
  const reference = async () =>
    h.kubectl(
      'get',
      'images.config.openshift.io',
      'cluster',
      '-o',
      'jsonpath={.spec.additionalTrustedCA.name}',
    );
  const trustChanges = async (baseUrl = h.baseUrl) =>
    (
      (await (
        await h.fetch(`${baseUrl}/api/v1/timeline?type=change`, { token: h.tokens.admin })
      ).json()) as TimelineResponse
    ).entries.filter((e) => e.object.kind === 'ConfigMap');
  const put = (baseUrl: string, token: string) =>
    h.fetch(`${baseUrl}/api/v1/trust/${REGISTRY}`, {
      method: 'PUT',
      token,
      body: JSON.stringify({ pem: certs.ca }),
    });

  it('the split of rights is real: the API lets developer create the ConfigMap and refuses the image config patch', async () => {
    const can = (verb: string, resource: string, ...extra: string[]) =>
      h
        .kubectl('auth', 'can-i', verb, resource, '--as', 'developer', ...extra)
        .then((out) => out.trim())
        .catch((err: { stdout?: string }) => (err.stdout ?? '').trim());
    expect(await can('create', 'configmaps', '-n', 'openshift-config')).toBe('yes');
    expect(await can('patch', 'images.config.openshift.io/cluster')).toBe('no');
  });

  it('a user who may write the ConfigMap but not patch the image config gets 403 and nothing is written', async () => {
    expect(await reference()).toBe('');
    expect(await configMap()).toBeUndefined();
    const res = await put(h.baseUrl, h.tokens.developer);
    const body = (await res.json()) as ErrorBody;
    expect(res.status).toBe(403);
    expect(body.message).toContain('nothing was changed');
    expect(body.message).toContain('images.config.openshift.io/cluster');
    expect(await configMap()).toBeUndefined();
    expect(await reference()).toBe('');
    expect(await trustChanges()).toEqual([]);

    // Same with the ConfigMap already there (unreferenced, another registry's CA in it).
    await createConfigMap('other..5000=x');
    const again = await put(h.baseUrl, h.tokens.developer);
    expect(again.status).toBe(403);
    expect((await configMap())?.data).toEqual({ 'other..5000': 'x' });
    expect(await trustChanges()).toEqual([]);
    await h.kubectl('delete', 'configmap', 'registry-cas', '-n', 'openshift-config');
  });

  describe('a later write that fails anyway (checked and allowed, then a race or an outage)', () => {
    let proxy: ChaosProxy | undefined;
    let baseUrl = '';
    const proxied = async () => {
      if (!proxy) {
        proxy = await ChaosProxy.start({ target: h.sandbox.url, targetCa: h.sandbox.caPem });
        baseUrl = (
          await h.startServer({
            kubeconfig: proxy.kubeConfig(h.kubeconfigPath, 'admin'),
            watch: false,
            mutationsPerMinute: 1_000_000,
          })
        ).baseUrl;
      }
      return proxy;
    };
    afterAll(async () => proxy?.stop());
    const imagePatch = (r: { method: string; path: string }) =>
      r.method === 'PATCH' && r.path.endsWith('/images/cluster');

    it('undoes a ConfigMap it created', async () => {
      const p = await proxied();
      p.fail({ status: 500, count: 1, match: imagePatch });
      const res = await put(baseUrl, h.tokens.admin);
      expect(res.status).toBe(500);
      expect(((await res.json()) as ErrorBody).message).toContain('nothing was changed');
      expect(await configMap()).toBeUndefined();
      expect(await reference()).toBe('');
      expect(await trustChanges(baseUrl)).toEqual([]);
    });

    it('restores the value a ConfigMap key had', async () => {
      const p = await proxied();
      await createConfigMap(`${KEY}=old`);
      p.fail({ status: 500, count: 1, match: imagePatch });
      expect((await put(baseUrl, h.tokens.admin)).status).toBe(500);
      expect((await configMap())?.data).toEqual({ [KEY]: 'old' });
      expect(await reference()).toBe('');
      await h.kubectl('delete', 'configmap', 'registry-cas', '-n', 'openshift-config');
    });

    it('when the undo fails too, says what stayed, and the timeline records what was written', async () => {
      const p = await proxied();
      p.fail({
        status: 500,
        count: 2,
        match: (r) => imagePatch(r) || (r.method === 'DELETE' && r.path.includes('/configmaps/registry-cas')),
      });
      const res = await put(baseUrl, h.tokens.admin);
      expect(res.status).toBe(500);
      expect(((await res.json()) as ErrorBody).message).toContain(
        'the CA was stored in ConfigMap openshift-config/registry-cas',
      );
      expect(Object.keys((await configMap())?.data ?? {})).toEqual([KEY]);
      const entries = await trustChanges(baseUrl);
      expect(entries).toHaveLength(1);
      expect(entries[0]?.type === 'change' && entries[0].change.summary).toBe(
        `set the CA of ${REGISTRY}; created the ConfigMap; could not set images.config.openshift.io/cluster spec.additionalTrustedCA, nor undo the ConfigMap write`,
      );
    });
  });
});
