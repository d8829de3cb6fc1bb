import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { kubectl } from '../support/kubectl.js';
import { ensureHealthyRegistry, sandboxScenario } from '../support/registry.js';

test.beforeEach(ensureHealthyRegistry);
test.afterAll(ensureHealthyRegistry);

/**
 * The log of a registry pod whose node's kubelet stopped (sandbox scenario node-unreachable):
 * the viewer says the node cannot be reached, shows no node address, and keeps trying until the
 * kubelet is back.
 */
test("a pod log on a node that cannot be reached says so, without the node's address", async ({ page }) => {
  await sandboxScenario('node-unreachable');
  const nodes = JSON.parse(await kubectl(['get', 'nodes', '-o', 'json'])) as {
    items: Array<{
      metadata: { name: string; annotations?: Record<string, string> };
      status: { addresses: Array<{ type: string; address: string }> };
    }>;
  };
  const node = nodes.items.find((n) => n.metadata.annotations?.['sandbox.irc/kubelet'] === 'stopped')!;
  const ip = node.status.addresses.find((a) => a.type === 'InternalIP')!.address;
  const pod = (
    await kubectl([
      'get',
      'pods',
      '-n',
      'openshift-image-registry',
      '-l',
      'docker-registry=default',
      '--field-selector',
      `spec.nodeName=${node.metadata.name}`,
      '-o',
      'jsonpath={.items[0].metadata.name}',
    ])
  ).trim();
  expect(pod).toMatch(/^image-registry-/);

  await page.goto(`/pods/openshift-image-registry/${pod}/logs`);
  await expect(page.getByRole('heading', { name: `Logs of ${pod}` })).toBeVisible();
  const alert = page.getByRole('heading', { name: /The node running this pod cannot be reached/ });
  await expect(alert).toBeVisible();
  await expect(page.getByText(/Its kubelet does not answer/)).toBeVisible();
  await expect(page.getByText('The log stream broke', { exact: false })).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(ip);
  await expect(page.locator('body')).not.toContainText('10250');
  await expectNoSeriousA11yViolations(page);

  // The kubelet is back: the next retry gets an answer (the log, or — if the pod was evicted
  // meanwhile — that it is gone), and the message goes without a reload.
  await sandboxScenario('clear', 'node-unreachable');
  await expect(alert).toHaveCount(0, { timeout: 30_000 });
});
