import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { reviewAndApply } from '../support/config.js';
import { ensureHealthyRegistry, sandboxScenario } from '../support/registry.js';

/**
 * Issue 14's walk, as an admin does it: a fault appears → the overview's banner names it →
 * "Open the diagnosis" shows the finding → its fix opens the form with the field focused → the
 * change is saved → the fault is gone and the checklist is green again — without clearing the
 * scenario: the admin's fix is what heals the cluster.
 */
interface Walk {
  scenario: string;
  /** The label of the fix link the finding offers. */
  fix: RegExp;
  /** The field the fix focuses. */
  field(page: Page): Locator;
  /** What the admin changes there. */
  change(page: Page, field: Locator): Promise<void>;
}

const WALKS: Walk[] = [
  {
    scenario: 'registry-unschedulable',
    fix: /^Change nodeSelector$/,
    field: (page) => page.getByRole('textbox', { name: 'Label key' }).first(),
    change: (page) => page.getByRole('button', { name: 'Remove label 1' }).click(),
  },
  {
    scenario: 'registry-insufficient-cpu',
    fix: /^Change the cpu request$/,
    field: (page) => page.getByRole('textbox', { name: 'CPU request' }),
    change: (_page, field) => field.fill('100m'),
  },
  {
    scenario: 'registry-anti-affinity',
    fix: /^Change replicas$/,
    field: (page) =>
      page.getByRole('textbox', { name: 'Replicas' }).or(page.getByRole('spinbutton', { name: 'Replicas' })),
    change: (_page, field) => field.fill('3'),
  },
  {
    scenario: 'route-tls-secret-missing',
    fix: /^Change the secret name$/,
    field: (page) => page.getByRole('textbox', { name: 'TLS secret' }).first(),
    change: (_page, field) => field.fill(''),
  },
];

test.beforeEach(ensureHealthyRegistry);
test.afterAll(ensureHealthyRegistry);

for (const walk of WALKS)
  test(`${walk.scenario}: banner → diagnosis → fix form → saved → green`, async ({ page }) => {
    test.setTimeout(180_000);
    await sandboxScenario(walk.scenario);

    await page.goto('/overview');
    const banner = page.getByRole('region', { name: 'Current diagnosis' });
    await expect(banner).toHaveAttribute('data-verdict', 'failing', { timeout: 60_000 });
    const alert = banner.locator('[data-code]');
    // the headline settles on the cause once the operator has rolled the Deployment
    await expect(banner.getByRole('link', { name: walk.fix })).toBeVisible({ timeout: 60_000 });
    const code = await alert.getAttribute('data-code');
    if (walk === WALKS[0]) await expectNoSeriousA11yViolations(page);

    await banner.getByRole('link', { name: 'Open the diagnosis' }).click();
    await expect(page).toHaveURL(new RegExp(`/diagnostics\\?finding=${code}$`));
    const finding = page.locator(`#irc-finding-${code}`);
    await expect(finding).toBeFocused();
    await expect(finding.getByRole('heading', { level: 4 })).toBeVisible();
    if (walk === WALKS[0]) await expectNoSeriousA11yViolations(page);

    await finding.getByRole('link', { name: walk.fix }).click();
    await expect(page).toHaveURL(/\/config\/[a-z]+\?field=/);
    const field = walk.field(page);
    await expect(field).toBeFocused();
    await walk.change(page, field);
    await reviewAndApply(page);
    if (walk === WALKS[0]) await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: 'Overview' }).first().click();
    await expect(banner).toHaveAttribute('data-verdict', /^(ok|info)$/, { timeout: 90_000 });
    if (walk === WALKS[0]) await expectNoSeriousA11yViolations(page);
  });
