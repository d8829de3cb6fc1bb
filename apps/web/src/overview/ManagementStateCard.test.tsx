import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PatchConfigRequest } from '../common/contract.js';
import { fakePlatform, renderPage, route } from '../test/fakePlatform.js';
import OverviewPage from './OverviewPage.js';

const config = {
  config: {
    apiVersion: 'imageregistry.operator.openshift.io/v1',
    kind: 'Config',
    metadata: { name: 'cluster', resourceVersion: '7' },
    spec: { managementState: 'Managed', replicas: 2, storage: { managementState: 'Managed', s3: { bucket: 'reg-images', region: 'us-east-1' } } },
    status: { readyReplicas: 2, conditions: [{ type: 'Available', status: 'True', reason: 'Ready', message: 'The registry is ready', lastTransitionTime: '2026-11-25T10:00:00Z' }] },
  },
  resourceVersion: '7',
};

async function enabledButton(name: string): Promise<HTMLButtonElement> {
  const button = (await screen.findByRole('button', { name })) as HTMLButtonElement;
  await waitFor(() => expect(button.disabled).toBe(false));
  return button;
}

function setup() {
  const patches: PatchConfigRequest[] = [];
  const platform = fakePlatform((path, options) => {
    if (path === '/v1/me') return { user: { username: 'admin', groups: [] }, authMode: 'kubeconfig', permissions: [] };
    if (options.method === 'PATCH') {
      patches.push(options.body as PatchConfigRequest);
      return { config: config.config, patch: {}, ocCommand: '', warnings: [], dryRun: false };
    }
    return config;
  });
  renderPage(platform, [route('/overview', <OverviewPage />)], '/overview');
  return patches;
}

describe('management state', () => {
  it('asks before Removed, warns that the operator deletes its bucket, and offers Unmanaged storage first', async () => {
    const patches = setup();
    fireEvent.click(await enabledButton('Removed'));
    const dialog = await screen.findByRole('dialog', { name: /Remove the image registry\?/ });
    expect(dialog.textContent).toContain('The operator created the bucket reg-images and will delete it');
    const confirm = screen.getByRole('button', { name: 'Remove the registry' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    expect(patches).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Set storage to Unmanaged' }));
    await waitFor(() => expect(patches).toHaveLength(1));
    expect(patches[0]).toEqual({ patch: { storage: { managementState: 'Unmanaged', s3: { bucket: 'reg-images', region: 'us-east-1' } } }, resourceVersion: '7' });

    fireEvent.click(screen.getByRole('checkbox', { name: 'I understand what will be deleted' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove the registry' }));
    await waitFor(() => expect(patches).toHaveLength(2));
    expect(patches[1]!.patch).toEqual({ managementState: 'Removed' });
  });

  it('applies Unmanaged at once and shows conditions with colour and icon', async () => {
    const patches = setup();
    fireEvent.click(await enabledButton('Unmanaged'));
    await waitFor(() => expect(patches).toEqual([{ patch: { managementState: 'Unmanaged' }, resourceVersion: '7' }]));
    const table = screen.getByRole('grid', { name: 'Conditions of the registry configuration' });
    expect(table.querySelector('[data-health="good"]')?.textContent).toBe('True');
  });
});
