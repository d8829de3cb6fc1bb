import {
  Alert,
  AlertActionLink,
  Bullseye,
  EmptyState,
  EmptyStateBody,
  Spinner,
} from '@patternfly/react-core';
import { ApiError } from '../platform/http.js';
import { useT } from '../platform/i18n.js';

export function PageLoading({ label }: { label?: string }) {
  const t = useT();
  return (
    <Bullseye className="irc-loading" data-test="loading">
      <Spinner size="xl" aria-label={label ?? t('Loading')} />
    </Bullseye>
  );
}

/** What the user can do about an error, by HTTP status. */
function adviceFor(error: unknown, t: (key: string) => string): string {
  if (error instanceof ApiError) {
    if (error.status === 401)
      return t('Your session has expired or you are not logged in. Log in again and reload the page.');
    if (error.status === 403)
      return t(
        'You are not allowed to see this. Ask a cluster administrator for access to the image registry configuration.',
      );
    if (error.status === 404)
      return t(
        'The object does not exist (yet). If the registry was just installed, wait a moment and retry.',
      );
    if (error.status >= 500)
      return t(
        'The console server or the cluster did not answer properly. Retry; if it persists, check that the cluster API is reachable.',
      );
  }
  return t('Check your network connection and retry.');
}

export function ErrorState({
  error,
  title,
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  const t = useT();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert
      variant="danger"
      isInline
      data-test="error-state"
      title={title ?? t('Could not load the data')}
      actionLinks={onRetry ? <AlertActionLink onClick={onRetry}>{t('Retry')}</AlertActionLink> : undefined}
    >
      <p>{message}</p>
      <p>{adviceFor(error, t)}</p>
    </Alert>
  );
}

export function EmptyMessage({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <EmptyState titleText={title} headingLevel="h2" variant="sm">
      {children ? <EmptyStateBody>{children}</EmptyStateBody> : null}
    </EmptyState>
  );
}
