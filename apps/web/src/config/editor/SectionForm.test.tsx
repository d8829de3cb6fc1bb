import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PatchConfigRequest } from '../../api/contract.js';
import { ApiError } from '../../platform/http.js';
import { fakePlatform, renderPage, route } from '../../test/fakePlatform.js';
import { configData, meResponse } from '../../test/fixtures.js';
import ReplicasSection from '../replicas/ReplicasSection.js';

const config = configData;
const me = (allowed: boolean) => meResponse({ patch: allowed });

describe('section form: review, apply, conflict', () => {
  it('reviews with a dry run, and on 409 shows what changed and re-applies the typed change on the new version', async () => {
    const seen = config('10', { replicas: 2, logLevel: 'Normal' });
    const live = config('11', { replicas: 2, logLevel: 'Debug' });
    const patches: PatchConfigRequest[] = [];
    const platform = fakePlatform((path, options) => {
      if (path === '/v1/me') return me(true);
      if (path === '/v1/config' && options.method === 'PATCH') {
        const body = options.body as PatchConfigRequest;
        patches.push(body);
        if (body.resourceVersion === '10')
          throw new ApiError(409, 'conflict', {
            statusCode: 409,
            reason: 'Conflict',
            message: 'changed',
            live,
          });
        const stored = config(body.dryRun ? '11' : '12', { replicas: 3, logLevel: 'Debug' });
        return {
          config: stored.config,
          patch: { spec: { replicas: 3 } },
          ocCommand: `oc patch configs.imageregistry.operator.openshift.io/cluster --type merge --patch '{"spec":{"replicas":3}}'`,
          warnings: [],
          dryRun: body.dryRun === true,
        };
      }
      if (path === '/v1/config') return seen;
      throw new Error(`unexpected ${path}`);
    });
    renderPage(platform, [route('/config/replicas', <ReplicasSection />)], '/config/replicas');

    const input = await screen.findByRole('textbox', { name: /Replicas/ });
    fireEvent.change(input, { target: { value: '3' } });
    const review = screen.getByRole('button', { name: 'Review changes' });
    await waitFor(() => expect((review as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(review);

    // 409 on the dry run: the conflict panel shows the other change; nothing typed is lost.
    const panel = await screen.findByText('The configuration changed while you were editing');
    expect(patches[0]).toMatchObject({ patch: { replicas: 3 }, resourceVersion: '10', dryRun: true });
    const conflict = panel.closest('[data-test="conflict-panel"]') as HTMLElement;
    expect(within(conflict).getByText(/Changed meanwhile: logLevel/)).toBeTruthy();
    expect(within(conflict).getByRole('region', { name: /spec you saw/ }).textContent).toContain(
      'logLevel: Debug',
    );
    expect((screen.getByRole('textbox', { name: /Replicas/ }) as HTMLInputElement).value).toBe('3');

    fireEvent.click(within(conflict).getByRole('button', { name: 'Review my change on the new version' }));
    await screen.findByText('Dry run passed');
    expect(patches[1]).toMatchObject({ patch: { replicas: 3 }, resourceVersion: '11', dryRun: true });
    expect((screen.getByRole('textbox', { name: 'oc patch command' }) as HTMLInputElement).value).toMatch(
      /^oc patch configs.imageregistry.operator.openshift.io\/cluster --type merge/,
    );
    expect(screen.getByRole('region', { name: /live spec and the new spec/ }).textContent).toContain(
      'replicas: 3',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await screen.findByText('Change applied');
    expect(patches[2]).toMatchObject({ patch: { replicas: 3 }, resourceVersion: '11' });
    expect(patches[2]!.dryRun).toBe(false);
  });

  it('moves to a newer version silently when only status changed, so no needless conflict', async () => {
    let current = config('20', { replicas: 2 });
    const patches: PatchConfigRequest[] = [];
    const platform = fakePlatform((path, options) => {
      if (path === '/v1/me') return me(true);
      if (options.method === 'PATCH') {
        patches.push(options.body as PatchConfigRequest);
        return {
          config: current.config,
          patch: { spec: { replicas: 4 } },
          ocCommand: 'oc patch …',
          warnings: [],
          dryRun: true,
        };
      }
      return current;
    });
    const { client } = renderPage(
      platform,
      [route('/config/replicas', <ReplicasSection />)],
      '/config/replicas',
    );
    fireEvent.change(await screen.findByRole('textbox', { name: /Replicas/ }), { target: { value: '4' } });
    // The operator writes status: new resourceVersion, same spec.
    current = {
      ...config('21', { replicas: 2 }),
      config: { ...config('21', { replicas: 2 }).config, status: { readyReplicas: 2 } } as never,
    };
    await act(async () => client.invalidateQueries());
    await waitFor(() =>
      expect(
        document.querySelector('[data-test="section-replicas"]')?.getAttribute('data-resource-version'),
      ).toBe('21'),
    );
    expect(screen.queryByText('The configuration changed since you started editing')).toBeNull();
    const review = screen.getByRole('button', { name: 'Review changes' });
    // Enabled only once the user's permissions have loaded (slow on a loaded CI machine).
    await waitFor(() => expect((review as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(review);
    await screen.findByText('Dry run passed');
    expect(patches[0]).toMatchObject({ resourceVersion: '21', patch: { replicas: 4 } });
    expect((screen.getByRole('textbox', { name: /Replicas/ }) as HTMLInputElement).value).toBe('4');
  });

  it('shows server field errors (422) on the field', async () => {
    const platform = fakePlatform((path, options) => {
      if (path === '/v1/me') return me(true);
      if (options.method === 'PATCH')
        throw new ApiError(422, 'invalid', {
          statusCode: 422,
          reason: 'Invalid',
          message: 'invalid',
          fieldErrors: [{ path: 'spec.replicas', message: 'server says no' }],
        });
      return config('1', { replicas: 1 });
    });
    renderPage(platform, [route('/config/replicas', <ReplicasSection />)], '/config/replicas');
    fireEvent.change(await screen.findByRole('textbox', { name: /Replicas/ }), { target: { value: '5' } });
    const review = screen.getByRole('button', { name: 'Review changes' });
    await waitFor(() => expect((review as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(review);
    await waitFor(() => expect(screen.getAllByText('server says no').length).toBeGreaterThan(0));
    const input = screen.getByRole('textbox', { name: /Replicas/ });
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('disables the fields for a user who may not patch, and says why', async () => {
    const platform = fakePlatform((path) => (path === '/v1/me' ? me(false) : config('1', { replicas: 1 })));
    renderPage(platform, [route('/config/replicas', <ReplicasSection />)], '/config/replicas');
    await screen.findAllByText('viewer cannot patch configs');
    expect((screen.getByRole('textbox', { name: /Replicas/ }) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Review changes' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
