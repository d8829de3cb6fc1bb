/** The chaos proxy itself: it forwards faithfully, and each fault does what it says. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startSandbox } from '@irc/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChaosProxy } from '@irc/testkit';

const run = promisify(execFile);

describe('chaos proxy', () => {
  let dir: string;
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let proxy: ChaosProxy;
  let kubeconfig: string;

  const kubectl = (...args: string[]) =>
    run('kubectl', ['--kubeconfig', kubeconfig, '--context', 'admin', '--request-timeout=5s', ...args], {
      timeout: 15_000,
    });

  /** A raw GET through the proxy: status, Retry-After and body. */
  const get = (path: string, token: string) =>
    new Promise<{ status: number; retryAfter?: string; body: string }>((resolve, reject) => {
      const req = https.get(
        `${proxy.url}${path}`,
        { ca: proxy.caPem, agent: false, headers: { authorization: `Bearer ${token}` } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body }),
          );
        },
      );
      req.on('error', reject);
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'irc-chaos-it-'));
    sandbox = await startSandbox({
      port: 0,
      timeScale: 0.01,
      kubeconfigPath: join(dir, 'sandbox.kubeconfig'),
      log: false,
    });
    proxy = await ChaosProxy.start({ target: sandbox.url, targetCa: sandbox.caPem });
    kubeconfig = proxy.writeKubeconfig(join(dir, 'sandbox.kubeconfig'), join(dir, 'proxy.kubeconfig'));
  });

  afterAll(async () => {
    await proxy?.stop();
    await sandbox?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('forwards kubectl over TLS it terminates (the kubeconfig trusts the proxy CA)', async () => {
    const { stdout } = await kubectl(
      'get',
      'configs.imageregistry.operator.openshift.io',
      'cluster',
      '-o',
      'name',
    );
    expect(stdout.trim()).toBe('config.imageregistry.operator.openshift.io/cluster');
    expect(proxy.requests.some((r) => r.path.endsWith('/configs/cluster') && r.outcome === 'forwarded')).toBe(
      true,
    );
  });

  it('injects 429 with Retry-After for a count of requests, then forwards again', async () => {
    proxy.fail({ status: 429, retryAfterSeconds: 1, count: 1 });
    const first = await get('/api/v1/namespaces', sandbox.tokens.admin);
    expect(first.status).toBe(429);
    expect(first.retryAfter).toBe('1');
    expect(JSON.parse(first.body)).toMatchObject({ kind: 'Status', code: 429, reason: 'TooManyRequests' });
    expect((await get('/api/v1/namespaces', sandbox.tokens.admin)).status).toBe(200);
  });

  it('refuses connections while down and serves again on the same address once up', async () => {
    const url = proxy.url;
    await proxy.down();
    await expect(get('/api/v1/namespaces', sandbox.tokens.admin)).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    await proxy.up();
    expect(proxy.url).toBe(url);
    expect((await get('/api/v1/namespaces', sandbox.tokens.admin)).status).toBe(200);
  });

  it('answers 401 to a rejected token only', async () => {
    proxy.rejectToken(sandbox.tokens.viewer);
    expect(
      (await get('/api/v1/namespaces/openshift-image-registry/pods', sandbox.tokens.viewer)).status,
    ).toBe(401);
    expect((await get('/api/v1/namespaces/openshift-image-registry/pods', sandbox.tokens.admin)).status).toBe(
      200,
    );
    proxy.clear();
    expect(
      (await get('/api/v1/namespaces/openshift-image-registry/pods', sandbox.tokens.viewer)).status,
    ).toBe(200);
  });

  it('ends an open watch with ERROR 410, and answers a resumed watch with 410 when asked', async () => {
    const list = JSON.parse(
      (await get('/api/v1/namespaces/openshift-image-registry/pods', sandbox.tokens.admin)).body,
    ) as { metadata: { resourceVersion: string } };
    const rv = list.metadata.resourceVersion;
    const watched = get(
      `/api/v1/namespaces/openshift-image-registry/pods?watch=1&resourceVersion=${rv}`,
      sandbox.tokens.admin,
    );
    for (let i = 0; i < 100 && proxy.openWatchCount === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(proxy.expireWatches()).toBe(1);
    const ended = await watched;
    expect(ended.body.trim().split('\n').at(-1)).toContain('"code":410');
    proxy.goneOnWatch(1);
    const gone = await get(
      `/api/v1/namespaces/openshift-image-registry/pods?watch=1&resourceVersion=${rv}`,
      sandbox.tokens.admin,
    );
    expect(gone.status).toBe(200);
    expect(JSON.parse(gone.body)).toMatchObject({ type: 'ERROR', object: { code: 410, reason: 'Expired' } });
  });
});
