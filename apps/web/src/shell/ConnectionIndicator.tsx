import { Label, Tooltip } from '@patternfly/react-core';
import { CheckCircleIcon, SyncAltIcon } from '@patternfly/react-icons';
import { useT } from '../common/i18n.js';
import { useStreamState } from './useStream.js';

/** Masthead badge: are the pages receiving live updates right now? */
export function ConnectionIndicator() {
  const t = useT();
  const state = useStreamState();
  const live = state === 'live';
  const text = live ? t('Live') : state === 'connecting' ? t('Connecting') : t('Reconnecting');
  const help = live
    ? t('Live updates are on: pages refresh as the cluster changes.')
    : t('Live updates are paused: the connection to the server is being re-established. Data shown may be stale.');
  return (
    <Tooltip content={help}>
      <Label
        data-test="connection-indicator"
        data-state={state}
        color={live ? 'green' : 'orange'}
        icon={live ? <CheckCircleIcon /> : <SyncAltIcon />}
        tabIndex={0}
        aria-label={`${t('Live updates')}: ${text}`}
        role="status"
      >
        {text}
      </Label>
    </Tooltip>
  );
}
