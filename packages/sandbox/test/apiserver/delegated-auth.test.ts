/**
 * Delegated authentication and authorization, as kube-apiserver serves them to a component that
 * protects its own endpoints (kube-rbac-proxy, a metrics endpoint): TokenReview
 * (authentication.k8s.io/v1) says who a bearer token belongs to, SubjectAccessReview
 * (authorization.k8s.io/v1) what that user may do — both created with the component's own
 * identity, which needs `system:auth-delegator`. `system:monitoring` grants `get /metrics`.
 */
import { describe, expect, it } from 'vitest';
import { at, call } from './http-client.js';
import { useTestSandbox } from '../cluster/harness.js';

const sb = useTestSandbox({ controllers: false });

const tokenReview = (token: string, as: string | null = sb.tokens.admin, extra: object = {}) =>
  call(sb, 'POST', '/apis/authentication.k8s.io/v1/tokenreviews', {
    token: as,
    body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token, ...extra } },
  });

const accessReview = (spec: object, as: string | null = sb.tokens.admin) =>
  call(sb, 'POST', '/apis/authorization.k8s.io/v1/subjectaccessreviews', {
    token: as,
    body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', spec },
  });

describe('TokenReview', () => {
  it('names the user of a valid token, echoes the spec, and says nothing for an unknown one', async () => {
    const r = await tokenReview(sb.tokens.viewer);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenReview',
      spec: { token: sb.tokens.viewer },
      status: {
        authenticated: true,
        user: { username: 'viewer', uid: sb.users.viewer.uid, groups: ['system:authenticated'] },
        audiences: ['https://kubernetes.default.svc.cluster.local'],
      },
    });
    const unknown = await tokenReview('sandbox-nobody-0000');
    expect(unknown.status).toBe(201);
    expect(at(unknown.json, 'status')).toEqual({ user: {} });
  });

  it('an audience the API server does not serve is not authenticated', async () => {
    const r = await tokenReview(sb.tokens.viewer, sb.tokens.admin, { audiences: ['vault'] });
    expect(at(r.json, 'status')).toEqual({ user: {} });
    const ok = await tokenReview(sb.tokens.viewer, sb.tokens.admin, {
      audiences: ['vault', 'https://kubernetes.default.svc.cluster.local'],
    });
    expect(at(ok.json, 'status.audiences')).toEqual(['https://kubernetes.default.svc.cluster.local']);
  });

  it('needs a token (400) and the right to create tokenreviews (403)', async () => {
    const empty = await tokenReview('');
    expect(empty.status).toBe(400);
    expect(at(empty.json, 'message')).toBe('token is required for TokenReview in authentication');
    const forbidden = await tokenReview(sb.tokens.admin, sb.tokens.viewer);
    expect(forbidden.status).toBe(403);
    expect(at(forbidden.json, 'message')).toContain(
      'cannot create resource "tokenreviews" in API group "authentication.k8s.io" at the cluster scope',
    );
    expect((await tokenReview(sb.tokens.admin, null)).status).toBe(401);
  });
});

describe('SubjectAccessReview', () => {
  it('answers for the user in the spec, resource and non-resource alike', async () => {
    const user = { user: 'viewer', groups: ['system:authenticated'] };
    const read = await accessReview({
      ...user,
      resourceAttributes: { group: 'imageregistry.operator.openshift.io', resource: 'configs', verb: 'get' },
    });
    expect(read.status).toBe(201);
    expect(read.json).toMatchObject({
      kind: 'SubjectAccessReview',
      spec: { user: 'viewer' },
      status: { allowed: true, reason: expect.stringContaining('RBAC: allowed by ClusterRoleBinding') },
    });
    const write = await accessReview({
      ...user,
      resourceAttributes: {
        group: 'imageregistry.operator.openshift.io',
        resource: 'configs',
        verb: 'patch',
      },
    });
    expect(at(write.json, 'status')).toEqual({ allowed: false });
    const metrics = { nonResourceAttributes: { path: '/metrics', verb: 'get' } };
    expect(at((await accessReview({ ...user, ...metrics })).json, 'status.allowed')).toBe(false);
    expect(at((await accessReview({ user: 'admin', ...metrics })).json, 'status.allowed')).toBe(true);
    // the group a scraper's identity is in (system:monitoring) may read /metrics, nothing else
    const monitoring = { user: 'prometheus', groups: ['system:monitoring', 'system:authenticated'] };
    expect(at((await accessReview({ ...monitoring, ...metrics })).json, 'status.allowed')).toBe(true);
    const other = { nonResourceAttributes: { path: '/debug/pprof', verb: 'get' } };
    expect(at((await accessReview({ ...monitoring, ...other })).json, 'status.allowed')).toBe(false);
  });

  it('refuses a spec without a subject or without attributes (422), and callers without the right (403)', async () => {
    const noSubject = await accessReview({ nonResourceAttributes: { path: '/metrics', verb: 'get' } });
    expect(noSubject.status).toBe(422);
    expect(at(noSubject.json, 'message')).toContain('at least one of user or group must be specified');
    const noAttributes = await accessReview({ user: 'viewer' });
    expect(noAttributes.status).toBe(422);
    expect(at(noAttributes.json, 'message')).toContain(
      'exactly one of nonResourceAttributes or resourceAttributes must be specified',
    );
    const forbidden = await accessReview(
      { user: 'admin', nonResourceAttributes: { path: '/metrics', verb: 'get' } },
      sb.tokens.viewer,
    );
    expect(forbidden.status).toBe(403);
  });

  it('system:auth-delegator grants exactly the two reviews', async () => {
    const role = await call(
      sb,
      'GET',
      '/apis/rbac.authorization.k8s.io/v1/clusterroles/system:auth-delegator',
    );
    expect(at(role.json, 'rules')).toEqual([
      { apiGroups: ['authentication.k8s.io'], resources: ['tokenreviews'], verbs: ['create'] },
      { apiGroups: ['authorization.k8s.io'], resources: ['subjectaccessreviews'], verbs: ['create'] },
    ]);
  });
});
