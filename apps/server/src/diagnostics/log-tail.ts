/** The last N lines of a container log, read through the log API (bounded in bytes). */
import type { KubeClient } from '../kube/client.js';
import { NS } from '../kube/resources.js';

const MAX_BYTES = 512 * 1024;

export async function tailLog(client: KubeClient, pod: string, container: string, tailLines: number): Promise<string[]> {
  const res = await client.stream(
    `/api/v1/namespaces/${NS}/pods/${encodeURIComponent(pod)}/log`,
    { container, tailLines, limitBytes: MAX_BYTES },
    client.signal({ timeoutMs: 10_000 }),
  );
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split('\n').filter((l) => l.trim() !== '');
}

/** Operator: `E… controller.go:…] unable to sync: …, requeuing` (domain.md §8). */
export function syncErrors(lines: string[]): string[] {
  return lines.filter((l) => l.includes('unable to sync'));
}

/** Registry (logrus): level=error / fatal / panic. */
export function registryErrors(lines: string[]): string[] {
  return lines.filter((l) => /\blevel=(error|fatal|panic)\b/.test(l));
}
