import { Content, PageSection, Title } from '@patternfly/react-core';
import { useT } from '../platform/i18n.js';
import { usePodsQuery } from '../api/pods.js';
import { EmptyMessage, ErrorState, PageLoading } from '../ui/states.js';
import { PodsTable } from '../ui/PodsTable.js';

export default function PodsPage() {
  const t = useT();
  const pods = usePodsQuery();
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('Pods and logs')}</Title>
        <Content component="p">
          {t(
            'Registry and operator pods in openshift-image-registry, updated live. Open a pod to read its log.',
          )}
        </Content>
      </PageSection>
      <PageSection data-test="pods">
        {pods.isPending ? (
          <PageLoading label={t('Loading pods')} />
        ) : pods.isError ? (
          <ErrorState
            error={pods.error}
            title={t('Could not list the pods')}
            onRetry={() => void pods.refetch()}
          />
        ) : pods.data.pods.length === 0 ? (
          <EmptyMessage title={t('No pods')}>
            {t('No registry or operator pods exist. If the registry is Removed, this is expected.')}
          </EmptyMessage>
        ) : (
          <PodsTable
            pods={pods.data.pods}
            label={t('Pods')}
            extra={{
              title: t('Component'),
              cell: (pod) => (pod.component === 'registry' ? t('Registry') : t('Operator')),
            }}
          />
        )}
      </PageSection>
    </>
  );
}
