import { Alert } from '@patternfly/react-core';
import type { HistoryStatus } from '../api/contract.js';
import { useT } from '../platform/i18n.js';

/**
 * Why the past is missing, in one sentence, above a timeline that still works live. Never an
 * error page: monitoring being closed to this user or down is an expected state.
 */
export function HistoryNotice({ history, what }: { history?: HistoryStatus; what: 'history' | 'traffic' }) {
  const t = useT();
  if (!history || history.state === 'ok') return null;
  const sentence: Record<Exclude<HistoryStatus['state'], 'ok'>, string> = {
    forbidden: t(
      "You may not read the cluster's monitoring data (ask for cluster-monitoring-view); showing live changes only.",
    ),
    unauthorized: t('Cluster monitoring did not accept your token; showing live changes only.'),
    unavailable: t(
      'Cluster monitoring cannot be reached right now; showing live changes only. History comes back by itself when it can be read again.',
    ),
    unconfigured: t(
      'This console has no cluster monitoring to read history from; showing live changes only.',
    ),
  };
  return (
    <Alert
      variant="info"
      isInline
      isPlain={what === 'traffic'}
      title={what === 'history' ? t('No history from cluster monitoring') : t('No registry traffic')}
      data-test={`history-notice-${what}`}
      data-state={history.state}
    >
      {sentence[history.state]}
    </Alert>
  );
}
