/**
 * A webpack module-federation share scope, as the console's webpack runtime builds it: for each
 * shared package, its version → a factory of the host's module instance. The plugin's container
 * `init()`s with it and then takes these instances instead of bundling its own.
 */
export type ShareScope = Record<
  string,
  Record<string, { get: () => Promise<() => unknown>; from: string; eager: boolean; loaded: 1 }>
>;

export function shareScope(modules: [name: string, version: string, module: unknown][]): ShareScope {
  const scope: ShareScope = {};
  for (const [name, version, module] of modules) {
    scope[name] = {
      [version]: { get: () => Promise.resolve(() => module), from: 'console', eager: true, loaded: 1 },
    };
  }
  return scope;
}
