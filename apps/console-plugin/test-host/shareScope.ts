/**
 * A webpack module-federation share scope, as the console's webpack runtime builds it: for each
 * shared package, its version → a factory of the host's module instance. The plugin's container
 * `init()`s with it and then takes these instances instead of bundling its own.
 */
export type ShareScope = Record<
  string,
  Record<string, { get: () => Promise<() => unknown>; from: string; eager: boolean; loaded: 1 }>
>;

export function shareScope(
  modules: [name: string, version: string, module: unknown][],
  /** Called when the plugin takes a module from the scope (it did not fall back to its own). */
  onTaken: (name: string) => void = () => undefined,
): ShareScope {
  const scope: ShareScope = {};
  for (const [name, version, module] of modules) {
    const get = () => {
      onTaken(name);
      return Promise.resolve(() => module);
    };
    scope[name] = { [version]: { get, from: 'console', eager: true, loaded: 1 } };
  }
  return scope;
}
