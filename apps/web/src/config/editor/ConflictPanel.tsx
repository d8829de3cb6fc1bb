import { Alert, Button, Content, Flex, Stack, Title } from '@patternfly/react-core';
import { DiffView } from './DiffView.js';
import type { ConfigSpec } from '../../api/contract.js';
import { useT } from '../../platform/i18n.js';
import type { ConflictSummary } from './sectionModel.js';

interface Props {
  seen: ConfigSpec;
  live: ConfigSpec;
  summary: ConflictSummary;
  onReapply(): void;
  onDiscard(): void;
}

/**
 * Someone (often the operator itself) changed the configuration after the admin loaded it.
 * Shows what changed meanwhile, and re-applies the admin's section on the new version: nothing
 * typed is lost.
 */
export function ConflictPanel({ seen, live, summary, onReapply, onDiscard }: Props) {
  const t = useT();
  return (
    <Alert
      variant="warning"
      isInline
      title={t('The configuration changed while you were editing')}
      data-test="conflict-panel"
    >
      <Stack hasGutter>
        <Content component="p">
          {summary.changedMeanwhile.length
            ? t('Changed meanwhile: {{keys}}.', { keys: summary.changedMeanwhile.join(', ') })
            : t('Only metadata changed meanwhile (for example the operator updated its bookkeeping).')}{' '}
          {summary.overlapping.length
            ? t('Your change also sets {{keys}}: re-applying replaces what the other change wrote there.', {
                keys: summary.overlapping.join(', '),
              })
            : t('Your change touches other fields, so re-applying keeps both changes.')}
        </Content>
        <Title headingLevel="h3" size="md">
          {t('What changed since you loaded the configuration')}
        </Title>
        <DiffView
          before={seen}
          after={live}
          label={t('Difference between the spec you saw and the live spec')}
          dataTest="conflict-diff"
        />
        <Flex>
          <Button variant="primary" onClick={onReapply} data-test="reapply">
            {t('Review my change on the new version')}
          </Button>
          <Button variant="link" onClick={onDiscard}>
            {t('Discard my change')}
          </Button>
        </Flex>
      </Stack>
    </Alert>
  );
}
