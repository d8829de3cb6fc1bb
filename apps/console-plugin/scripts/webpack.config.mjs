/**
 * webpack configuration of the console plugin. Vite builds the standalone app; it cannot emit
 * the console's entry format (a classic script calling `window.__load_plugin_entry__`), so the
 * same sources are built a second time here with the console SDK's `ConsoleRemotePlugin`.
 */
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConsoleRemotePlugin } from '@openshift-console/dynamic-plugin-sdk-webpack';
import { EsbuildPlugin } from 'esbuild-loader';
import { copyLocales } from './copy-locales.mjs';

const require = createRequire(import.meta.url);
export const pluginDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const distDir = join(pluginDir, 'dist');
const webDir = resolve(pluginDir, '..', 'web');

/** The node_modules that really holds a package (pnpm's hoisted layout: the workspace root). */
function nodeModulesOf(pkg) {
  return resolve(dirname(require.resolve(`${pkg}/package.json`)), ...pkg.split('/').map(() => '..'));
}

/**
 * ConsoleRemotePlugin keeps PatternFly's CSS out of the bundle (the console provides it) by
 * aliasing every CSS file it finds under `<cwd>/node_modules/@patternfly/react-styles`. Our
 * dependencies are hoisted to the workspace root, where it does not look, so the real files
 * are aliased here too — without this webpack silently bundles ~115 KB of PatternFly CSS.
 */
function patternFlyCssAliases() {
  const aliases = {};
  for (const pkg of ['@patternfly/react-styles', '@patternfly/patternfly']) {
    const dir = dirname(require.resolve(`${pkg}/package.json`));
    for (const file of readdirSync(dir, { recursive: true })) {
      if (String(file).endsWith('.css')) aliases[join(dir, String(file))] = false;
    }
  }
  return aliases;
}

export function pluginConfig() {
  return {
    mode: 'production',
    context: pluginDir,
    entry: {},
    output: {
      path: distDir,
      filename: '[name]-bundle-[contenthash].min.js',
      chunkFilename: '[name]-chunk-[contenthash].min.js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.jsx', '.json'],
      // Sources import `./x.js` for `./x.ts` (NodeNext style).
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
      // Workspace packages (@irc/shared) resolve to their TypeScript sources.
      conditionNames: ['source', '...'],
      alias: patternFlyCssAliases(),
    },
    module: {
      rules: [
        {
          test: /\.[jt]sx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          // The loader (ts / tsx / js) follows the file extension: generic arrows are not JSX in .ts.
          options: { target: 'es2021', jsx: 'automatic' },
        },
        // Our own `irc-` classes only; PatternFly's CSS is aliased away above.
        { test: /\.css$/, use: ['style-loader', 'css-loader'] },
      ],
    },
    plugins: [
      new ConsoleRemotePlugin({
        sharedDynamicModuleSettings: { modulePaths: [nodeModulesOf('@patternfly/react-core')] },
      }),
      copyLocales(join(webDir, 'locales')),
    ],
    optimization: {
      minimizer: [new EsbuildPlugin({ target: 'es2021' })],
    },
    devtool: false,
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}
