import { Content, Stack } from '@patternfly/react-core';
import { redactSecrets } from '../editor/diff.js';
import { useT } from '../../platform/i18n.js';
import { useConfigQuery } from '../../api/config.js';
import { ErrorState, PageLoading } from '../../ui/states.js';
import { YamlBlock } from '../../ui/YamlBlock.js';

/** The whole live Config, read-only (edits go through the section forms, with review). */
export default function YamlSection() {
  const t = useT();
  const query = useConfigQuery();
  if (query.isPending) return <PageLoading label={t('Loading the registry configuration')} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Stack hasGutter>
      <Content component="p">
        {t(
          'The live object, as stored (resourceVersion {{rv}}). It is read-only here: change it with the section forms, which validate and review each change. Secret fields (httpSecret) are redacted.',
          {
            rv: query.data.resourceVersion,
          },
        )}
      </Content>
      <YamlBlock value={redactSecrets(query.data.config)} id="irc-yaml" dataTest="config-yaml" />
    </Stack>
  );
}
