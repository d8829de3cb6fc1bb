/** An "API server" that accepts every connection, reads the request and never answers. */
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface HungApi {
  url: string;
  /** Connections still open (a deadline that works closes them). */
  readonly openSockets: number;
  stop(): Promise<void>;
}

export async function startHungApi(): Promise<HungApi> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.resume();
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
