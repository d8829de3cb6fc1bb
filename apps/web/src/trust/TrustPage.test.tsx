import type { PutTrustResponse, TrustStatus, TrustedRegistry } from '@irc/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../platform/http.js';
import type { RequestOptions } from '../platform/platform.js';
import { fakePlatform, renderPage, route } from '../test/fakePlatform.js';
import TrustPage from './TrustPage.js';

const entry: TrustedRegistry = {
  registry: 'registry.example.com:5000',
  key: 'registry.example.com..5000',
  warnings: ['certificate 1 (CN=Old CA) expired on 2020-01-01T00:00:00.000Z'],
  certificates: [
    {
      subject: 'CN=Old CA',
      issuer: 'CN=Old CA',
      serialNumber: '01',
      validFrom: '2019-01-01T00:00:00.000Z',
      validTo: '2020-01-01T00:00:00.000Z',
      fingerprintSha256: 'AB:CD:EF',
      ca: true,
      selfSigned: true,
      expired: true,
      notYetValid: false,
    },
  ],
};

function status(registries: TrustedRegistry[], referenced = true): TrustStatus {
  return {
    namespace: 'openshift-config',
    configMapName: 'registry-cas',
    referenced,
    exists: referenced,
    registries,
  };
}

const invalid = (path: string, message: string) =>
  new ApiError(422, `${path}: ${message}`, {
    statusCode: 422,
    reason: 'Invalid',
    message: `${path}: ${message}`,
    fieldErrors: [{ path, message }],
  });

function fillForm(registry: string, pem: string) {
  const form = screen.getByRole('form', { name: 'Add registry CA' });
  fireEvent.change(within(form).getByLabelText(/Registry hostname/), { target: { value: registry } });
  fireEvent.change(within(form).getByLabelText(/CA certificate \(PEM\)/), { target: { value: pem } });
  fireEvent.click(within(form).getByRole('button', { name: 'Save CA' }));
  return form;
}

describe('TrustPage', () => {
  it('lists certificates with fingerprint and flags an expired one with text', async () => {
    renderPage(
      fakePlatform(() => status([entry])),
      [route('/trust', <TrustPage />)],
      '/trust',
    );
    const table = await screen
      .findByRole('grid', { name: 'Trusted registries' })
      .catch(() => screen.getByRole('table', { name: 'Trusted registries' }));
    expect(within(table).getByText('registry.example.com')).toBeTruthy();
    expect(within(table).getByText('5000')).toBeTruthy();
    expect(within(table).getByText('AB:CD:EF')).toBeTruthy();
    expect(within(table).getByText('Expired')).toBeTruthy();
    expect(within(table).getByText('Self-signed')).toBeTruthy();
  });

  it('explains that the ConfigMap and reference are created when not referenced', async () => {
    renderPage(
      fakePlatform(() => status([], false)),
      [route('/trust', <TrustPage />)],
      '/trust',
    );
    expect(await screen.findByText(/Adding the first CA creates the ConfigMap when missing/)).toBeTruthy();
  });

  it('puts a bad-PEM 422 on the PEM field and a bad-registry 422 on the hostname field', async () => {
    let answer: ApiError = invalid('pem', 'no PEM certificate block found');
    const platform = fakePlatform((path, options: RequestOptions) => {
      if (options.method === 'PUT') throw answer;
      return status([]);
    });
    renderPage(platform, [route('/trust', <TrustPage />)], '/trust');
    await screen.findByText('No registry has an additional trusted CA');
    const form = fillForm('registry.example.com:5000', 'not a pem');
    await within(form).findByText('no PEM certificate block found');
    expect(
      within(form)
        .getByLabelText(/CA certificate \(PEM\)/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(platform.requests.find((r) => r.options.method === 'PUT')?.path).toBe(
      '/v1/trust/registry.example.com%3A5000',
    );

    answer = invalid('registry', 'port 99999 is not between 1 and 65535');
    fireEvent.click(within(form).getByRole('button', { name: 'Save CA' }));
    await within(form).findByText('port 99999 is not between 1 and 65535');
    expect(
      within(form)
        .getByLabelText(/Registry hostname/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
  });

  it('rejects a hostname with a scheme before sending anything', async () => {
    const platform = fakePlatform(() => status([]));
    renderPage(platform, [route('/trust', <TrustPage />)], '/trust');
    await screen.findByText('No registry has an additional trusted CA');
    const form = fillForm('https://registry.example.com', '-----BEGIN CERTIFICATE-----');
    expect(within(form).getByText(/is not a hostname or hostname:port/)).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'Save CA' })).toHaveProperty('disabled', true);
    expect(platform.requests.some((r) => r.options.method === 'PUT')).toBe(false);
  });

  it('refuses a pasted private key in the browser: it is never sent', async () => {
    const platform = fakePlatform(() => status([]));
    renderPage(platform, [route('/trust', <TrustPage />)], '/trust');
    await screen.findByText('No registry has an additional trusted CA');
    const key = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';
    const form = fillForm(
      'registry.example.com:5000',
      `-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n${key}`,
    );
    expect(
      within(form).getByText(/found a PEM "PRIVATE KEY" block \(never upload a private key\)/),
    ).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'Save CA' })).toHaveProperty('disabled', true);
    fireEvent.submit(form);
    expect(platform.requests.some((r) => r.options.method === 'PUT')).toBe(false);
  });

  it('shows warnings and what was created after saving, then lists the registry', async () => {
    const saved: PutTrustResponse = {
      trust: status([entry]),
      registry: entry,
      warnings: entry.warnings,
      created: true,
      referenceSet: true,
      changed: true,
    };
    const platform = fakePlatform((path, options) => (options.method === 'PUT' ? saved : status([], false)));
    renderPage(platform, [route('/trust', <TrustPage />)], '/trust');
    await screen.findByText('No registry has an additional trusted CA');
    fillForm('registry.example.com:5000', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----');
    const alert = await screen.findByText('Saved the CA of registry.example.com:5000');
    const box = alert.closest('[data-test="trust-saved"]') as HTMLElement;
    expect(within(box).getByText(/expired on 2020-01-01/)).toBeTruthy();
    expect(within(box).getByText('Created the ConfigMap registry-cas.')).toBeTruthy();
    expect(await screen.findByText('AB:CD:EF')).toBeTruthy();
  });

  it('asks before removing, then sends DELETE', async () => {
    const platform = fakePlatform((path, options) =>
      options.method === 'DELETE' ? status([]) : status([entry]),
    );
    renderPage(platform, [route('/trust', <TrustPage />)], '/trust');
    fireEvent.click(
      await screen.findByRole('button', { name: 'Remove the CA of registry.example.com:5000' }),
    );
    expect(platform.requests.some((r) => r.options.method === 'DELETE')).toBe(false);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await screen.findByText('No registry has an additional trusted CA');
    expect(platform.requests.find((r) => r.options.method === 'DELETE')?.path).toBe(
      '/v1/trust/registry.example.com%3A5000',
    );
  });

  it('disables the controls with the server reason after a 403', async () => {
    const platform = fakePlatform((path, options) => {
      if (options.method === 'PUT')
        throw new ApiError(403, 'configmaps "registry-cas" is forbidden', {
          statusCode: 403,
          reason: 'Forbidden',
          message: 'configmaps "registry-cas" is forbidden',
        });
      return status([]);
    });
    renderPage(platform, [route('/trust', <TrustPage />)], '/trust');
    await screen.findByText('No registry has an additional trusted CA');
    const form = fillForm('registry.example.com', '-----BEGIN CERTIFICATE-----');
    await waitFor(() =>
      expect(within(form).getByLabelText(/Registry hostname/)).toHaveProperty('disabled', true),
    );
    expect(within(form).getByText('configmaps "registry-cas" is forbidden')).toBeTruthy();
  });
});
