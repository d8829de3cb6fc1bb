/**
 * HTTPS with the serving certificate from files (in the pod: the service CA's secret mounted at
 * /var/serving-cert). The service CA rotates that certificate before it expires and the kubelet
 * swaps the mounted files in place (atomic symlink switch): the server polls the files and
 * swaps the TLS context of the running listener, so no restart is needed. Existing
 * connections keep the certificate they negotiated; new handshakes get the new one.
 */
import { watchFile, unwatchFile, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { createSecureContext } from 'node:tls';

export interface TlsFiles {
  certFile: string;
  keyFile: string;
  /** How often the files are checked for a new certificate (ms). Default 30 s. */
  reloadIntervalMs?: number;
}

export interface KeyPair {
  cert: Buffer;
  key: Buffer;
}

/** Reads and checks the pair (a key that does not match the certificate throws). */
export function readKeyPair(files: TlsFiles): KeyPair {
  const pair = { cert: readFileSync(files.certFile), key: readFileSync(files.keyFile) };
  createSecureContext(pair);
  return pair;
}

/**
 * The server for Fastify's `serverFactory`: HTTPS when files are given. Typed as http.Server
 * (https.Server is one, for every API Fastify and main.ts use).
 */
export function createServer(handler: http.RequestListener, tls: TlsFiles | undefined): http.Server {
  return tls ? https.createServer(readKeyPair(tls), handler) : http.createServer(handler);
}

export interface ReloadLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Polls the files; on a change swaps the listener's TLS context. Returns the stopper. */
export function watchKeyPair(server: http.Server, tls: TlsFiles, log: ReloadLog): () => void {
  if (!(server instanceof https.Server)) return () => undefined;
  const interval = tls.reloadIntervalMs ?? 30_000;
  const reload = (curr: { mtimeMs: number }, prev: { mtimeMs: number }) => {
    if (curr.mtimeMs === prev.mtimeMs) return;
    try {
      server.setSecureContext(readKeyPair(tls));
      log.info({ certFile: tls.certFile }, 'serving certificate reloaded');
    } catch (err) {
      // Mid-rotation (one file new, the other not yet) or a broken file: keep serving the old
      // pair; the next change of either file retries.
      log.warn(
        { certFile: tls.certFile, err: err instanceof Error ? err.message : String(err) },
        'serving certificate not reloaded',
      );
    }
  };
  for (const file of [tls.certFile, tls.keyFile]) watchFile(file, { interval, persistent: false }, reload);
  return () => {
    for (const file of [tls.certFile, tls.keyFile]) unwatchFile(file, reload);
  };
}
