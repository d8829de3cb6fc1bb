/**
 * Issue 13 item 8: credentials that change under a running server. The server process (built
 * from src/main.ts) is started once; then
 *  - standalone: the cluster is restarted on the same address, with a new CA and new tokens,
 *    and writes its kubeconfig over the old one (what `pnpm start`'s sandbox does on restart);
 *  - in a pod: the kubelet swaps the service-account token and CA files (an atomic `..data`
 *    symlink switch), first to another token, then to a restarted cluster's CA and token.
 * Without a restart the server must read and stream again, as the new identity.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '@irc/sandbox';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { spawnServer, type ServerProcess } from '../helpers/server-process.js';
import { until } from '../helpers/until.js';
import { openStream } from './harness.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const dir = mkdtempSync(join(tmpdir(), 'irc-rotate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const running: { sandboxes: Sandbox[]; servers: ServerProcess[] } = { sandboxes: [], servers: [] };
afterEach(async () => {
  for (const s of running.servers.splice(0)) await s.stop(5000);
  for (const s of running.sandboxes.splice(0)) await s.stop();
});

async function sandbox(port: number, kubeconfigPath: string | false): Promise<Sandbox> {
  const sb = await startSandbox({ port, timeScale: 0.02, kubeconfigPath, log: false });
  running.sandboxes.push(sb);
  return sb;
}

async function stopSandbox(sb: Sandbox): Promise<void> {
  running.sandboxes.splice(running.sandboxes.indexOf(sb), 1);
  await sb.stop();
}

const getJson = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json().catch(() => undefined)) as Record<string, unknown> };
};

/** The Config as the server reads it, once it reads it. */
const readsConfig = (server: ServerProcess, what: string) =>
  until(
    async () => {
      const r = await getJson(`${server.url}/api/v1/config`);
      return r.status === 200 ? r.body : undefined;
    },
    what,
    30_000,
    200,
  );

/** A stream that delivers a change made now on `sb` (a label on the Config). */
async function streamSeesChange(server: ServerProcess, sb: Sandbox, label: string): Promise<void> {
  const stream = openStream(`${server.url}/api/v1/stream`);
  try {
    await stream.ready;
    await until(
      async () => {
        try {
          sb.api('admin').patch(
            { group: 'imageregistry.operator.openshift.io', version: 'v1', resource: 'configs' },
            undefined,
            'cluster',
            'merge',
            { metadata: { labels: { rotation: label } } },
          );
        } catch {
          // not bootstrapped yet: the next round tries again
        }
        // as a change, or in a snapshot after the hub re-listed
        return stream.messages.some((m) => m.data.includes(`"rotation":"${label}"`));
      },
      `the stream to deliver the change "${label}"`,
      30_000,
      500,
    );
  } finally {
    stream.close();
  }
}

describe('credentials rotated under a running server', () => {
  it('standalone: the cluster restarts with a new CA and tokens and rewrites the kubeconfig', async () => {
    const kubeconfig = join(dir, 'kubeconfig');
    const first = await sandbox(0, kubeconfig);
    const server = await spawnServer(kubeconfig);
    running.servers.push(server);
    await readsConfig(server, 'the server to read the first cluster');
    await streamSeesChange(server, first, 'first');

    await stopSandbox(first);
    const second = await sandbox(first.port, kubeconfig);
    expect(second.caPem).not.toBe(first.caPem);
    expect(second.tokens.admin).not.toBe(first.tokens.admin);

    const restarted = Date.now();
    await readsConfig(server, 'the server to read the restarted cluster without a restart of its own');
    const reads = Date.now() - restarted;
    await streamSeesChange(server, second, 'second');
    console.log(
      `standalone rotation: reads again ${reads} ms and streams ${Date.now() - restarted} ms after the new cluster wrote its kubeconfig`,
    );
    expect(server.output.some((l) => l.includes('cluster credentials changed: reloaded'))).toBe(true);
  }, 120_000);

  it('in a pod: the service-account token and CA files are swapped by the kubelet', async () => {
    const saDir = join(dir, 'serviceaccount');
    mkdirSync(saDir);
    let version = 0;
    /** The kubelet's atomic update: a new timestamped dir, then `..data` re-pointed at it. */
    const project = (token: string, ca: string) => {
      const data = `..${++version}`;
      mkdirSync(join(saDir, data));
      writeFileSync(join(saDir, data, 'token'), token);
      writeFileSync(join(saDir, data, 'ca.crt'), ca);
      writeFileSync(join(saDir, data, 'namespace'), 'image-registry-console');
      symlinkSync(data, join(saDir, '..data_tmp'));
      renameSync(join(saDir, '..data_tmp'), join(saDir, '..data'));
      if (version === 1)
        for (const f of ['token', 'ca.crt', 'namespace']) symlinkSync(join('..data', f), join(saDir, f));
    };
    const first = await sandbox(0, false);
    project(first.tokens.admin, first.caPem ?? '');
    const env = {
      KUBECONFIG: '',
      KUBERNETES_SERVICE_HOST: '127.0.0.1',
      KUBERNETES_SERVICE_PORT: String(first.port),
      SERVICE_ACCOUNT_DIR: saDir,
    };
    const server = await spawnServer(undefined, env);
    running.servers.push(server);
    // Reading a Secret tells the identities apart: admin may, viewer may not.
    const secretRead = async () => (await fetch(`${server.url}/api/v1/storage/credentials`)).status;
    await until(
      async () => (await secretRead()) === 200,
      'the server to act as the first token (admin)',
      30_000,
      200,
    );

    // 1. The token rotates (here: to another identity, so that the switch shows).
    let at = Date.now();
    project(first.tokens.viewer, first.caPem ?? '');
    await until(
      async () => (await secretRead()) === 403,
      'the server to act as the new token (viewer)',
      30_000,
      200,
    );

    const tokenMs = Date.now() - at;

    // 2. The cluster is replaced: new CA, new tokens, same address.
    await stopSandbox(first);
    const second = await sandbox(first.port, false);
    at = Date.now();
    project(second.tokens.admin, second.caPem ?? '');
    await readsConfig(server, 'the server to read the new cluster with the new CA and token');
    const readsMs = Date.now() - at;
    await streamSeesChange(server, second, 'in-cluster');
    console.log(
      `in-cluster rotation: new token used after ${tokenMs} ms; new CA + token: reads after ${readsMs} ms, streams after ${Date.now() - at} ms`,
    );
  }, 120_000);
});
