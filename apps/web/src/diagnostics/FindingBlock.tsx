/**
 * One diagnosis on the Diagnostics page: the cause, the object and field behind it, the quoted
 * evidence, the next step, the `oc` command and the link to the form field that fixes it.
 */
import { ClipboardCopy, List, ListItem, Stack, Title } from '@patternfly/react-core';
import { Link } from 'react-router';
import type { Finding } from '../api/contract.js';
import { useT } from '../platform/i18n.js';
import { usePlatform } from '../platform/platform.js';
import { fixPath } from '../ui/paths/diagnostics.js';

/** The id the page scrolls to for `?finding=<code>`. */
export function findingElementId(code: string): string {
  return `irc-finding-${code}`;
}

/** The `oc` command of a step or finding, with a copy button. */
export function CommandCopy({ command, title }: { command: string; title: string }) {
  const t = useT();
  return (
    <ClipboardCopy
      isReadOnly
      hoverTip={t('Copy the command')}
      clickTip={t('Copied')}
      textAriaLabel={t('Command for {{title}}', { title })}
    >
      {command}
    </ClipboardCopy>
  );
}

export function FindingBlock({ finding }: { finding: Finding }) {
  const t = useT();
  const { links } = usePlatform();
  const { kind, name, namespace } = finding.object;
  const object = [kind, namespace ? `${namespace}/${name}` : name].filter(Boolean).join(' ');
  return (
    <section
      id={findingElementId(finding.code)}
      data-test={`finding-${finding.code}`}
      aria-label={finding.summary}
      tabIndex={-1}
      className="irc-finding"
    >
      <Stack hasGutter>
        <Title headingLevel="h4" size="md">
          {finding.summary}
        </Title>
        <p className="irc-subtle">
          {finding.field
            ? t('{{object}}, field {{field}}', { object, field: finding.field })
            : t('{{object}}', { object })}
        </p>
        {finding.evidence.length ? (
          <List aria-label={t('Evidence')}>
            {finding.evidence.map((line, i) => (
              <ListItem key={i} className="irc-multiline">
                {line}
              </ListItem>
            ))}
          </List>
        ) : null}
        <p>{finding.nextStep}</p>
        <CommandCopy command={finding.command} title={finding.summary} />
        {finding.fix ? (
          <div>
            <Link to={links.page(fixPath(finding.fix))} className="pf-v6-c-button pf-m-secondary">
              {finding.fix.label}
            </Link>
          </div>
        ) : null}
      </Stack>
    </section>
  );
}
