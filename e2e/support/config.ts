import { expect, type Page } from '@playwright/test';
import { kubectl } from './kubectl.js';

/** The registry Config as the cluster has it now (through kubectl, not the console). */
export async function liveConfig(): Promise<{
  metadata: { resourceVersion: string };
  spec: Record<string, unknown>;
  status?: { conditions?: Array<{ type: string; status: string; reason?: string }> };
}> {
  return JSON.parse(
    await kubectl(['get', 'configs.imageregistry.operator.openshift.io', 'cluster', '-o', 'json']),
  );
}

export async function mergePatchConfig(patch: unknown): Promise<void> {
  await kubectl([
    'patch',
    'configs.imageregistry.operator.openshift.io',
    'cluster',
    '--type',
    'merge',
    '-p',
    JSON.stringify(patch),
  ]);
}

/** Clicks "Review changes", waits for the dry run, then applies. */
export async function reviewAndApply(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Review changes' }).click();
  await expect(page.getByText('Dry run passed')).toBeVisible();
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByText('Change applied')).toBeVisible();
}

/** Waits until the cluster's registry reports Available=True Ready (through kubectl). */
export async function waitForRegistryReady(): Promise<void> {
  await expect
    .poll(async () => (await liveConfig()).status?.conditions?.find((c) => c.type === 'Available')?.reason, {
      timeout: 30_000,
    })
    .toBe('Ready');
}
