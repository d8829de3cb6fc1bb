import { badRequest, invalid, type StatusCause } from '../../core/errors.js';
import type { KubeObject, UserInfo } from '../../core/types.js';
import type { Decision, RbacAuthorizer } from './authorizer.js';

interface ResourceAttributes {
  namespace?: string;
  verb?: string;
  group?: string;
  version?: string;
  resource?: string;
  subresource?: string;
  name?: string;
}

interface AccessReviewSpec {
  resourceAttributes?: ResourceAttributes;
  nonResourceAttributes?: { path?: string; verb?: string };
}

/** The authorizer's decision for `user` on what a (Self)SubjectAccessReview spec asks. */
function decide(authorizer: RbacAuthorizer, user: UserInfo, spec: AccessReviewSpec): Decision {
  const ra = spec.resourceAttributes;
  const nra = spec.nonResourceAttributes;
  return ra
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
}

/**
 * The answer to a (Self)SubjectAccessReview: the spec echoed, `status.allowed`, and `reason`
 * only when the authorizer gave one (omitempty).
 */
function accessReviewAnswer(
  kind: 'SelfSubjectAccessReview' | 'SubjectAccessReview',
  spec: AccessReviewSpec,
  decision: Decision,
): KubeObject {
  const status: Record<string, unknown> = { allowed: decision.allowed };
  if (decision.reason) status.reason = decision.reason;
  return {
    apiVersion: 'authorization.k8s.io/v1',
    kind,
    metadata: { creationTimestamp: null as unknown as undefined },
    spec,
    status,
  };
}

/** SelfSubjectAccessReview: the caller asks the authorizer about itself (`kubectl auth can-i`). */
export function selfSubjectAccessReview(
  authorizer: RbacAuthorizer,
  user: UserInfo,
  body: KubeObject,
): KubeObject {
  const spec = (body.spec ?? {}) as AccessReviewSpec;
  if (!spec.resourceAttributes && !spec.nonResourceAttributes)
    throw badRequest(
      'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified',
    );
  return accessReviewAnswer('SelfSubjectAccessReview', spec, decide(authorizer, user, spec));
}

/**
 * SubjectAccessReview: a component asks about ANOTHER user (kube-rbac-proxy, a webhook
 * authorizer): the subject is `spec.user` / `spec.groups` / `spec.uid`, not the caller. Creating
 * one needs `create subjectaccessreviews` (system:auth-delegator).
 */
export function subjectAccessReview(authorizer: RbacAuthorizer, body: KubeObject): KubeObject {
  const spec = (body.spec ?? {}) as AccessReviewSpec & { user?: string; groups?: string[]; uid?: string };
  const causes: StatusCause[] = [];
  const bad = (field: string, value: string, message: string) =>
    causes.push({ reason: 'FieldValueInvalid', field, message: `Invalid value: ${value}: ${message}` });
  if (spec.resourceAttributes && spec.nonResourceAttributes)
    bad(
      'spec.nonResourceAttributes',
      '"object"',
      'cannot be specified in combination with resourceAttributes',
    );
  if (!spec.resourceAttributes && !spec.nonResourceAttributes)
    bad(
      'spec.resourceAttributes',
      '"null"',
      'exactly one of nonResourceAttributes or resourceAttributes must be specified',
    );
  const groups = Array.isArray(spec.groups) ? spec.groups.filter((g) => typeof g === 'string') : [];
  if (!spec.user && groups.length === 0)
    bad('spec.user', '""', 'at least one of user or group must be specified');
  if (causes.length > 0) throw invalid('authorization.k8s.io', 'SubjectAccessReview', '', causes);
  const subject: UserInfo = { username: spec.user ?? '', groups, ...(spec.uid ? { uid: spec.uid } : {}) };
  return accessReviewAnswer('SubjectAccessReview', spec, decide(authorizer, subject, spec));
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
