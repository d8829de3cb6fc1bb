import { Label, Stack } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { RouteRow, RoutesView } from '@irc/shared';
import { Link } from 'react-router';
import { HealthIcon, type Health } from '../ui/conditions.js';
import { useT } from '../platform/i18n.js';
import { EmptyMessage } from '../ui/states.js';
import { usePlatform } from '../platform/platform.js';
import { PartErrorAlert } from '../ui/workloadParts.js';
import { useRoutesViewQuery } from '../api/workloads.js';
import { WorkloadPage } from './WorkloadPage.js';

function AdmittedLabel({ route }: { route: RouteRow }) {
  const t = useT();
  const [text, color, health]: [string, 'green' | 'red' | 'orange' | 'grey', Health] = !route.exists
    ? [t('Not created'), 'red', 'bad']
    : route.admitted === 'True'
      ? [t('Admitted'), 'green', 'good']
      : route.admitted === 'False'
        ? [t('Not admitted'), 'red', 'bad']
        : route.admitted === 'Pending'
          ? [t('No router answered yet'), 'orange', 'warning']
          : [route.admitted, 'grey', 'unknown'];
  return (
    <Label
      color={color}
      icon={<HealthIcon health={health} />}
      data-admitted={route.exists ? route.admitted : 'absent'}
    >
      {text}
    </Label>
  );
}

function RoutesTable({ view }: { view: RoutesView }) {
  const t = useT();
  const routes = view.routes;
  if (routes.error) return <PartErrorAlert error={routes.error} title={t('Could not read the routes')} />;
  if (!routes.items.length)
    return (
      <EmptyMessage title={t('No routes')}>
        {t(
          'The registry is reachable inside the cluster only: neither the default route nor custom routes are configured.',
        )}
      </EmptyMessage>
    );
  const source = {
    default: t('Default route'),
    config: t('Custom route (Config)'),
    other: t('Not from the Config'),
  };
  return (
    <Table aria-label={t('Routes of the registry')} variant="compact">
      <Thead>
        <Tr>
          <Th modifier="wrap">{t('Name')}</Th>
          <Th modifier="wrap">{t('Source')}</Th>
          <Th>{t('Host')}</Th>
          <Th modifier="wrap">{t('TLS')}</Th>
          <Th modifier="wrap">{t('Admitted')}</Th>
          <Th>{t('Reason')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {routes.items.map((route) => (
          <Tr key={route.name} data-test={`route-${route.name}`}>
            <Td dataLabel={t('Name')} modifier="nowrap">
              {route.name}
            </Td>
            <Td dataLabel={t('Source')}>{source[route.source]}</Td>
            <Td dataLabel={t('Host')} modifier="nowrap">
              {route.host ?? t('—')}
            </Td>
            <Td dataLabel={t('TLS')}>
              {route.termination ?? t('—')}
              {route.secretName ? (
                <div className="irc-subtle">{t('secret {{name}}', { name: route.secretName })}</div>
              ) : null}
            </Td>
            <Td dataLabel={t('Admitted')}>
              <AdmittedLabel route={route} />
              {route.routerName ? (
                <div className="irc-subtle">{t('router {{name}}', { name: route.routerName })}</div>
              ) : null}
            </Td>
            <Td dataLabel={t('Reason')} className="irc-multiline">
              {route.reason ?? (route.operatorMessage ? null : t('—'))}
              {route.message ? <div className="irc-subtle">{route.message}</div> : null}
              {route.operatorMessage ? (
                <div>{t('Operator: {{message}}', { message: route.operatorMessage })}</div>
              ) : null}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

/** The registry's Routes: the ones the Config asks for and the ones that exist, with the router's answer. */
export default function RoutesPage() {
  const t = useT();
  const { links } = usePlatform();
  const query = useRoutesViewQuery();
  return (
    <WorkloadPage
      title={t('Routes')}
      description={
        <>
          {t(
            'How the registry is reached from outside the cluster. A route the router did not admit, or one the operator could not create, serves nothing.',
          )}{' '}
          <Link to={links.page('/config/routes')}>{t('Change routes')}</Link>
        </>
      }
      query={query}
      loadingLabel={t('Loading the routes')}
      details={(view) => (
        <Stack hasGutter>
          <RoutesTable view={view} />
        </Stack>
      )}
      yaml={(view) => {
        const objects = view.routes.items.flatMap((r) => (r.object ? [r.object] : []));
        return objects.length
          ? { apiVersion: 'v1', kind: 'List', items: objects }
          : '# no Route objects exist';
      }}
    />
  );
}
