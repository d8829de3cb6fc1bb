import { Alert, AlertActionLink, PageSection } from '@patternfly/react-core';
import { Component, type ReactNode } from 'react';
import { useT } from '../platform/i18n.js';

function PageCrashed({ error, onRetry }: { error: Error; onRetry(): void }) {
  const t = useT();
  // A stale chunk after a redeploy is the common cause: a reload fetches the new one.
  const stale = /dynamically imported module|Loading chunk|Failed to fetch/i.test(error.message);
  return (
    <PageSection>
      <Alert
        variant="danger"
        isInline
        title={stale ? t('This page could not be loaded') : t('This page failed')}
        actionLinks={
          <>
            <AlertActionLink onClick={onRetry}>{t('Try again')}</AlertActionLink>
            <AlertActionLink onClick={() => window.location.reload()}>
              {t('Reload the console')}
            </AlertActionLink>
          </>
        }
        data-test="page-error"
      >
        <p>
          {stale
            ? t('The console was probably updated since you opened it. Reload to get the current version.')
            : error.message}
        </p>
      </Alert>
    </PageSection>
  );
}

/** Keeps a failing page from blanking the whole app; the shell and other pages keep working. */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    if (this.state.error)
      return <PageCrashed error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}
