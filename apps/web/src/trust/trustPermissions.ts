import type { TrustStatus } from '@irc/shared';
import type { PermissionId } from '../api/contract.js';

/**
 * The /me checks a CA change needs: patching the ConfigMap, or creating it when missing, and
 * pointing images.config.openshift.io/cluster at it when nothing references it yet. Before the
 * status is known, assume the usual case (existing, referenced ConfigMap).
 */
export function trustWritePermissions(status: TrustStatus | undefined): PermissionId[] {
  if (!status) return ['trust.configmaps.patch'];
  const ids: PermissionId[] = [status.exists ? 'trust.configmaps.patch' : 'trust.configmaps.create'];
  if (!status.referenced) ids.push('trust.imageconfig.patch');
  return ids;
}
