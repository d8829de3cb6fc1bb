/**
 * Where a diagnosis points in this app, as router paths under the shell's prefix (pass them
 * through `links.page()`). Shared with other pages that show a diagnosis (overview banner,
 * object views), so every link to a finding or a fix reads the same.
 */
import { RegistryNames } from '@irc/shared';
import type { DiagnosticLink, FixTarget } from '../../api/contract.js';
import { podLogPath } from './pods.js';
import { workloadPageOf } from './workloads.js';

/** The Diagnostics page opened on one finding (expanded, scrolled to, focused). */
export function findingPath(code: string): string {
  return `/diagnostics?finding=${encodeURIComponent(code)}`;
}

/** The page of a fix with its field focused: `/config/advanced?field=spec.nodeSelector`. */
export function fixPath(fix: FixTarget): string {
  const page =
    fix.section === 'overview' || fix.section === 'trust' || fix.section === 'pull-secret'
      ? `/${fix.section}`
      : `/config/${fix.section}`;
  return `${page}?field=${encodeURIComponent(fix.field)}`;
}

/** Where in this app an object of the checklist is shown; undefined: nowhere (named only). */
export function linkTarget(link: DiagnosticLink): string | undefined {
  const { kind, name, namespace } = link.object;
  if (link.kind === 'log' || kind === 'Pod') {
    const query = new URLSearchParams();
    if (link.container) query.set('container', link.container);
    if (link.previous) query.set('previous', 'true');
    const q = query.toString();
    return `${podLogPath({ namespace: namespace ?? RegistryNames.namespace, name })}${q ? `?${q}` : ''}`;
  }
  const workload = workloadPageOf(kind, name);
  if (workload) return workload;
  switch (kind) {
    case 'Config':
      return '/config/yaml';
    case 'ClusterOperator':
      return '/overview';
    case 'Secret':
    case 'PersistentVolumeClaim':
      return '/config/storage';
    case 'Event':
      return '/timeline?kind=event';
    default:
      return undefined;
  }
}
