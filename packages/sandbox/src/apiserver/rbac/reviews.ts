import { badRequest } from '../../core/errors.js';
import type { KubeObject, UserInfo } from '../../core/types.js';
import type { RbacAuthorizer } from './authorizer.js';

interface ResourceAttributes {
  namespace?: string;
  verb?: string;
  group?: string;
  version?: string;
  resource?: string;
  subresource?: string;
  name?: string;
}

/** SelfSubjectAccessReview: the caller asks the authorizer about itself (`kubectl auth can-i`). */
export function selfSubjectAccessReview(
  authorizer: RbacAuthorizer,
  user: UserInfo,
  body: KubeObject,
): KubeObject {
  const spec = (body.spec ?? {}) as {
    resourceAttributes?: ResourceAttributes;
    nonResourceAttributes?: { path?: string; verb?: string };
  };
  const ra = spec.resourceAttributes;
  const nra = spec.nonResourceAttributes;
  if (!ra && !nra)
    throw badRequest(
      'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified',
    );
  const decision = ra
    ? authorizer.authorize({
        user,
        verb: ra.verb ?? '',
        group: ra.group ?? '',
        resource: ra.resource ?? '',
        subresource: ra.subresource || undefined,
        name: ra.name || undefined,
        namespace: ra.namespace || undefined,
      })
    : authorizer.authorize({ user, verb: nra?.verb ?? '', path: nra?.path ?? '' });
  const status: Record<string, unknown> = { allowed: decision.allowed };
  if (decision.reason) status.reason = decision.reason;
  return {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    metadata: { creationTimestamp: null as unknown as undefined },
    spec,
    status,
  };
}

/** SelfSubjectReview: who the server thinks the caller is (`kubectl auth whoami`). */
export function selfSubjectReview(user: UserInfo): KubeObject {
  const userInfo: Record<string, unknown> = { username: user.username, groups: user.groups };
  if (user.uid) userInfo.uid = user.uid;
  return {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'SelfSubjectReview',
    metadata: { creationTimestamp: null as unknown as undefined },
    status: { userInfo },
  };
}

/** SelfSubjectRulesReview: the rules that apply to the caller in a namespace (`kubectl auth can-i --list`). */
export function selfSubjectRulesReview(
  authorizer: RbacAuthorizer,
  user: UserInfo,
  body: KubeObject,
): KubeObject {
  const spec = (body.spec ?? {}) as { namespace?: string };
  const rules = authorizer.rulesFor(user, spec.namespace || undefined);
  return {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectRulesReview',
    metadata: { creationTimestamp: null as unknown as undefined },
    spec,
    status: { ...rules, incomplete: false },
  };
}
