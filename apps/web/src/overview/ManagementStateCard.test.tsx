import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PatchConfigRequest } from '../api/contract.js';
import { ApiError } from '../platform/http.js';
import { fakePlatform, renderPage, route } from '../test/fakePlatform.js';
import { ManagementStateCard } from './ManagementStateCard.js';

function config(resourceVersion: string, spec: Record<string, unknown>) {
  return {
    config: {
      apiVersion: 'imageregistry.operator.openshift.io/v1',
      kind: 'Config',
      metadata: { name: 'cluster', resourceVersion },
      spec,
    },
    resourceVersion,
  };
}

const me = {
  user: { username: 'admin', groups: [] },
  authMode: 'kubeconfig',
  permissions: [
    {
      id: 'config.patch',
      verb: 'patch',
      group: 'imageregistry.operator.openshift.io',
      resource: 'configs',
      allowed: true,
      reason: '',
    },
  ],
};

function setup(live: ReturnType<typeof config>) {
  const seen = config('10', { managementState: 'Removed', storage: { s3: { bucket: 'b' } } });
  const patches: PatchConfigRequest[] = [];
  const platform = fakePlatform((path, options) => {
    if (path === '/v1/me') return me;
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
      return {
        config: config('12', { ...live.config.spec, managementState: 'Managed' }).config,
        patch: {},
        ocCommand: '',
        warnings: [],
        dryRun: false,
      };
    }
    return seen;
  });
  renderPage(platform, [route('/', <ManagementStateCard data={seen as never} />)], '/');
  return patches;
}

/** The switch is disabled until the user's permissions have loaded. */
async function clickWhenEnabled(name: string) {
  const button = await screen.findByRole('button', { name });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(button);
}

describe('management state switch', () => {
  it('re-applies once on the live version when only other fields changed meanwhile', async () => {
    const patches = setup(config('11', { managementState: 'Removed', storage: { s3: { bucket: '' } } }));
    await clickWhenEnabled('Managed');
    await waitFor(() => expect(patches).toHaveLength(2));
    expect(patches[1]).toMatchObject({ patch: { managementState: 'Managed' }, resourceVersion: '11' });
    expect(screen.queryByText('The management state was not changed')).toBeNull();
  });

  it('shows the conflict when someone else changed the management state meanwhile', async () => {
    const patches = setup(config('11', { managementState: 'Unmanaged' }));
    await clickWhenEnabled('Managed');
    await screen.findByText('The management state was not changed');
    expect(patches).toHaveLength(1);
  });
});
