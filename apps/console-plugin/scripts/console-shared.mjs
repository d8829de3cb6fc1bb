/**
 * What the OpenShift console offers the plugin through webpack module federation, and which of
 * the plugin's shared modules it would not satisfy. PatternFly is shared per component with the
 * plugin's own copy as fallback (`(strict)`): when the console's version is outside the range
 * the plugin requires, webpack loads the fallback — silently, ~1 MB more on the first page
 * (seen in the real release-4.22 console with `~6.4.3` against its 6.4.2). The bundle test,
 * the loader test's console stand-in and the bundle bench all read these facts from here.
 */
import semver from 'semver';

/** The console release these versions are from (release-4.22's lockfile). */
export const CONSOLE_RELEASE = '4.22';

/** PatternFly packages console 4.22 shares per component, at the versions it ships. */
export const CONSOLE_PATTERNFLY = {
  '@patternfly/react-core': '6.4.2',
  '@patternfly/react-table': '6.4.2',
  '@patternfly/react-icons': '6.4.0',
};

/** The package a shared request belongs to: `@patternfly/react-core/dist/dynamic/…` → `@patternfly/react-core`. */
export function packageOf(request) {
  const parts = request.split('/');
  return request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * The shared modules the plugin consumes, from webpack's module names in the bundle report:
 * `consume shared module (default) <request>@<requiredVersion> (strict|singleton) (fallback: <path>)`.
 */
export function consumedSharedModules(report) {
  const seen = new Map();
  for (const chunk of report.chunks) {
    for (const { name } of chunk.modules) {
      const m = /^consume shared module \(([^)]+)\) (.+?)@(\S+)(.*)$/.exec(name);
      if (!m) continue;
      const [, scope, request, requiredVersion, flags] = m;
      seen.set(request, {
        scope,
        request,
        package: packageOf(request),
        requiredVersion,
        fallback: /\(fallback: (.+)\)$/.exec(flags)?.[1],
      });
    }
  }
  return [...seen.values()];
}

/**
 * The versions the plugin itself puts into the share scope (webpack: `provide shared module
 * (default) <request>@<version> = <path>`): its own copies, registered when the console
 * initialises the plugin's container.
 */
export function providedSharedModules(report) {
  const provided = new Map();
  for (const chunk of report.chunks) {
    for (const { name } of chunk.modules) {
      const m = /^provide shared module \(([^)]+)\) (.+?)@(\S+) = /.exec(name);
      if (m) provided.set(m[2], m[3]);
    }
  }
  return provided;
}

/**
 * Shared PatternFly modules the plugin would take from its own bundle inside console 4.22:
 * either the console's version is outside the plugin's required range, or the plugin provides
 * a newer version than the console's — webpack then picks the highest satisfying version in
 * the share scope, which is the plugin's own copy (a `~6.4.2` range does not help a plugin
 * built with 6.4.3 against the console's 6.4.2).
 */
export function consoleFallbacks(report) {
  const provided = providedSharedModules(report);
  return consumedSharedModules(report)
    .map((m) => ({ ...m, provided: provided.get(m.request) }))
    .filter((m) => {
      const offered = CONSOLE_PATTERNFLY[m.package];
      if (offered === undefined) return false;
      if (!semver.satisfies(offered, m.requiredVersion)) return true;
      return m.provided !== undefined && semver.gt(m.provided, offered);
    });
}

/** The chunk files holding the plugin's own copies of `modules` (what a fallback loads). */
export function fallbackChunkFiles(report, modules) {
  const paths = modules.map((m) => m.fallback).filter(Boolean);
  return [
    ...new Set(
      report.chunks
        .filter((c) =>
          c.modules.some((mod) => paths.some((p) => mod.name === p || mod.name.startsWith(`${p} + `))),
        )
        .flatMap((c) => c.files),
    ),
  ];
}
