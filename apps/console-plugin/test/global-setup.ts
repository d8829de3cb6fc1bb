import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { isBuilt, pluginDir } from './dist.js';

/** The bundle tests inspect dist/; build it once when a plain `vitest run` finds none. */
export default function setup(): void {
  if (isBuilt()) return;
  execFileSync(process.execPath, [join(pluginDir, 'scripts', 'build.mjs')], {
    cwd: pluginDir,
    stdio: 'inherit',
  });
}
