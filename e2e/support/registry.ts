import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { liveConfig, mergePatchConfig, waitForRegistryReady } from './config.js';
import { e2eKubeconfig } from './env.js';

const run = promisify(execFile);

/** Drives the sandbox's fault scenarios the way a workshop attendee does: `pnpm sandbox scenario …`. */
export async function sandboxScenario(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['../packages/sandbox/dist/cli.js', 'scenario', ...args], {
    env: { ...process.env, SANDBOX_KUBECONFIG: e2eKubeconfig, KUBECONFIG: e2eKubeconfig },
    timeout: 30_000,
  });
  return stdout;
}

/**
 * Puts the sandbox back to the healthy workshop starting point (Managed, 2 replicas, no fault
 * scenario) so that each spec stands on its own whatever ran before it.
 */
export async function ensureHealthyRegistry(): Promise<void> {
  await sandboxScenario('clear');
  const spec = (await liveConfig()).spec as { managementState?: string; replicas?: number };
  if (spec.managementState !== 'Managed' || spec.replicas !== 2) {
    await mergePatchConfig({ spec: { managementState: 'Managed', replicas: 2 } });
  }
  await waitForRegistryReady();
}
