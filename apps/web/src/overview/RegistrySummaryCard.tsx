import {
  Card,
  CardBody,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  List,
  ListItem,
} from '@patternfly/react-core';
import { Link } from 'react-router';
import type { RegistryConfig } from '../api/contract.js';
import { useT } from '../platform/i18n.js';
import { backendLabel, configuredBackends } from '../ui/storage.js';
import { usePlatform } from '../platform/platform.js';
import { useLiveObjects } from '../platform/useStream.js';
import { workloadPaths } from '../ui/paths/workloads.js';

interface DeploymentView {
  metadata: { name?: string; namespace?: string };
  spec?: { replicas?: number };
  status?: { readyReplicas?: number; updatedReplicas?: number; replicas?: number };
}

/** Replicas, storage and routes at a glance, each linking to the section that edits it. */
export function RegistrySummaryCard({ config }: { config: RegistryConfig }) {
  const t = useT();
  const { links } = usePlatform();
  const deployments = useLiveObjects('Deployment');
  const deployment = deployments.items.find(
    (d) => d.metadata.name === 'image-registry' && d.metadata.namespace === 'openshift-image-registry',
  ) as DeploymentView | undefined;
  const desired = config.spec.replicas ?? 0;
  const ready = deployment?.status?.readyReplicas ?? config.status?.readyReplicas ?? 0;
  const backends = configuredBackends(config.spec.storage);
  const storageState = config.spec.storage?.managementState ?? config.status?.storage?.managementState;
  const routes = config.spec.routes ?? [];

  return (
    <Card data-test="registry-summary" isFullHeight>
      <CardTitle component="h2">{t('Registry')}</CardTitle>
      <CardBody>
        <DescriptionList isHorizontal>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Replicas')}</DescriptionListTerm>
            <DescriptionListDescription data-test="replicas">
              {t('{{ready}} of {{desired}} ready', { ready, desired })}
              {deployment?.status?.updatedReplicas !== undefined &&
              deployment.status.updatedReplicas < desired
                ? ` · ${t('{{count}} updated', { count: deployment.status.updatedReplicas })}`
                : ''}{' '}
              <Link to={links.page('/config/replicas')}>{t('Change replicas')}</Link>
              <div>
                <Link to={links.page(workloadPaths.registry())}>{t('Show the registry Deployment')}</Link>
              </div>
            </DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Storage')}</DescriptionListTerm>
            <DescriptionListDescription data-test="storage-backend">
              {backends.length > 1
                ? t('Several backends configured: {{list}} (the operator refuses this)', {
                    list: backends.join(', '),
                  })
                : backendLabel(backends[0], t)}
              {storageState
                ? ` · ${storageState === 'Managed' ? t('managed by the operator') : t('not managed by the operator')}`
                : ''}{' '}
              <Link to={links.page('/config/storage')}>{t('Change storage')}</Link>
            </DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Routes')}</DescriptionListTerm>
            <DescriptionListDescription data-test="routes">
              <List isPlain>
                <ListItem>
                  {config.spec.defaultRoute ? t('Default route: on') : t('Default route: off')}
                </ListItem>
                {routes.map((route) => (
                  <ListItem key={route.name}>
                    {route.name}
                    {route.hostname ? ` — ${route.hostname}` : ''}
                  </ListItem>
                ))}
              </List>
              <Link to={links.page('/config/routes')}>{t('Change routes')}</Link>
            </DescriptionListDescription>
          </DescriptionListGroup>
        </DescriptionList>
      </CardBody>
    </Card>
  );
}
