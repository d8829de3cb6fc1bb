/**
 * Credential reload (issue 13 item 8), without a cluster: a kubeconfig file that changes is read
 * again; one caught half-written keeps the credentials that work (and is reported once); the
 * connections of the replaced credentials stop being reused.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ServerCredentials } from '../../src/kube/credentials.js';
import { loadKubeConfig, reloadSource } from '../../src/kube/kubeconfig.js';

const dir = mkdtempSync(join(tmpdir(), 'irc-creds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const kubeconfig = (server: string, token: string) => `apiVersion: v1
kind: Config
clusters: [{ name: c, cluster: { server: "${server}", insecure-skip-tls-verify: true } }]
users: [{ name: u, user: { token: "${token}" } }]
contexts: [{ name: ctx, context: { cluster: c, user: u } }]
current-context: ctx
`;

describe('server credentials', () => {
  it('reloads a changed kubeconfig, keeps the working one while the file is broken', async () => {
    const path = join(dir, 'kubeconfig');
    writeFileSync(path, kubeconfig('https://127.0.0.1:6443', 'first'));
    const source = { kubeconfigPath: path };
    const warnings: string[] = [];
    const log = { info: () => undefined, warn: (_o: object, msg: string) => warnings.push(msg) };
    const creds = await ServerCredentials.start(loadKubeConfig(source, {}), {
      source: reloadSource(source, {}),
      pollMs: 60_000,
      log,
    });
    try {
      const first = creds.current;
      await creds.check();
      expect(creds.current).toBe(first); // nothing changed: nothing reloaded

      writeFileSync(path, 'apiVersion: v1\nclusters: [{ name: c, cluster: {'); // half-written
      await creds.check();
      await creds.check();
      expect(creds.current).toBe(first);
      expect(warnings).toEqual(['cluster credentials changed but could not be loaded yet']);

      writeFileSync(path, kubeconfig('https://127.0.0.1:7443', 'second'));
      await creds.check();
      expect(creds.current.number).toBe(2);
      expect(creds.current.kc.getCurrentCluster()?.server).toBe('https://127.0.0.1:7443');
      expect(creds.current.kc.getCurrentUser()?.token).toBe('second');
      // the old generation's agents pool nothing any more; the new ones do
      for (const pool of Object.values(first.agents.server)) expect(pool.maxFreeSockets).toBe(0);
      expect(creds.current.agents.server.requests.maxFreeSockets).toBeGreaterThan(0);
    } finally {
      creds.stop();
    }
  });

  it('in a pod: the token and CA are read from the service-account dir, as data', async () => {
    const sa = join(dir, 'sa');
    rmSync(sa, { recursive: true, force: true });
    mkdirSync(sa);
    writeFileSync(join(sa, 'token'), 'pod-token\n');
    const env = {
      KUBERNETES_SERVICE_HOST: 'fd00::1',
      KUBERNETES_SERVICE_PORT: '443',
      SERVICE_ACCOUNT_DIR: sa,
    };
    const kc = loadKubeConfig({}, env);
    expect(kc.getCurrentCluster()?.server).toBe('https://[fd00::1]:443');
    expect(kc.getCurrentUser()?.token).toBe('pod-token');
    expect(reloadSource({}, env).files(kc)).toEqual([join(sa, 'token'), join(sa, 'ca.crt')]);
    expect(() => loadKubeConfig({}, { ...env, SERVICE_ACCOUNT_DIR: join(dir, 'none') })).toThrow(
      /no cluster configured/,
    );
  });
});
