import {
  Button,
  Content,
  DataList,
  DataListCell,
  DataListContent,
  DataListItem,
  DataListItemCells,
  DataListItemRow,
  DataListToggle,
  Flex,
  Label,
  List,
  ListItem,
  PageSection,
  Stack,
  Title,
} from '@patternfly/react-core';
import { SyncAltIcon } from '@patternfly/react-icons';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { HealthIcon, type Health } from '../ui/conditions.js';
import type { DiagnosticStep, Verdict } from '../api/contract.js';
import { linkTarget } from '../ui/paths/diagnostics.js';
import { CommandCopy, FindingBlock, findingElementId } from './FindingBlock.js';
import { useT } from '../platform/i18n.js';
import { useDiagnosticsQuery } from '../api/diagnostics.js';
import { ErrorState, PageLoading } from '../ui/states.js';
import { Since } from '../ui/time.js';
import { usePlatform } from '../platform/platform.js';
import { LiveUpdatesBanner } from '../ui/LiveUpdatesBanner.js';

const HEALTH: Record<Verdict, Health> = {
  ok: 'good',
  info: 'good',
  unknown: 'unknown',
  warning: 'warning',
  failing: 'bad',
};

function VerdictLabel({ verdict }: { verdict: Verdict }) {
  const t = useT();
  const text = {
    ok: t('OK'),
    info: t('Information'),
    unknown: t('Could not check'),
    warning: t('Warning'),
    failing: t('Failing'),
  }[verdict];
  const color = { ok: 'green', info: 'blue', unknown: 'grey', warning: 'orange', failing: 'red' } as const;
  return (
    <Label color={color[verdict]} icon={<HealthIcon health={HEALTH[verdict]} />} data-verdict={verdict}>
      {text}
    </Label>
  );
}

function StepDetails({ step }: { step: DiagnosticStep }) {
  const t = useT();
  const { links } = usePlatform();
  // One link per page: several findings about one pod pointed at the same log three times.
  const targets: { label: string; target: string }[] = [];
  const unlinked: string[] = [];
  for (const link of step.links) {
    const target = linkTarget(link);
    if (!target) {
      if (!unlinked.includes(link.label)) unlinked.push(link.label);
    } else if (!targets.some((known) => known.target === target)) targets.push({ label: link.label, target });
  }
  const findings = step.findings.filter((f) => f.severity !== 'ok');
  return (
    <Stack hasGutter>
      {findings.map((finding) => (
        <FindingBlock key={finding.code} finding={finding} />
      ))}
      {step.evidence.length ? (
        <div>
          <Title headingLevel="h4" size="md">
            {t('Evidence')}
          </Title>
          <List>
            {step.evidence.map((line, i) => (
              <ListItem key={i} className="irc-multiline">
                {line}
              </ListItem>
            ))}
          </List>
        </div>
      ) : null}
      <div>
        <Title headingLevel="h4" size="md">
          {t('Next step')}
        </Title>
        <p>{step.nextStep}</p>
      </div>
      {step.command ? <CommandCopy command={step.command} title={step.title} /> : null}
      {targets.length ? (
        <Flex>
          {targets.map(({ label, target }) => (
            <Link key={target} to={links.page(target)}>
              {label}
            </Link>
          ))}
        </Flex>
      ) : null}
      {/* Objects this app has no page for: named as text, not dressed as links among the links. */}
      {unlinked.length ? (
        <p className="irc-subtle">{t('Also involved: {{objects}}', { objects: unlinked.join(', ') })}</p>
      ) : null}
    </Stack>
  );
}

export default function DiagnosticsPage() {
  const t = useT();
  const query = useDiagnosticsQuery();
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const isExpanded = (step: DiagnosticStep) =>
    expanded.has(step.id) || (!expanded.has(`closed:${step.id}`) && step.verdict !== 'ok');
  // ?finding=<code> (the overview banner's link): open its step, then scroll to it and focus it once
  const [params] = useSearchParams();
  const wanted = params.get('finding');
  const shown = useRef<string | null>(null);
  const wantedStep = wanted
    ? query.data?.steps.find((s) => s.findings.some((f) => f.code === wanted))
    : undefined;
  useEffect(() => {
    if (!wanted || !wantedStep || shown.current === wanted) return;
    const el = document.getElementById(findingElementId(wanted));
    if (!el) return;
    shown.current = wanted;
    el.scrollIntoView?.({ block: 'start' });
    el.focus();
  });
  const toggle = (step: DiagnosticStep) =>
    setExpanded((current) => {
      const next = new Set(current);
      const open = isExpanded(step);
      next.delete(step.id);
      next.delete(`closed:${step.id}`);
      next.add(open ? `closed:${step.id}` : step.id);
      return next;
    });

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('Diagnostics')}</Title>
        <Content component="p">
          {t(
            'The operator’s troubleshooting checklist, run against the cluster now and again whenever something changes.',
          )}
        </Content>
      </PageSection>
      <PageSection>
        <LiveUpdatesBanner />
        {query.isPending ? (
          <PageLoading label={t('Running the checks')} />
        ) : query.isError ? (
          <ErrorState
            error={query.error}
            title={t('Could not run the diagnostics')}
            onRetry={() => void query.refetch()}
          />
        ) : (
          <Stack hasGutter>
            <Flex alignItems={{ default: 'alignItemsCenter' }} data-test="diagnostics-summary">
              <VerdictLabel verdict={query.data.verdict} />
              <span>
                {t('Checked')} <Since time={query.data.generatedAt} />
              </span>
              <Button
                variant="link"
                icon={<SyncAltIcon />}
                onClick={() => void query.refetch()}
                isLoading={query.isFetching}
                isDisabled={query.isFetching}
              >
                {t('Run again')}
              </Button>
            </Flex>
            <DataList aria-label={t('Diagnostic checks')} data-test="diagnostics">
              {query.data.steps.map((step) => {
                const open = isExpanded(step);
                return (
                  <DataListItem
                    key={step.id}
                    isExpanded={open}
                    aria-labelledby={`irc-step-${step.id}`}
                    data-test={`step-${step.id}`}
                    data-verdict={step.verdict}
                  >
                    <DataListItemRow>
                      <DataListToggle
                        id={`irc-step-toggle-${step.id}`}
                        isExpanded={open}
                        // axe: an expanded toggle must name the region it controls (it named none)
                        aria-controls={`irc-step-content-${step.id}`}
                        onClick={() => toggle(step)}
                        aria-label={t('Details of {{title}}', { title: step.title })}
                      />
                      <DataListItemCells
                        dataListCells={[
                          <DataListCell key="verdict" isFilled={false}>
                            <VerdictLabel verdict={step.verdict} />
                          </DataListCell>,
                          <DataListCell key="title">
                            <span id={`irc-step-${step.id}`}>{step.title}</span>
                            {step.verdict !== 'ok' && step.evidence[0] ? (
                              <div className="irc-subtle">{step.evidence[0]}</div>
                            ) : null}
                          </DataListCell>,
                        ]}
                      />
                    </DataListItemRow>
                    <DataListContent
                      id={`irc-step-content-${step.id}`}
                      aria-label={t('Details of {{title}}', { title: step.title })}
                      isHidden={!open}
                    >
                      <StepDetails step={step} />
                    </DataListContent>
                  </DataListItem>
                );
              })}
            </DataList>
          </Stack>
        )}
      </PageSection>
    </>
  );
}
