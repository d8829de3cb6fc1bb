import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterAccess } from '../../src/kube/access.js';
import { FakeWatchServer } from '../helpers/fake-watch-server.js';
import { kubeconfigFor } from '../helpers/kubeconfig.js';

const authorizations = (raw: string[]) =>
  raw.filter((_, i) => i % 2 === 0 && raw[i]!.toLowerCase() === 'authorization').length;
const authValue = (raw: string[]) =>
  raw[raw.findIndex((v, i) => i % 2 === 0 && v.toLowerCase() === 'authorization') + 1];

describe('ClusterAccess', () => {
  let fake: FakeWatchServer;
  let access: ClusterAccess;
  beforeAll(async () => {
    fake = new FakeWatchServer();
    await fake.start();
    access = await ClusterAccess.create(kubeconfigFor(fake.url, 'server-secret-token'), 'kubeconfig');
  });
  afterAll(async () => {
    access.close();
    await fake.stop();
  });

  it('reuses one keep-alive connection across calls and across users', async () => {
    const before = fake.connections;
    const server = access.serverClient();
    for (let i = 0; i < 10; i++) await server.core.listNamespacedPod({ namespace: 'ns' }, server.opts());
    for (let i = 0; i < 10; i++) {
      const user = access.userClient(`user-${i}`);
      await user.core.listNamespacedPod({ namespace: 'ns' }, user.opts());
    }
    expect(fake.connections - before).toBe(1);
  });

  it('a user client sends the user token only, never the server credentials', async () => {
    fake.rawHeaders.length = 0;
    const user = access.userClient('alice-token');
    await user.core.listNamespacedPod({ namespace: 'ns' }, user.opts());
    await user.getJson('/api/v1/namespaces/ns/pods');
    expect(fake.rawHeaders).toHaveLength(2);
    for (const raw of fake.rawHeaders) {
      expect(authorizations(raw)).toBe(1);
      expect(authValue(raw)).toBe('Bearer alice-token');
      expect(raw.join(' ')).not.toContain('server-secret-token');
    }
  });

  it('forRequest: token → user; none → server in kubeconfig mode, 401 in token mode', async () => {
    expect(access.forRequest('t').identity.kind).toBe('user');
    expect(access.forRequest(undefined).identity.kind).toBe('server');
    const tokenMode = await ClusterAccess.create(kubeconfigFor(fake.url), 'token');
    expect(() => tokenMode.forRequest(undefined)).toThrow(/Bearer/);
    tokenMode.close();
  });

  it('aborts a call when the request scope is aborted', async () => {
    const controller = new AbortController();
    const user = access.userClient('t', controller.signal);
    controller.abort();
    await expect(user.core.listNamespacedPod({ namespace: 'ns' }, user.opts())).rejects.toThrow();
  });
});
