import type { Clock, KubeObject } from '../core/types.js';
import type { ContainerIO, ContainerProcess } from '../cluster/container-runtime.js';
import type { Json } from '../core/objects.js';
import { arr, num, rec, str } from '../core/objects.js';

/** An ordinary application container: a start line, then Apache-style access lines for its probes and traffic. */
export function startApp(
  clock: Clock,
  pod: KubeObject,
  container: Json,
  io: ContainerIO,
): ContainerProcess & { probeHit(): void } {
  const port = num(arr(container, 'ports')[0]?.containerPort) ?? 8080;
  const gateway = (str(rec(pod, 'status').podIP) ?? '10.128.2.10').replace(/\.\d+$/, '.1');
  const access = (path: string, ua: string, status = 200, bytes = 45): void => {
    const d = clock.now();
    const month = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
    const ts = `${String(d.getUTCDate()).padStart(2, '0')}/${month}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`;
    io.log(`${gateway} - - [${ts}] "GET ${path} HTTP/1.1" ${status} ${bytes} "-" "${ua}"`);
  };
  io.log(`Listening on :${port}`);
  const traffic = clock.every(30_000, () => {
    if (Math.random() < 0.4) access('/api/items', 'Mozilla/5.0 (X11; Linux x86_64)', 200, 812);
  });
  return {
    probeHit: () => access('/', 'kube-probe/1.32'),
    terminate: () => {
      io.log('Shutting down gracefully');
      traffic();
    },
    kill: traffic,
  };
}
