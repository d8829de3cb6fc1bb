#!/usr/bin/env node
// `pnpm --filter @irc/console-plugin build`: the console plugin into dist/, plus a bundle report
// (every module and the chunk it landed in) into report/ for the bundle tests.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// ConsoleRemotePlugin names the entry `plugin-entry.[fullhash].min.js` only when NODE_ENV is
// production, and reads package.json + console-extensions.json from the working directory.
process.env.NODE_ENV = 'production';
const { pluginConfig, pluginDir, distDir } = await import('./webpack.config.mjs');
process.chdir(pluginDir);
const { default: webpack } = await import('webpack');

const started = Date.now();

function listAssets(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => ({ name, size: statSync(join(dir, name)).size }));
}

const stats = await new Promise((resolve, reject) => {
  webpack(pluginConfig(), (err, result) => (err ? reject(err) : resolve(result)));
});
const info = stats.toJson({
  all: false,
  errors: true,
  warnings: true,
  chunks: true,
  chunkModules: true,
  chunkModulesSpace: Infinity,
  modulesSpace: Infinity,
  dependentModules: true,
  orphanModules: true,
  runtimeModules: false,
  excludeModules: false,
  nestedModules: true,
  nestedModulesSpace: Infinity,
});
if (stats.hasErrors()) {
  console.error(stats.toString({ all: false, errors: true, errorDetails: true, colors: false }));
  process.exit(1);
}
for (const warning of info.warnings ?? []) console.warn(`warning: ${warning.message}`);

// Concatenated modules list their parts as `modules`: report the parts too.
const flatten = (modules) => (modules ?? []).flatMap((m) => [m, ...flatten(m.modules)]);
const report = {
  assets: listAssets(distDir),
  chunks: info.chunks.map((c) => ({
    files: c.files,
    modules: flatten(c.modules)
      .filter((m) => m.name)
      .map((m) => ({ name: m.name, identifier: m.identifier, size: m.size })),
  })),
};
mkdirSync(join(pluginDir, 'report'), { recursive: true });
writeFileSync(join(pluginDir, 'report', 'bundle-report.json'), `${JSON.stringify(report, null, 1)}\n`);
const total = report.assets.reduce((sum, a) => sum + a.size, 0);
console.log(
  `console plugin: ${report.assets.length} assets, ${(total / 1024).toFixed(0)} KiB in dist/ (${((Date.now() - started) / 1000).toFixed(1)} s)`,
);
