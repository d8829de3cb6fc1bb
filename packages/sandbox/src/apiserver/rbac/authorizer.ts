import type { KubeObject, UserInfo } from '../../core/types.js';

/** What is being asked: kube's authorizer.Attributes. */
export interface Attributes {
  user: UserInfo;
  verb: string;
  /** Resource requests */
  group?: string;
  resource?: string;
  subresource?: string;
  name?: string;
  namespace?: string;
  /** Non-resource requests (e.g. /version, /apis) */
  path?: string;
}

export interface Decision {
  allowed: boolean;
  reason: string;
}

interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

interface RoleRef {
  kind: string;
  name: string;
}

/** Reads the RBAC objects straight from storage (the authorizer must not authorize itself). */
export interface RbacSource {
  clusterRoles(): KubeObject[];
  clusterRoleBindings(): KubeObject[];
  roles(namespace: string): KubeObject[];
  roleBindings(namespace: string): KubeObject[];
}

export const SUPERUSER_GROUP = 'system:masters';

function has(list: string[] | undefined, value: string): boolean {
  return (list ?? []).some((v) => v === '*' || v === value);
}

function resourceMatches(rule: PolicyRule, resource: string, subresource: string | undefined): boolean {
  const combined = subresource ? `${resource}/${subresource}` : resource;
  return (rule.resources ?? []).some(
    (r) => r === '*' || r === combined || (subresource !== undefined && r === `*/${subresource}`),
  );
}

function ruleAllows(rule: PolicyRule, a: Attributes): boolean {
  if (!has(rule.verbs, a.verb)) return false;
  if (a.resource === undefined) {
    const path = a.path ?? '';
    return (rule.nonResourceURLs ?? []).some(
      (u) => u === '*' || u === path || (u.endsWith('*') && path.startsWith(u.slice(0, -1))),
    );
  }
  if (!has(rule.apiGroups, a.group ?? '')) return false;
  if (!resourceMatches(rule, a.resource, a.subresource)) return false;
  const names = rule.resourceNames ?? [];
  return names.length === 0 || (a.name !== undefined && a.name !== '' && names.includes(a.name));
}

function subjectMatches(s: Subject, user: UserInfo, bindingNamespace: string | undefined): boolean {
  switch (s.kind) {
    case 'User':
      return s.name === user.username;
    case 'Group':
      return user.groups.includes(s.name);
    case 'ServiceAccount':
      return user.username === `system:serviceaccount:${s.namespace ?? bindingNamespace ?? ''}:${s.name}`;
    default:
      return false;
  }
}

/**
 * The RBAC authorizer (plus kube's always-allow for system:masters): allow when any rule of
 * any role bound to the user (cluster-wide, or in the request's namespace) matches. RBAC has no
 * deny rules; a denial carries an empty reason, as kube's does.
 */
export class RbacAuthorizer {
  constructor(private readonly source: RbacSource) {}

  authorize(a: Attributes): Decision {
    if (a.user.groups.includes(SUPERUSER_GROUP)) return { allowed: true, reason: '' };
    for (const { rule, binding } of this.rulesApplying(
      a.user,
      a.resource !== undefined ? a.namespace : undefined,
    ))
      if (ruleAllows(rule, a))
        return { allowed: true, reason: `RBAC: allowed by ${binding.kind} "${binding.metadata.name}"` };
    return { allowed: false, reason: '' };
  }

  /** What SelfSubjectRulesReview lists: every rule bound to the user cluster-wide or in `namespace`. */
  rulesFor(user: UserInfo, namespace: string | undefined): RulesForUser {
    const rules = this.rulesApplying(user, namespace).map((r) => r.rule);
    // system:masters bypasses RBAC in kube; its review shows the equivalent of cluster-admin.
    if (user.groups.includes(SUPERUSER_GROUP))
      rules.unshift(
        { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
        { verbs: ['*'], nonResourceURLs: ['*'] },
      );
    return {
      resourceRules: rules
        .filter((r) => !r.nonResourceURLs)
        .map((r) => ({
          verbs: r.verbs ?? [],
          apiGroups: r.apiGroups ?? [],
          resources: r.resources ?? [],
          ...(r.resourceNames ? { resourceNames: r.resourceNames } : {}),
        })),
      nonResourceRules: rules
        .filter((r) => r.nonResourceURLs)
        .map((r) => ({ verbs: r.verbs ?? [], nonResourceURLs: r.nonResourceURLs ?? [] })),
    };
  }

  private rulesApplying(
    user: UserInfo,
    namespace: string | undefined,
  ): Array<{ rule: PolicyRule; binding: KubeObject }> {
    const clusterRoles = new Map(this.source.clusterRoles().map((r) => [r.metadata.name, r]));
    const rulesOf = (ref: RoleRef | undefined, ns: string | undefined): PolicyRule[] => {
      if (!ref) return [];
      if (ref.kind === 'ClusterRole')
        return (clusterRoles.get(ref.name)?.rules as PolicyRule[] | undefined) ?? [];
      if (ref.kind === 'Role' && ns)
        return (
          (this.source.roles(ns).find((r) => r.metadata.name === ref.name)?.rules as
            PolicyRule[] | undefined) ?? []
        );
      return [];
    };
    const bindings: Array<{ b: KubeObject; ns?: string }> = this.source
      .clusterRoleBindings()
      .map((b) => ({ b }));
    if (namespace) bindings.push(...this.source.roleBindings(namespace).map((b) => ({ b, ns: namespace })));
    const out: Array<{ rule: PolicyRule; binding: KubeObject }> = [];
    for (const { b, ns } of bindings) {
      const subjects = (b.subjects as Subject[] | undefined) ?? [];
      if (!subjects.some((s) => subjectMatches(s, user, ns))) continue;
      for (const rule of rulesOf(b.roleRef as RoleRef | undefined, ns)) out.push({ rule, binding: b });
    }
    return out;
  }
}

export interface RulesForUser {
  resourceRules: PolicyRule[];
  nonResourceRules: PolicyRule[];
}

/** kube's forbiddenMessage(): `User "x" cannot <verb> resource "<r>[/<sub>]" in API group "<g>" ...` */
export function forbiddenMessage(a: Attributes): string {
  if (a.resource === undefined) return `User "${a.user.username}" cannot ${a.verb} path "${a.path ?? ''}"`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  return `User "${a.user.username}" cannot ${a.verb} resource "${resource}" in API group "${a.group ?? ''}" ${scope}`;
}
