import { ClipboardCopyButton, CodeBlock, CodeBlockAction, CodeBlockCode } from '@patternfly/react-core';
import { useState } from 'react';
import { stringify } from 'yaml';
import { useT } from '../platform/i18n.js';

/** An object as read-only YAML with a copy button (whatever it holds was redacted before). */
export function YamlBlock({ value, id, dataTest }: { value: unknown; id: string; dataTest?: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const text = typeof value === 'string' ? value : stringify(value, { lineWidth: 0 });
  return (
    <CodeBlock
      data-test={dataTest}
      actions={
        <CodeBlockAction>
          <ClipboardCopyButton
            id={`${id}-copy`}
            textId={`${id}-code`}
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
      <CodeBlockCode id={`${id}-code`}>{text}</CodeBlockCode>
    </CodeBlock>
  );
}
