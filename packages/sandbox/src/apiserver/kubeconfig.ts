import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { stringify } from 'yaml';

/** The folder holding pnpm-workspace.yaml above `from` (the repo root), if any. */
export function findRepoRoot(from: string = process.cwd()): string | undefined {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Where the kubeconfig goes: SANDBOX_KUBECONFIG, else `.sandbox/kubeconfig` at the repo root. */
export function defaultKubeconfigPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SANDBOX_KUBECONFIG) return resolve(env.SANDBOX_KUBECONFIG);
  return join(findRepoRoot() ?? process.cwd(), '.sandbox', 'kubeconfig');
}

/** A kubeconfig with one context per user (admin current), all on cluster `sandbox`. */
export function kubeconfigYaml(
  server: string,
  tokens: Record<string, string>,
  caPem?: string,
  current = 'admin',
): string {
  const cluster: Record<string, string> = { server };
  if (caPem) cluster['certificate-authority-data'] = Buffer.from(caPem).toString('base64');
  const users = Object.keys(tokens);
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    'current-context': current,
    clusters: [{ name: 'sandbox', cluster }],
    users: users.map((name) => ({ name, user: { token: tokens[name] } })),
    // Only the developer gets a default namespace (its own); the others work cluster-wide like `kubectl` without -n.
    contexts: users.map((name) => ({
      name,
      context:
        name === 'developer'
          ? { cluster: 'sandbox', user: name, namespace: 'developer' }
          : { cluster: 'sandbox', user: name },
    })),
  });
}

export async function writeKubeconfig(
  path: string,
  server: string,
  tokens: Record<string, string>,
  caPem?: string,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, kubeconfigYaml(server, tokens, caPem), { mode: 0o600 });
  await chmod(path, 0o600);
}
