import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { parseCli } from '../../src/options.js';
import { kubeconfigFor } from '../helpers/kubeconfig.js';
import { until } from '../helpers/until.js';

const run = promisify(execFile);
const UNREACHABLE = 'http://127.0.0.1:1';

/** A self-signed certificate for 127.0.0.1, as the service CA would mount it (tls.crt, tls.key). */
async function selfSigned(
  dir: string,
  name: string,
): Promise<{ cert: string; key: string; fingerprint: string }> {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-subj',
    `/CN=${name}`,
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  return { cert, key, fingerprint: new X509Certificate(readFileSync(cert)).fingerprint256 };
}

function get(
  port: number,
  path: string,
  ca: Buffer[],
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; fingerprint: string }> {
  return new Promise((resolve, reject) => {
    const req = https.get({ host: '127.0.0.1', port, path, ca, agent: false }, (res) => {
      const fingerprint = (res.socket as TLSSocket).getPeerX509Certificate()?.fingerprint256 ?? '';
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, fingerprint }));
    });
    req.on('error', reject);
  });
}

describe('HTTPS from TLS_CERT_FILE / TLS_KEY_FILE', () => {
  let dir: string;
  let app: FastifyInstance;
  let port: number;
  let first: Awaited<ReturnType<typeof selfSigned>>;
  let second: Awaited<ReturnType<typeof selfSigned>>;
  const logs: string[] = [];
  const served = () => ({ certFile: join(dir, 'tls.crt'), keyFile: join(dir, 'tls.key') });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'irc-tls-'));
    [first, second] = await Promise.all([selfSigned(dir, 'first'), selfSigned(dir, 'second')]);
    copyFileSync(first.cert, served().certFile);
    copyFileSync(first.key, served().keyFile);
    const logStream = new Writable({ write: (chunk: Buffer, _e, cb) => (logs.push(chunk.toString()), cb()) });
    app = await buildApp({
      kubeconfig: kubeconfigFor(UNREACHABLE),
      logLevel: 'info',
      logStream,
      watch: false,
      tls: { ...served(), reloadIntervalMs: 50 },
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const bothCAs = () => [readFileSync(first.cert), readFileSync(second.cert)];

  it('serves HTTPS with the given certificate, and refuses plain HTTP', async () => {
    const res = await get(port, '/healthz', [readFileSync(first.cert)]);
    expect(res.status).toBe(200);
    expect(res.fingerprint).toBe(first.fingerprint);
    const plain = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.status,
      () => 'refused',
    );
    expect(plain).not.toBe(200);
  });

  it('marks the CSRF cookie Secure over TLS', async () => {
    const res = await get(port, '/api/v1/me', [readFileSync(first.cert)]);
    const cookie = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('csrf-token='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/;\s*Secure/i);
  });

  it('keeps the old certificate when the files do not form a pair, then picks up the rotated one', async () => {
    copyFileSync(second.cert, served().certFile); // mid-rotation: new cert, old key
    await until(
      async () => logs.some((l) => l.includes('serving certificate not reloaded')),
      'the mismatched pair to be refused',
    );
    expect((await get(port, '/healthz', bothCAs())).fingerprint).toBe(first.fingerprint);

    copyFileSync(second.key, served().keyFile);
    await until(
      async () => (await get(port, '/healthz', bothCAs())).fingerprint === second.fingerprint,
      'the rotated certificate',
    );
    expect(logs.some((l) => l.includes('serving certificate reloaded'))).toBe(true);
  });
});

describe('TLS options', () => {
  it('reads flags or environment; the pair goes together; TLS implies a Secure cookie', () => {
    expect(parseCli(['--tls-cert-file', '/c', '--tls-key-file', '/k'], {})).toMatchObject({
      tls: { certFile: '/c', keyFile: '/k' },
      secureCookie: true,
    });
    expect(parseCli([], { TLS_CERT_FILE: '/c', TLS_KEY_FILE: '/k' })).toMatchObject({
      tls: { certFile: '/c', keyFile: '/k' },
      secureCookie: true,
    });
    expect(parseCli([], { TLS_CERT_FILE: '/c', TLS_KEY_FILE: '/k', SECURE_COOKIE: '0' }).secureCookie).toBe(
      false,
    );
    expect(parseCli([], {}).tls).toBeUndefined();
    expect(() => parseCli([], { TLS_CERT_FILE: '/c' })).toThrow(/go together/);
  });
});
