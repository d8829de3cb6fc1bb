import { Button, EmptyState, EmptyStateBody, EmptyStateFooter, PageSection } from '@patternfly/react-core';
import { Link } from 'react-router';
import { usePlatform } from '../platform/platform.js';
import { useT } from '../platform/i18n.js';

export default function NotFoundPage() {
  const t = useT();
  const { links } = usePlatform();
  return (
    <PageSection>
      <EmptyState titleText={t('Page not found')} headingLevel="h1">
        <EmptyStateBody>{t('This address is not a page of the image registry console.')}</EmptyStateBody>
        <EmptyStateFooter>
          <Button
            variant="primary"
            component={(props: object) => <Link {...props} to={links.page('/overview')} />}
          >
            {t('Go to the overview')}
          </Button>
        </EmptyStateFooter>
      </EmptyState>
    </PageSection>
  );
}
