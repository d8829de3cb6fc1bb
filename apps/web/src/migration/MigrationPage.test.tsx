import type {
  MigrationObjectResult,
  MigrationOptions,
  MigrationRequest,
  MigrationResponse,
} from '@irc/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RequestOptions } from '../platform/platform.js';
import { fakePlatform, renderPage, route } from '../test/fakePlatform.js';
import MigrationPage from './MigrationPage.js';

const OLD = 'docker-registry.default.svc:5000';
const NEW = 'image-registry.openshift-image-registry.svc:5000';

const options: MigrationOptions = {
  namespaces: [{ name: 'default' }, { name: 'shop', sample: 'image-migration' }],
  namespacesListed: true,
  kinds: [
    { id: 'imagestreams', kind: 'ImageStream', served: true },
    { id: 'deployments', kind: 'Deployment', served: true },
    { id: 'deploymentconfigs', kind: 'DeploymentConfig', served: false },
    { id: 'statefulsets', kind: 'StatefulSet', served: true },
    { id: 'daemonsets', kind: 'DaemonSet', served: true },
    { id: 'jobs', kind: 'Job', served: true },
    { id: 'cronjobs', kind: 'CronJob', served: true },
    { id: 'buildconfigs', kind: 'BuildConfig', served: true },
    { id: 'secrets', kind: 'Secret', served: true },
  ],
};

function response(dryRun: boolean, objects: MigrationObjectResult[]): MigrationResponse {
  const count = (s: string) => objects.filter((o) => o.status === s).length;
  const summary = {
    total: objects.length,
    errors: count('error'),
    ignored: count('ignored'),
    unchanged: count('unchanged'),
    migrated: count('migrated'),
  };
  return {
    dryRun,
    objects,
    summary,
    summaryLine: `summary${dryRun ? ' (dry run)' : ''}: total=${summary.total} errors=${summary.errors} ignored=${summary.ignored} unchanged=${summary.unchanged} migrated=${summary.migrated}`,
    notServed: [],
    listProblems: [],
    commands: [
      `oc adm migrate image-references '${OLD}/*=${NEW}/*' --include=deployments -n shop${dryRun ? '' : ' --confirm'}`,
    ],
  };
}

const web: MigrationObjectResult = {
  namespace: 'shop',
  kind: 'deployments',
  name: 'web',
  status: 'migrated',
  changes: [
    { field: 'spec.template.spec.containers[0].image', old: `${OLD}/shop/web:1`, new: `${NEW}/shop/web:1` },
  ],
};

/** PatternFly tables are role grid or table depending on their features. */
const tableNamed = (name: string) =>
  screen.findByRole('grid', { name }).catch(() => screen.getByRole('table', { name }));

function fillForm() {
  fireEvent.change(screen.getByLabelText('Mapping 1'), { target: { value: `${OLD}/*=${NEW}/*` } });
  fireEvent.click(screen.getByLabelText(/^shop/));
}

describe('MigrationPage', () => {
  it('checks mappings as typed, with the server parser messages', async () => {
    renderPage(
      fakePlatform(() => options),
      [route('/migrate-images', <MigrationPage />)],
      '/migrate-images',
    );
    await screen.findByLabelText(/^shop/);
    fireEvent.change(screen.getByLabelText('Mapping 1'), { target: { value: 'foo' } });
    expect(screen.getByText(/"foo" is not SRC=DST/)).toBeTruthy();
    expect(screen.getByLabelText('Mapping 1').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByRole('button', { name: 'Preview' }) as HTMLButtonElement).disabled).toBe(true);
    expect(
      (screen.getByLabelText(/Deployment configs \(not served by this cluster\)/) as HTMLInputElement)
        .disabled,
    ).toBe(true);
  });

  it('previews, then applies after confirmation and shows per-object results', async () => {
    const bodies: Array<{ path: string; body: MigrationRequest }> = [];
    const platform = fakePlatform((path, o: RequestOptions) => {
      if (o.method === 'POST') bodies.push({ path, body: o.body as MigrationRequest });
      if (path.endsWith('/preview')) return response(true, [web]);
      if (path.endsWith('/apply')) return response(false, [web]);
      return options;
    });
    renderPage(platform, [route('/migrate-images', <MigrationPage />)], '/migrate-images');
    await screen.findByLabelText(/^shop/);
    fillForm();
    expect((screen.getByRole('button', { name: 'Apply' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const table = await tableNamed('Migration preview');
    expect(within(table).getByText(`${NEW}/shop/web:1`)).toBeTruthy();
    expect(
      screen.getByText('summary (dry run): total=1 errors=0 ignored=0 unchanged=0 migrated=1'),
    ).toBeTruthy();
    expect(bodies[0]).toEqual({
      path: '/v1/migration/preview',
      body: {
        mappings: [`${OLD}/*=${NEW}/*`],
        namespaces: ['shop'],
        kinds: [
          'imagestreams',
          'deployments',
          'statefulsets',
          'daemonsets',
          'jobs',
          'cronjobs',
          'buildconfigs',
          'secrets',
        ],
      },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    const modal = await screen.findByRole('dialog', { name: /Migrate image references\?/ });
    fireEvent.click(within(modal).getByRole('button', { name: 'Migrate' }));
    await screen.findByText('summary: total=1 errors=0 ignored=0 unchanged=0 migrated=1');
    expect(bodies[1]?.path).toBe('/v1/migration/apply');
    expect(bodies[1]?.body).toEqual(bodies[0]?.body);
    expect(within(await tableNamed('Migration result')).getByText('Migrated')).toBeTruthy();
  });

  it('a preview whose writes were all refused disables Apply with the reason', async () => {
    const refused: MigrationObjectResult = {
      ...web,
      status: 'error',
      reason: 'Forbidden',
      message: 'deployments.apps "web" is forbidden: User "viewer" cannot patch resource',
    };
    renderPage(
      fakePlatform((path) => (path.endsWith('/preview') ? response(true, [refused]) : options)),
      [route('/migrate-images', <MigrationPage />)],
      '/migrate-images',
    );
    await screen.findByLabelText(/^shop/);
    fillForm();
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const alert = await screen.findByText(
      /You may not change these objects: deployments.apps "web" is forbidden/,
    );
    expect(alert).toBeTruthy();
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Apply' }) as HTMLButtonElement).disabled).toBe(true),
    );
  });

  it('changing the form after a preview hides it until previewed again', async () => {
    renderPage(
      fakePlatform((path) => (path.endsWith('/preview') ? response(true, [web]) : options)),
      [route('/migrate-images', <MigrationPage />)],
      '/migrate-images',
    );
    await screen.findByLabelText(/^shop/);
    fillForm();
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByText(/summary \(dry run\)/);
    fireEvent.click(screen.getByLabelText('Jobs'));
    expect(screen.queryByText(/summary \(dry run\)/)).toBeNull();
    expect((screen.getByRole('button', { name: 'Apply' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
