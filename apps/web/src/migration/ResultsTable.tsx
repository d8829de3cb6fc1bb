import {
  MIGRATION_KINDS,
  type MigrationChange,
  type MigrationObjectResult,
  type MigrationResponse,
} from '@irc/shared';
import { Checkbox, ClipboardCopy, Content, ExpandableSection, Label, Stack } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useT } from '../platform/i18n.js';

function StatusLabel({ status, dryRun }: { status: MigrationObjectResult['status']; dryRun: boolean }) {
  const t = useT();
  switch (status) {
    case 'migrated':
      return <Label color="green">{dryRun ? t('Will migrate') : t('Migrated')}</Label>;
    case 'error':
      return <Label color="red">{t('Error')}</Label>;
    case 'ignored':
      return <Label color="orange">{t('Ignored')}</Label>;
    default:
      return <Label color="grey">{t('Unchanged')}</Label>;
  }
}

/** One row per changed field; an object without changes gets one row with its status and message. */
export function ResultsTable({ result, caption }: { result: MigrationResponse; caption: string }) {
  const t = useT();
  const [showUnchanged, setShowUnchanged] = useState(false);
  const objects = result.objects.filter((o) => showUnchanged || o.status !== 'unchanged');
  type Row = { o: MigrationObjectResult; c: MigrationChange | undefined; i: number };
  const rows = objects.flatMap((o): Row[] =>
    o.changes.length > 0 ? o.changes.map((c, i) => ({ o, c, i })) : [{ o, c: undefined, i: 0 }],
  );
  return (
    <Stack hasGutter>
      <Content component="p">
        <code data-test="migration-summary">{result.summaryLine}</code>
      </Content>
      {result.notServed.length > 0 ? (
        <Content component="p" data-test="migration-not-served">
          {t('Not served by this cluster (skipped): {{kinds}}', {
            kinds: result.notServed.map((k) => MIGRATION_KINDS[k].kind).join(', '),
          })}
        </Content>
      ) : null}
      {result.listProblems.map((p) => (
        <Content component="p" key={`${p.namespace}/${p.kind}`} data-test="migration-list-problem">
          {t('Could not list {{kind}} in {{namespace}}: {{message}}', {
            kind: MIGRATION_KINDS[p.kind].kind,
            namespace: p.namespace ?? '',
            message: p.message,
          })}
        </Content>
      ))}
      <Checkbox
        id={`${caption}-unchanged`}
        label={t('Show unchanged objects')}
        isChecked={showUnchanged}
        onChange={(_e, on) => setShowUnchanged(on)}
      />
      {/*
       * Fixed layout with fixed shares: under auto layout the long unbroken image references
       * (max-content hundreds of characters, min-content one) made the table wider than the page
       * and squeezed Field and Old → new to a few characters each, 25,000 px tall.
       */}
      <Table aria-label={caption} variant="compact" className="irc-table-fixed" data-test="migration-table">
        <Thead>
          <Tr>
            <Th width={20}>{t('Object')}</Th>
            <Th width={20}>{t('Field')}</Th>
            <Th width={40}>{t('Old → new')}</Th>
            <Th width={20}>{t('Result')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {rows.map(({ o, c, i }) => (
            <Tr key={`${o.namespace}/${o.kind}/${o.name}/${i}`} data-test="migration-row">
              <Td dataLabel={t('Object')}>
                {i === 0 ? (
                  <>
                    <span className="irc-subtle">{MIGRATION_KINDS[o.kind].kind}</span> {o.namespace}/
                    <strong>{o.name}</strong>
                  </>
                ) : null}
              </Td>
              <Td dataLabel={t('Field')} modifier="breakWord">
                {c ? <code>{c.field}</code> : null}
              </Td>
              <Td dataLabel={t('Old → new')} modifier="breakWord">
                {c ? (
                  <>
                    <code>{c.old}</code>
                    <br />→ <code>{c.new}</code>
                  </>
                ) : (
                  o.message
                )}
              </Td>
              <Td dataLabel={t('Result')}>
                {i === 0 ? (
                  <>
                    <StatusLabel status={o.status} dryRun={result.dryRun} />
                    {(o.status === 'error' || o.status === 'ignored') && c ? (
                      // API errors can quote a whole object ("…: field is immutable"): three lines, then "Show more".
                      <ExpandableSection
                        variant="truncate"
                        truncateMaxLines={3}
                        toggleTextExpanded={t('Show less')}
                        toggleTextCollapsed={t('Show more')}
                        className="irc-gap-top irc-break"
                      >
                        {o.message}
                      </ExpandableSection>
                    ) : null}
                  </>
                ) : null}
              </Td>
            </Tr>
          ))}
          {rows.length === 0 ? (
            <Tr>
              <Td colSpan={4}>{t('No object needs a change.')}</Td>
            </Tr>
          ) : null}
        </Tbody>
      </Table>
    </Stack>
  );
}

export function OcCommands({ commands }: { commands: string[] }) {
  const t = useT();
  return (
    <Stack hasGutter data-test="oc-commands">
      <Content component="p">
        {t(
          'The same with oc, one command per namespace (oc marks image-references as deprecated in OpenShift 4):',
        )}
      </Content>
      {commands.map((c) => (
        <ClipboardCopy
          key={c}
          isReadOnly
          hoverTip={t('Copy the command')}
          clickTip={t('Copied')}
          textAriaLabel={t('oc command')}
          toggleAriaLabel={t('Show the full command')}
        >
          {c}
        </ClipboardCopy>
      ))}
    </Stack>
  );
}
