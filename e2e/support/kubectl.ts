import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { e2eKubeconfig } from './env.js';

const run = promisify(execFile);

/** Runs kubectl against the e2e sandbox, as an admin at a terminal would. */
export async function kubectl(args: string[], context = 'admin'): Promise<string> {
  const { stdout } = await run('kubectl', ['--kubeconfig', e2eKubeconfig, '--context', context, ...args], {
    timeout: 30_000,
  });
  return stdout;
}
