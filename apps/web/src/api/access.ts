import type { PermissionId } from '@irc/shared';
import { useMeQuery } from './me.js';
import { useT } from '../platform/i18n.js';

export interface Access {
  allowed: boolean;
  /** Why not, for a tooltip or helper text; empty when allowed. */
  reason: string;
  loading: boolean;
}

/**
 * May the current user do `id`? While /me loads, controls stay disabled; if /me fails we let the
 * API decide (it answers 403 with its own message), so a broken /me never locks anyone out.
 */
export function useAccess(id: PermissionId): Access {
  const t = useT();
  const me = useMeQuery();
  if (me.isPending) return { allowed: false, reason: t('Checking your permissions…'), loading: true };
  if (me.isError) return { allowed: true, reason: '', loading: false };
  const permission = me.data.permissions.find((p) => p.id === id);
  if (!permission || permission.allowed) return { allowed: true, reason: '', loading: false };
  return {
    allowed: false,
    reason: permission.reason || t('You are not allowed to make this change.'),
    loading: false,
  };
}

/**
 * May the current user do all of `ids` (one change that needs several API writes)? Answers with
 * the first denial's reason. A /me without a permissions list lets the API decide, like an error.
 */
export function useAccessAll(ids: readonly PermissionId[]): Access {
  const t = useT();
  const me = useMeQuery();
  if (me.isPending) return { allowed: false, reason: t('Checking your permissions…'), loading: true };
  const permissions = me.isError || !Array.isArray(me.data.permissions) ? [] : me.data.permissions;
  const denied = ids
    .map((id) => permissions.find((p) => p.id === id))
    .find((p) => p !== undefined && !p.allowed);
  if (!denied) return { allowed: true, reason: '', loading: false };
  return {
    allowed: false,
    reason: denied.reason || t('You are not allowed to make this change.'),
    loading: false,
  };
}

/** The first of several answers that denies (say the /me check, then a 403 the server gave). */
export function firstDenied(...answers: Access[]): Access {
  return answers.find((a) => !a.allowed) ?? answers[0] ?? { allowed: true, reason: '', loading: false };
}
