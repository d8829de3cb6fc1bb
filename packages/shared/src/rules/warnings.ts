import type { SectionPatch } from '../api/section-patch.js';
import { effectiveSpec, type RuleContext } from './spec.js';
import { configuredBackends } from './storage.js';

/**
 * Things that are allowed but that the user should confirm knowingly (domain.md §13).
 * Plain sentences, shown before saving and returned by PATCH among the warnings.
 */
export function sectionPatchWarnings(patch: SectionPatch, ctx: RuleContext = {}): string[] {
  const spec = effectiveSpec(patch, ctx.current);
  const warnings: string[] = [];
  const storageManaged =
    (spec.storage as { managementState?: string } | undefined)?.managementState === 'Managed';
  if (patch.managementState === 'Removed' && ctx.current?.managementState !== 'Removed') {
    warnings.push(
      storageManaged
        ? 'Removed deletes the registry and the operator-managed storage with all images in it; set storage to Unmanaged first to keep them.'
        : 'Removed deletes the registry deployment, service and routes.',
    );
  }
  if (patch.managementState === 'Unmanaged' && ctx.current?.managementState !== 'Unmanaged') {
    warnings.push(
      'Unmanaged: the operator stops reconciling the registry; later changes here have no effect until Managed again.',
    );
  }
  // Saving while Unmanaged is allowed (the API stores it) but nothing happens: the operator
  // skips the whole reconcile of an Unmanaged Config, so the admin must hear it before saving.
  if (
    ctx.current?.managementState === 'Unmanaged' &&
    (patch.managementState === undefined || patch.managementState === 'Unmanaged') &&
    Object.keys(patch).some((k) => k !== 'managementState')
  ) {
    warnings.push(
      'managementState is Unmanaged: the operator ignores the configuration, so this change is stored but not applied until managementState is Managed again.',
    );
  }
  if (patch.storage) {
    const before = configuredBackends(ctx.current?.storage);
    const after = configuredBackends(spec.storage);
    if (before.length > 0 && after.length === 1 && !before.includes(after[0]!)) {
      warnings.push(
        `Switching storage from ${before.join(', ')} to ${after[0]}: existing images are not migrated.`,
      );
    }
  }
  if (spec.storage?.emptyDir && (spec.replicas ?? 1) > 1 && (patch.storage || patch.replicas !== undefined)) {
    warnings.push(
      'emptyDir storage is per pod and lost on restart: with more than one replica, pods serve different content.',
    );
  }
  return warnings;
}
