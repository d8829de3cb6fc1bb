/**
 * An "API server" that accepts every connection, reads the request and never answers — or, with
 * `answerHead`, sends a 200 head and the first bytes of a body, then goes silent (a kubelet that
 * hangs half-way through a log).
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';

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
