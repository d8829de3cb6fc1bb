import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  buildHost,
  hostDist,
  PLUGIN_NAME,
  pluginDir,
  pluginDist,
  rootNodeModules,
} from '../../apps/console-plugin/test-host/build.js';

export { hostDist, PLUGIN_NAME, pluginDist };
export const patternflyDir = join(rootNodeModules, '@patternfly', 'patternfly');

/** The built plugin (as `pnpm build` leaves it; built here when missing) and the console stand-in. */
export async function preparePluginAndHost(): Promise<void> {
  if (!existsSync(join(pluginDist, 'plugin-manifest.json'))) {
    await promisify(execFile)(process.execPath, [join(pluginDir, 'scripts', 'build.mjs')], {
      cwd: pluginDir,
      timeout: 180_000,
    });
  }
  await buildHost();
}
