import {
  Card,
  CardBody,
  CardTitle,
  Content,
  Grid,
  GridItem,
  PageSection,
  Title,
} from '@patternfly/react-core';
import { ConditionsTable } from '../ui/ConditionsTable.js';
import { useFocusField } from '../ui/focusField.js';
import { useT } from '../platform/i18n.js';
import { useConfigQuery } from '../api/config.js';
import { useDiagnosticsQuery } from '../api/diagnostics.js';
import { ErrorState, PageLoading } from '../ui/states.js';
import { ClusterOperatorCard } from './ClusterOperatorCard.js';
import { DiagnosisBanner } from './DiagnosisBanner.js';
import { ManagementStateCard } from './ManagementStateCard.js';
import { RegistrySummaryCard } from './RegistrySummaryCard.js';
import { LiveUpdatesBanner } from '../ui/LiveUpdatesBanner.js';
import { WorkloadsTable } from '../ui/WorkloadsTable.js';

export default function OverviewPage() {
  const t = useT();
  // a diagnosis's fix opens this page with ?field=… focused
  useFocusField();
  const query = useConfigQuery();
  // The checks run on the server; a failed run only hides the banner (Diagnostics says why).
  const diagnostics = useDiagnosticsQuery();
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('Image registry overview')}</Title>
        <Content component="p">
          {t('Is the internal image registry deployed and healthy? Everything here updates live.')}
        </Content>
      </PageSection>
      <PageSection data-test="overview">
        <LiveUpdatesBanner />
        <DiagnosisBanner diagnostics={diagnostics.data} />
        {query.isPending ? (
          <PageLoading label={t('Loading the registry configuration')} />
        ) : query.isError ? (
          <ErrorState
            error={query.error}
            title={t('Could not load the registry configuration')}
            onRetry={() => void query.refetch()}
          />
        ) : (
          <Grid hasGutter>
            {/* Wide enough for the three management states side by side from 1200 px up. */}
            <GridItem md={6} xl={5}>
              <ManagementStateCard data={query.data} />
            </GridItem>
            <GridItem md={6} xl={7}>
              <RegistrySummaryCard config={query.data.config} />
            </GridItem>
            <GridItem span={12}>
              <ClusterOperatorCard diagnostics={diagnostics.data} />
            </GridItem>
            <GridItem span={12}>
              <Card data-test="workloads-card">
                <CardTitle component="h2">{t('Objects behind the registry')}</CardTitle>
                <CardBody>
                  <WorkloadsTable />
                </CardBody>
              </Card>
            </GridItem>
            <GridItem span={12}>
              <Card data-test="config-conditions">
                <CardTitle component="h2">{t('Configuration conditions')}</CardTitle>
                <CardBody>
                  <ConditionsTable
                    conditions={query.data.config.status?.conditions ?? []}
                    label={t('Conditions of the registry configuration')}
                  />
                </CardBody>
              </Card>
            </GridItem>
          </Grid>
        )}
      </PageSection>
    </>
  );
}
