import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const pluginDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const distDir = join(pluginDir, 'dist');
export const reportFile = join(pluginDir, 'report', 'bundle-report.json');

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export function isBuilt(): boolean {
  return existsSync(join(distDir, 'plugin-manifest.json')) && existsSync(reportFile);
}

export interface PackageJson {
  consolePlugin: {
    name: string;
    version: string;
    displayName: string;
    description: string;
    exposedModules: Record<string, string>;
    dependencies: Record<string, string>;
  };
}

export interface EncodedExtension {
  type: string;
  properties: Record<string, unknown>;
}

export interface Manifest {
  name: string;
  version: string;
  baseURL: string;
  loadScripts: string[];
  registrationMethod: string;
  dependencies?: Record<string, string>;
  extensions: EncodedExtension[];
  customProperties?: { console?: { displayName?: string; description?: string } };
}

export interface BundleReport {
  assets: { name: string; size: number }[];
  chunks: { files: string[]; modules: { name: string; identifier: string; size: number }[] }[];
}

export const packageJson = () => readJson<PackageJson>(join(pluginDir, 'package.json'));
export const extensionsFile = () => readJson<EncodedExtension[]>(join(pluginDir, 'console-extensions.json'));
export const manifest = () => readJson<Manifest>(join(distDir, 'plugin-manifest.json'));
export const bundleReport = () => readJson<BundleReport>(reportFile);

/** Every JavaScript file the console may load from dist/. */
export function scripts(): { name: string; text: string }[] {
  return readdirSync(distDir)
    .filter((f) => f.endsWith('.js'))
    .map((name) => ({ name, text: readFileSync(join(distDir, name), 'utf8') }));
}

/** `{ $codeRef: "module.export" }` objects anywhere inside an extension's properties. */
export function codeRefs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(codeRefs);
  if (value && typeof value === 'object') {
    const ref = (value as { $codeRef?: unknown }).$codeRef;
    if (typeof ref === 'string') return [ref];
    return Object.values(value).flatMap(codeRefs);
  }
  return [];
}
