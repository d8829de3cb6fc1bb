/**
 * Builds the console stand-in (host.tsx) into test-host/dist: host.js + index.html. Used by the
 * plugin loader e2e test; not part of the plugin build and never shipped.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';

const here = dirname(fileURLToPath(import.meta.url));
export const pluginDir = resolve(here, '..');
export const hostDist = join(here, 'dist');
export const pluginDist = join(pluginDir, 'dist');
/** Dependencies are hoisted to the workspace root (pnpm-workspace.yaml nodeLinker: hoisted). */
export const rootNodeModules = resolve(pluginDir, '..', '..', 'node_modules');
export const PLUGIN_NAME = (
  JSON.parse(readFileSync(join(pluginDir, 'package.json'), 'utf8')) as { consolePlugin: { name: string } }
).consolePlugin.name;

function versionOf(pkg: string): string {
  return (JSON.parse(readFileSync(join(rootNodeModules, pkg, 'package.json'), 'utf8')) as { version: string })
    .version;
}

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Console stand-in</title>
    <link rel="stylesheet" href="/static/patternfly/patternfly.css" />
  </head>
  <body>
    <div id="root"></div>
    <script src="/static/host/host.js"></script>
  </body>
</html>
`;

export async function buildHost(): Promise<void> {
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    context: here,
    entry: { host: './host.tsx' },
    output: { path: hostDist, filename: '[name].js', publicPath: '/static/host/', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'], extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: 'es2021', jsx: 'automatic' },
        },
      ],
    },
    plugins: [
      new webpack.DefinePlugin({
        PLUGIN_NAME: JSON.stringify(PLUGIN_NAME),
        HOST_VERSIONS: JSON.stringify({
          react: versionOf('react'),
          'react-router': versionOf('react-router'),
          'react-i18next': versionOf('react-i18next'),
        }),
      }),
    ],
    performance: { hints: false },
    infrastructureLogging: { level: 'error' },
  });
  await new Promise<void>((done, fail) => {
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) return fail(err);
      if (stats?.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true })));
      done();
    });
  });
  mkdirSync(hostDist, { recursive: true });
  writeFileSync(join(hostDist, 'index.html'), INDEX_HTML);
}
