import type { MeResponse, Permission, PullSecretStatus, TrustStatus } from '@irc/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import PullSecretPage from '../pullsecret/PullSecretPage.js';
import { ApiError } from '../platform/http.js';
import { fakePlatform, renderPage, route } from '../test/fakePlatform.js';
import TrustPage from './TrustPage.js';

/** /me as the sandbox's viewer answers it: may read the trust ConfigMap, may not write either. */
function me(allowed: boolean): MeResponse {
  const permission = (id: string, verb: string, resource: string, reason: string): Permission => ({
    id,
    verb,
    group: '',
    resource,
    namespace: 'openshift-config',
    allowed,
    reason: allowed ? 'allowed' : reason,
  });
  return {
    user: { username: 'viewer', groups: [] },
    authMode: 'token',
    permissions: [
      permission(
        'trust.configmaps.patch',
        'patch',
        'configmaps',
        'viewer may not patch configmaps in namespace openshift-config',
      ),
      permission(
        'trust.configmaps.create',
        'create',
        'configmaps',
        'viewer may not create configmaps in namespace openshift-config',
      ),
      permission(
        'pullsecret.get',
        'get',
        'secrets',
        'viewer may not get secrets "pull-secret" in namespace openshift-config',
      ),
      permission(
        'pullsecret.patch',
        'patch',
        'secrets',
        'viewer may not patch secrets "pull-secret" in namespace openshift-config',
      ),
    ],
  };
}

const trust: TrustStatus = {
  namespace: 'openshift-config',
  configMapName: 'registry-cas',
  referenced: true,
  exists: true,
  registries: [],
};
const pullSecret: PullSecretStatus = {
  namespace: 'openshift-config',
  secretName: 'pull-secret',
  exists: true,
  valid: true,
  problems: [],
  registries: [],
  resourceVersion: '42',
};

describe('trusted registries and registry credentials say up front what the user may do', () => {
  it('the trust form is disabled with the /me reason before anything was sent', async () => {
    const platform = fakePlatform((path) => (path === '/v1/me' ? me(false) : trust));
    renderPage(platform, [route('/trust', <TrustPage />)], '/trust');
    const alert = await screen.findByText('viewer may not patch configmaps in namespace openshift-config');
    expect(alert).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Add registry CA' });
    expect(within(form).getByLabelText(/Registry hostname/)).toHaveProperty('disabled', true);
    expect(within(form).getByRole('button', { name: 'Save CA' })).toHaveProperty('disabled', true);
    expect(platform.requests.some((r) => r.options.method && r.options.method !== 'GET')).toBe(false);
  });

  it('an admin gets an enabled trust form and no read-only notice', async () => {
    renderPage(
      fakePlatform((path) => (path === '/v1/me' ? me(true) : trust)),
      [route('/trust', <TrustPage />)],
      '/trust',
    );
    const form = await screen.findByRole('form', { name: 'Add registry CA' });
    await screen.findByText('No registry has an additional trusted CA');
    expect(within(form).getByLabelText(/Registry hostname/)).toHaveProperty('disabled', false);
    expect(screen.queryByText('Read-only')).toBeNull();
  });

  it('the pull-secret form is disabled with the /me reason, even while the read is refused', async () => {
    const platform = fakePlatform((path) => {
      if (path === '/v1/me') return me(false);
      throw new ApiError(403, 'secrets "pull-secret" is forbidden', {
        statusCode: 403,
        reason: 'Forbidden',
        message: 'secrets "pull-secret" is forbidden',
      });
    });
    renderPage(platform, [route('/pull-secret', <PullSecretPage />)], '/pull-secret');
    expect(
      await screen.findByText('viewer may not get secrets "pull-secret" in namespace openshift-config'),
    ).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Registry credentials form' });
    expect(within(form).getByLabelText(/^Registry/)).toHaveProperty('disabled', true);
    expect(within(form).getByRole('button', { name: 'Save credentials' })).toHaveProperty('disabled', true);
  });

  it('an admin gets an enabled pull-secret form', async () => {
    renderPage(
      fakePlatform((path) => (path === '/v1/me' ? me(true) : pullSecret)),
      [route('/pull-secret', <PullSecretPage />)],
      '/pull-secret',
    );
    await screen.findByText('The pull secret holds no registry credentials');
    const form = screen.getByRole('form', { name: 'Registry credentials form' });
    expect(within(form).getByLabelText(/^Registry/)).toHaveProperty('disabled', false);
    expect(screen.queryByText('Read-only')).toBeNull();
  });
});
