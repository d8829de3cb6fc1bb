import type { IncomingMessage } from 'node:http';
import { forbidden } from '../../core/errors.js';
import type { UserInfo } from '../../core/types.js';
import { forbiddenMessage, type RbacAuthorizer } from '../rbac/authorizer.js';

function headerValues(req: IncomingMessage, name: string): string[] {
  const v = req.headers[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v])
    .flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter(Boolean);
}

/**
 * `kubectl --as=<user> --as-group=<group>`: Impersonate-User / Impersonate-Group / Impersonate-Uid,
 * allowed when the requester may `impersonate` users/groups/uids (RBAC, like kube's impersonation
 * filter). The impersonated identity gets `system:authenticated`, nothing else it did not ask for.
 */
export function impersonate(req: IncomingMessage, requester: UserInfo, authorizer: RbacAuthorizer): UserInfo {
  const users = headerValues(req, 'impersonate-user');
  const groups = headerValues(req, 'impersonate-group');
  const uids = headerValues(req, 'impersonate-uid');
  if (users.length === 0 && groups.length === 0 && uids.length === 0) return requester;
  const check = (resource: string, name: string, group = ''): void => {
    const a = { user: requester, verb: 'impersonate', group, resource, name };
    if (!authorizer.authorize(a).allowed) {
      const qualified = group ? `${resource}.${group}` : resource;
      throw forbidden(group, resource, name, `${qualified} "${name}" is forbidden: ${forbiddenMessage(a)}`);
    }
  };
  const username = users[0];
  if (!username)
    throw forbidden(
      '',
      'users',
      undefined,
      'requested impersonation of groups or uid without impersonating a user',
    );
  check(username.startsWith('system:serviceaccount:') ? 'serviceaccounts' : 'users', username);
  for (const g of groups) check('groups', g);
  for (const u of uids) check('uids', u, 'authentication.k8s.io');
  const all = groups.includes('system:authenticated') ? groups : [...groups, 'system:authenticated'];
  return { username, groups: all, ...(uids[0] ? { uid: uids[0] } : {}) };
}
