import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  buildHost,
  hostDist,
  PLUGIN_NAME,
  pluginDir,
  pluginDist,
  pluginReport,
  rootNodeModules,
} from '@irc/console-plugin/test-host';

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

interface BundleReport {
  chunks: { files: string[]; modules: { name: string; identifier?: string }[] }[];
}

/**
 * The plugin's chunk files that hold its own copy of PatternFly code: the fallbacks webpack
 * loads only when the console's shared version does not satisfy the plugin's required range.
 */
export function patternflyFallbackChunks(): Set<string> {
  const report = JSON.parse(readFileSync(pluginReport, 'utf8')) as BundleReport;
  // (`consume`/`provide shared module` entries only name a module: they hold none of its code.)
  const own = (m: { name: string; identifier?: string }) =>
    /\/node_modules\/@patternfly\//.test(m.identifier ?? '') &&
    !/^(consume|provide) shared module/.test(m.name);
  return new Set(report.chunks.filter((c) => c.modules.some(own)).flatMap((c) => c.files));
}
