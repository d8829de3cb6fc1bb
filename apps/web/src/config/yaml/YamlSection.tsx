import {
  ClipboardCopyButton,
  CodeBlock,
  CodeBlockAction,
  CodeBlockCode,
  Content,
  Stack,
} from '@patternfly/react-core';
import { useState } from 'react';
import { stringify } from 'yaml';
import { redactSecrets } from '../../common/diff.js';
import { useT } from '../../common/i18n.js';
import { useConfigQuery } from '../../common/queries.js';
import { ErrorState, PageLoading } from '../../common/states.js';

/** The whole live Config, read-only (edits go through the section forms, with review). */
export default function YamlSection() {
  const t = useT();
  const query = useConfigQuery();
  const [copied, setCopied] = useState(false);
  if (query.isPending) return <PageLoading label={t('Loading the registry configuration')} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const text = stringify(redactSecrets(query.data.config), { lineWidth: 0 });
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
      <CodeBlock
        data-test="config-yaml"
        actions={
          <CodeBlockAction>
            <ClipboardCopyButton
              id="irc-yaml-copy"
              textId="irc-yaml-code"
              aria-label={t('Copy the YAML')}
              onClick={() => {
                void navigator.clipboard?.writeText(text);
                setCopied(true);
              }}
              exitDelay={copied ? 1500 : 600}
              variant="plain"
              onTooltipHidden={() => setCopied(false)}
            >
              {copied ? t('Copied') : t('Copy the YAML')}
            </ClipboardCopyButton>
          </CodeBlockAction>
        }
      >
        <CodeBlockCode id="irc-yaml-code">{text}</CodeBlockCode>
      </CodeBlock>
    </Stack>
  );
}
