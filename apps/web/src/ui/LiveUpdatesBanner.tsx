import { Alert, AlertActionLink } from '@patternfly/react-core';
import { useLiveUpdatesStatus } from '../platform/useStream.js';
import { useT } from '../platform/i18n.js';

/**
 * Above a page fed by the event stream: says when live updates are paused and why (the console
 * server or the cluster API is unreachable — retrying by itself), when they are back, and when
 * the session has ended (only signing in again helps). Nothing while all is well.
 */
export function LiveUpdatesBanner() {
  const t = useT();
  const status = useLiveUpdatesStatus();
  if (status.kind === 'live') return null;
  const common = {
    isInline: true,
    isLiveRegion: true,
    'data-test': 'live-updates-banner',
    'data-state': status.kind,
  } as const;
  switch (status.kind) {
    case 'reconnected':
      return <Alert {...common} variant="success" title={t('Reconnected: live updates are on again.')} />;
    case 'server-unreachable':
      return (
        <Alert
          {...common}
          variant="warning"
          title={t('Live updates paused: the console server is not reachable. Retrying…')}
        >
          {t('What this page shows may be out of date until the connection is back.')}
        </Alert>
      );
    case 'limited':
      return (
        <Alert
          {...common}
          variant="warning"
          title={t('Live updates paused: you have too many console tabs open. Retrying…')}
        >
          {status.message ??
            t('The server limits live-update connections per user. Close some console tabs.')}
        </Alert>
      );
    case 'stalled':
      return (
        <Alert
          {...common}
          variant="warning"
          title={t('Live updates paused: the cluster API stopped sending changes. Reconnecting…')}
        >
          {t('What this page shows may be out of date until the cluster API answers again.')}
          {status.message ? <div className="irc-subtle">{status.message}</div> : null}
        </Alert>
      );
    case 'cluster-unreachable':
      return (
        <Alert
          {...common}
          variant="warning"
          title={t('Live updates paused: the cluster API is not reachable. Retrying…')}
        >
          {t('What this page shows may be out of date until the cluster API answers again.')}
          {status.message ? <div className="irc-subtle">{status.message}</div> : null}
        </Alert>
      );
    case 'expired':
      return (
        <Alert
          {...common}
          variant="danger"
          title={t('Your session has expired: sign in again.')}
          actionLinks={
            <AlertActionLink onClick={() => window.location.reload()}>{t('Sign in again')}</AlertActionLink>
          }
        >
          {status.message ??
            t('Live updates stopped because the cluster no longer accepts your credentials.')}
        </Alert>
      );
  }
}
