/**
 * A tiny HTTP server speaking the list/watch protocol for ONE collection path, driven by the
 * test: it answers lists from `items`, and keeps watch responses open so the test can push
 * events (or an ERROR 410, or cut the connection).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; resourceVersion: string; uid?: string };
  [key: string]: unknown;
}

export class FakeWatchServer {
  items = new Map<string, FakeObject>();
  listResourceVersion = '1';
  readonly watchRequests: URL[] = [];
  readonly listRequests: URL[] = [];
  /** Raw header lists of every request (to check which identity was sent). */
  readonly rawHeaders: string[][] = [];
  connections = 0;
  /** While set, a list is answered only once it resolves (an API slow to list). */
  listGate?: Promise<void>;
  private readonly watches = new Set<http.ServerResponse>();
  private server = http.createServer((req, res) => this.handle(req, res));
  url = '';

  async start(): Promise<void> {
    this.server.on('connection', () => this.connections++);
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const w of this.watches) w.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  get openWatches(): number {
    return this.watches.size;
  }

  push(type: string, object: unknown): void {
    const line = `${JSON.stringify({ type, object })}\n`;
    for (const w of this.watches) w.write(line);
  }

  cutWatches(): void {
    for (const w of this.watches) w.destroy();
    this.watches.clear();
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://x');
    this.rawHeaders.push(req.rawHeaders);
    if (url.searchParams.get('watch')) {
      this.watchRequests.push(url);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.flushHeaders();
      this.watches.add(res);
      res.on('close', () => this.watches.delete(res));
      return;
    }
    this.listRequests.push(url);
    if (this.listGate) {
      void this.listGate.then(() => this.answerList(res));
      return;
    }
    this.answerList(res);
  }

  private answerList(res: http.ServerResponse): void {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        kind: 'List',
        apiVersion: 'v1',
        metadata: { resourceVersion: this.listResourceVersion },
        items: [...this.items.values()],
      }),
    );
  }
}
