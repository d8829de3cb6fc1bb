import { Label, Tooltip } from '@patternfly/react-core';
import { CheckCircleIcon, ExclamationCircleIcon, SyncAltIcon } from '@patternfly/react-icons';
import { useT } from '../platform/i18n.js';
import { useLiveUpdatesStatus, useStreamState } from '../platform/useStream.js';

type Badge = 'live' | 'connecting' | 'reconnecting' | 'paused' | 'cluster-unreachable' | 'expired';

/** Masthead badge: are the pages receiving live updates right now, and if not, why? */
export function ConnectionIndicator() {
  const t = useT();
  const state = useStreamState();
  const status = useLiveUpdatesStatus();
  const badge: Badge =
    status.kind === 'expired' || status.kind === 'cluster-unreachable'
      ? status.kind
      : status.kind === 'limited' || status.kind === 'stalled'
        ? 'paused'
        : state === 'live'
          ? 'live'
          : state === 'connecting'
            ? 'connecting'
            : 'reconnecting';
  const paused = t(
    'Live updates are paused: the connection to the server is being re-established. Data shown may be stale.',
  );
  const words: Record<Badge, [text: string, help: string]> = {
    live: [t('Live'), t('Live updates are on: pages refresh as the cluster changes.')],
    connecting: [t('Connecting'), paused],
    reconnecting: [t('Reconnecting'), paused],
    paused: [
      t('Live updates paused'),
      status.kind === 'stalled'
        ? t('Live updates are paused: the cluster API stopped sending changes. Reconnecting…')
        : t(
            'Live updates are paused: the server limits live-update connections per user. Close some console tabs.',
          ),
    ],
    'cluster-unreachable': [
      t('Cluster unreachable'),
      t('Live updates are paused: the cluster API is not reachable. Retrying…'),
    ],
    expired: [t('Session expired'), t('Live updates stopped: your session has expired. Sign in again.')],
  };
  const [text, help] = words[badge];
  return (
    <Tooltip content={help}>
      <Label
        data-test="connection-indicator"
        data-state={badge}
        color={badge === 'live' ? 'green' : badge === 'expired' ? 'red' : 'orange'}
        icon={
          badge === 'live' ? (
            <CheckCircleIcon />
          ) : badge === 'expired' ? (
            <ExclamationCircleIcon />
          ) : (
            <SyncAltIcon />
          )
        }
        tabIndex={0}
        aria-label={`${t('Live updates')}: ${text}`}
        role="status"
      >
        {text}
      </Label>
    </Tooltip>
  );
}
