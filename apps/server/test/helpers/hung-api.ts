/**
 * An "API server" that accepts every connection, reads the request and never answers — or, with
 * `answerHead`, sends a 200 head and the first bytes of a body, then goes silent (a kubelet that
 * hangs half-way through a log).
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../src/app.js';
import { kubeconfigFor } from './kubeconfig.js';

export interface HungApi {
  url: string;
  /** Connections still open (a deadline that works closes them). */
  readonly openSockets: number;
  stop(): Promise<void>;
}

export async function startHungApi(options: { answerHead?: boolean } = {}): Promise<HungApi> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.resume();
    if (options.answerHead)
      socket.once('data', () =>
        socket.write(
          'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nfirst\n\r\n',
        ),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get openSockets() {
      return sockets.size;
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface AppOnHungApi {
  hung: HungApi;
  /** The console, built (not listening) on a kubeconfig naming the hung API; no watches. */
  app: FastifyInstance;
  close(): Promise<void>;
}

/** A hung API ({@link startHungApi}) and a console app whose cluster it is. */
export async function appOnHungApi(
  options: { answerHead?: boolean; app?: Partial<Omit<AppOptions, 'kubeconfig'>> } = {},
): Promise<AppOnHungApi> {
  const hung = await startHungApi({ answerHead: options.answerHead ?? false });
  const app = await buildApp({
    kubeconfig: kubeconfigFor(hung.url),
    logLevel: false,
    watch: false,
    ...options.app,
  });
  return {
    hung,
    app,
    async close() {
      await app.close();
      await hung.stop();
    },
  };
}

/** `promise`'s value, or `'hung'` when it has not settled within `ms`. */
export function orHung<T>(promise: Promise<T>, ms: number): Promise<T | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => {
    timer = setTimeout(() => resolve('hung'), ms);
  });
  return Promise.race([promise, hung]).finally(() => clearTimeout(timer));
}
