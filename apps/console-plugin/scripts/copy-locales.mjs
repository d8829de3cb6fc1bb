import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Emits `locales/<lang>/<namespace>.json` into the plugin's assets: the console fetches the
 * catalogue of namespace `plugin__<name>` from the plugin's service at that path.
 */
export function copyLocales(localesDir) {
  return {
    apply(compiler) {
      const { RawSource } = compiler.webpack.sources;
      compiler.hooks.thisCompilation.tap('CopyLocales', (compilation) => {
        compilation.hooks.processAssets.tap(
          { name: 'CopyLocales', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
          () => {
            for (const lang of readdirSync(localesDir)) {
              for (const file of readdirSync(join(localesDir, lang)).filter((f) => f.endsWith('.json'))) {
                const path = join(localesDir, lang, file);
                compilation.fileDependencies.add(path);
                compilation.emitAsset(`locales/${lang}/${file}`, new RawSource(readFileSync(path)));
              }
            }
          },
        );
      });
    },
  };
}
