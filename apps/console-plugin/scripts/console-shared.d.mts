/** Types of console-shared.mjs (plain JS so that the bench, which runs on plain Node, can use it). */
export interface SharedModule {
  scope: string;
  request: string;
  package: string;
  requiredVersion: string;
  /** Path of the plugin's own copy webpack loads when the share scope has no satisfying version. */
  fallback?: string;
  /** The version the plugin's own copy is registered with, when it provides one. */
  provided?: string;
}

export interface BundleReportLike {
  chunks: { files: string[]; modules: { name: string }[] }[];
}

export const CONSOLE_RELEASE: string;
export const CONSOLE_PATTERNFLY: Readonly<Record<string, string>>;
export function packageOf(request: string): string;
export function consumedSharedModules(report: BundleReportLike): SharedModule[];
export function providedSharedModules(report: BundleReportLike): Map<string, string>;
export function consoleFallbacks(report: BundleReportLike): SharedModule[];
export function fallbackChunkFiles(report: BundleReportLike, modules: SharedModule[]): string[];
