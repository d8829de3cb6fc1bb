import type { PullSecretStatus, PutPullSecretRegistryResponse } from '@irc/shared';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakePlatform, renderPage, route } from '../test/fakePlatform.js';
import PullSecretPage from './PullSecretPage.js';

const flags = { hasAuth: true, hasEmail: false, hasUsernamePassword: false, hasIdentityToken: false };

function status(registries: string[], extra: Partial<PullSecretStatus> = {}): PullSecretStatus {
  return {
    namespace: 'openshift-config',
    secretName: 'pull-secret',
    exists: true,
    valid: true,
    problems: [],
    registries: registries.map((registry) => ({ registry, ...flags })),
    resourceVersion: '42',
    ...extra,
  };
}

describe('PullSecretPage', () => {
  it('lists registry names and sends username/password once, with the seen resourceVersion', async () => {
    const saved: PutPullSecretRegistryResponse = {
      status: status(['quay.io', 'registry.redhat.io']),
      registry: 'registry.redhat.io',
      replaced: false,
      created: false,
    };
    const platform = fakePlatform((path, options) =>
      options.method === 'PUT' ? saved : status(['quay.io']),
    );
    renderPage(platform, [route('/pull-secret', <PullSecretPage />)], '/pull-secret');
    expect(await screen.findByText('quay.io')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Registry credentials form' });
    expect(within(form).getByLabelText(/^Registry/)).toHaveProperty('value', 'registry.redhat.io');
    fireEvent.change(within(form).getByLabelText(/^Username/, { selector: 'input[type="text"]' }), {
      target: { value: 'me' },
    });
    const password = within(form).getByLabelText(/^Password/);
    expect(password.getAttribute('type')).toBe('password');
    fireEvent.change(password, { target: { value: 's3cr3t' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save credentials' }));
    expect(await screen.findByText('Added credentials for registry.redhat.io')).toBeTruthy();
    const put = platform.requests.find((r) => r.options.method === 'PUT');
    expect(put?.path).toBe('/v1/pull-secret/registries/registry.redhat.io');
    expect(put?.options.body).toEqual({ username: 'me', password: 's3cr3t', resourceVersion: '42' });
    expect(password).toHaveProperty('value', '');
    const table = screen.getByRole('grid', { name: 'Registries in the pull secret' });
    expect(within(table).getByText('registry.redhat.io')).toBeTruthy();
    // An entry saved with a username and password is stored as `auth` (base64 of user:password).
    const row = within(table).getByText('registry.redhat.io').closest('tr')!;
    expect(within(row).getByText('Username and password')).toBeTruthy();
    expect(row.textContent).not.toMatch(/\bno\b/);
  });

  it('sends a token instead when chosen', async () => {
    const platform = fakePlatform((path, options) =>
      options.method === 'PUT'
        ? {
            status: status(['registry.redhat.io']),
            registry: 'registry.redhat.io',
            replaced: true,
            created: false,
          }
        : status(['registry.redhat.io']),
    );
    renderPage(platform, [route('/pull-secret', <PullSecretPage />)], '/pull-secret');
    await screen.findByText('registry.redhat.io');
    const form = screen.getByRole('form', { name: 'Registry credentials form' });
    fireEvent.click(within(form).getByLabelText('Token (base64 auth value)'));
    fireEvent.change(within(form).getByLabelText(/^Token/, { selector: 'input[type="password"]' }), {
      target: { value: 'bWU6czNjcjN0' },
    });
    fireEvent.change(within(form).getByLabelText(/^Email/), { target: { value: 'me@example.com' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save credentials' }));
    // The registry already has an entry: nothing is sent before the admin confirms the replacement.
    const modal = await screen.findByRole('dialog', {
      name: /Replace the credentials for registry\.redhat\.io\?/,
    });
    expect(platform.requests.some((r) => r.options.method === 'PUT')).toBe(false);
    fireEvent.click(within(modal).getByRole('button', { name: 'Replace credentials' }));
    expect(await screen.findByText('Replaced the credentials for registry.redhat.io')).toBeTruthy();
    expect(platform.requests.find((r) => r.options.method === 'PUT')?.options.body).toEqual({
      token: 'bWU6czNjcjN0',
      email: 'me@example.com',
      resourceVersion: '42',
    });
  });

  it('sends nothing when the admin cancels replacing a registry’s credentials', async () => {
    const platform = fakePlatform(() => status(['registry.redhat.io']));
    renderPage(platform, [route('/pull-secret', <PullSecretPage />)], '/pull-secret');
    await screen.findByText('registry.redhat.io');
    const form = screen.getByRole('form', { name: 'Registry credentials form' });
    fireEvent.change(within(form).getByLabelText(/^Username/, { selector: 'input[type="text"]' }), {
      target: { value: 'me' },
    });
    fireEvent.change(within(form).getByLabelText(/^Password/), { target: { value: 's3cr3t' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save credentials' }));
    const modal = await screen.findByRole('dialog', {
      name: /Replace the credentials for registry\.redhat\.io\?/,
    });
    fireEvent.click(within(modal).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(platform.requests.some((r) => r.options.method === 'PUT')).toBe(false);
  });

  it('shows a malformed pull secret with its problems and disables the form', async () => {
    const platform = fakePlatform(() =>
      status([], { valid: false, problems: [{ path: 'auths.quay.io.auth', message: 'is not base64' }] }),
    );
    renderPage(platform, [route('/pull-secret', <PullSecretPage />)], '/pull-secret');
    expect(await screen.findByText('The pull secret is malformed')).toBeTruthy();
    expect(screen.getByText('auths.quay.io.auth')).toBeTruthy();
    expect(screen.getByText(/is not base64/)).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Registry credentials form' });
    expect(within(form).getByLabelText(/^Username/, { selector: 'input[type="text"]' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(within(form).getByRole('button', { name: 'Save credentials' })).toHaveProperty('disabled', true);
  });
});
