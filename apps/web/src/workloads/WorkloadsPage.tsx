import { Content, PageSection, Title } from '@patternfly/react-core';
import { useT } from '../platform/i18n.js';
import { LiveUpdatesBanner } from '../ui/LiveUpdatesBanner.js';
import { WorkloadsTable } from '../ui/WorkloadsTable.js';

/** Index of the objects behind the registry, each linking to its page. */
export default function WorkloadsPage() {
  const t = useT();
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('Workloads')}</Title>
        <Content component="p">
          {t(
            'The objects the operator runs for the registry in openshift-image-registry: the registry and operator Deployments, the node-ca DaemonSet, the image pruner and the routes.',
          )}
        </Content>
      </PageSection>
      <PageSection>
        <LiveUpdatesBanner />
        <WorkloadsTable />
      </PageSection>
    </>
  );
}
