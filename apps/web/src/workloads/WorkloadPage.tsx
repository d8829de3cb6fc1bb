import {
  Breadcrumb,
  BreadcrumbItem,
  Content,
  Flex,
  PageSection,
  Tab,
  Tabs,
  TabTitleText,
  Title,
} from '@patternfly/react-core';
import type { PartError, WorkloadEvent, WorkloadHealth } from '@irc/shared';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../platform/i18n.js';
import { LiveUpdatesBanner } from '../ui/LiveUpdatesBanner.js';
import { ErrorState, PageLoading } from '../ui/states.js';
import { YamlBlock } from '../ui/YamlBlock.js';
import { usePlatform } from '../platform/platform.js';
import { EventsTable, HealthLabel } from '../ui/workloadParts.js';
import { workloadPaths } from '../ui/paths/workloads.js';

interface Viewed {
  health: WorkloadHealth;
  events: { items: WorkloadEvent[]; error?: PartError };
}

/**
 * The frame of every object page, as the OpenShift console lays out a resource: a breadcrumb,
 * the object's name and health, then Details / Events / YAML tabs. The YAML is the object as the
 * server sends it (secret values such as REGISTRY_HTTP_SECRET already redacted there).
 */
export function WorkloadPage<T extends Viewed>({
  title,
  description,
  query,
  loadingLabel,
  details,
  yaml,
}: {
  title: string;
  description: ReactNode;
  query: UseQueryResult<T>;
  loadingLabel: string;
  details: (data: T) => ReactNode;
  /** What the YAML tab shows (one object, or several as one document). */
  yaml: (data: T) => unknown;
}) {
  const t = useT();
  const { links } = usePlatform();
  const [tab, setTab] = useState<string | number>('details');
  const data = query.data;
  return (
    <>
      <PageSection>
        <Breadcrumb className="irc-gap-bottom">
          <BreadcrumbItem>
            <Link to={links.page('/overview')}>{t('Overview')}</Link>
          </BreadcrumbItem>
          <BreadcrumbItem>
            <Link to={links.page(workloadPaths.index)}>{t('Workloads')}</Link>
          </BreadcrumbItem>
          <BreadcrumbItem isActive>{title}</BreadcrumbItem>
        </Breadcrumb>
        <Flex alignItems={{ default: 'alignItemsCenter' }} spaceItems={{ default: 'spaceItemsMd' }}>
          <Title headingLevel="h1">{title}</Title>
          {data ? <HealthLabel health={data.health} /> : null}
        </Flex>
        <Content component="p">{description}</Content>
      </PageSection>
      <PageSection>
        <LiveUpdatesBanner />
        {query.isPending ? (
          <PageLoading label={loadingLabel} />
        ) : query.isError ? (
          <ErrorState
            error={query.error}
            title={t('Could not read {{title}}', { title })}
            onRetry={() => void query.refetch()}
          />
        ) : (
          <Tabs
            activeKey={tab}
            onSelect={(_event, key) => setTab(key)}
            aria-label={t('Views of {{title}}', { title })}
            mountOnEnter
            unmountOnExit
          >
            <Tab eventKey="details" title={<TabTitleText>{t('Details')}</TabTitleText>}>
              <div className="irc-tab-body">{details(query.data)}</div>
            </Tab>
            <Tab
              eventKey="events"
              title={
                <TabTitleText>{t('Events ({{n}})', { n: query.data.events.items.length })}</TabTitleText>
              }
            >
              <div className="irc-tab-body">
                <EventsTable
                  events={query.data.events.items}
                  error={query.data.events.error}
                  label={t('Events of {{title}}', { title })}
                />
              </div>
            </Tab>
            <Tab eventKey="yaml" title={<TabTitleText>{t('YAML')}</TabTitleText>}>
              <div className="irc-tab-body">
                <Content component="p" className="irc-subtle">
                  {t('Read-only, as the cluster stores it; secret values are redacted.')}
                </Content>
                <YamlBlock value={yaml(query.data)} id="irc-object-yaml" dataTest="object-yaml" />
              </div>
            </Tab>
          </Tabs>
        )}
      </PageSection>
    </>
  );
}
