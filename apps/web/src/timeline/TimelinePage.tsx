import {
  Content,
  ExpandableSection,
  FormSelect,
  FormSelectOption,
  Label,
  PageSection,
  Pagination,
  Title,
  ToggleGroup,
  ToggleGroupItem,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { ExclamationTriangleIcon, InfoCircleIcon, UserEditIcon } from '@patternfly/react-icons';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { conditionHealth, HealthIcon } from '../ui/conditions.js';
import type { ConditionLane, TimelineEntry } from '../api/contract.js';
import { useT } from '../platform/i18n.js';
import { LiveUpdatesBanner } from '../ui/LiveUpdatesBanner.js';
import { useTimelineQuery } from '../api/timeline.js';
import { EmptyMessage, ErrorState, PageLoading } from '../ui/states.js';
import { formatAbsolute, formatRelative, useNow } from '../ui/time.js';
import {
  conditionTypes,
  ENTRY_KINDS,
  filterEntries,
  filterFromParams,
  filterToParams,
  type EntryKind,
} from './timelineFilter.js';
import { HistoryPanel } from './HistoryPanel.js';
import { useTimelineRangeQuery } from './historyQueries.js';
import { RangePicker } from './RangePicker.js';
import { entriesInRange } from './rangeEntries.js';
import { rangeFromParams, rangeToParams, resolveRange } from './timeRange.js';

const PER_PAGE_OPTIONS = [20, 50, 100, 200];
const PER_PAGE_DEFAULT = 50;
const NO_LANES: ConditionLane[] = [];
const NO_ENTRIES: TimelineEntry[] = [];

function objectName(entry: TimelineEntry): string {
  const o = entry.object;
  return `${o.kind}/${o.name}${o.namespace ? ` (${o.namespace})` : ''}`;
}

function EntryBody({ entry }: { entry: TimelineEntry }) {
  const t = useT();
  if (entry.type === 'condition') {
    const c = entry.condition;
    const health = conditionHealth({ type: c.type, status: c.to });
    return (
      <>
        <div>
          <HealthIcon
            health={health}
            label={health === 'good' ? t('as expected') : health === 'bad' ? t('problem') : t('attention')}
          />{' '}
          <strong>{c.type}</strong>{' '}
          {c.from === c.to
            ? // Same status, new reason: not a transition, so no "False → False".
              t('still {{status}}, new reason', { status: c.to })
            : c.from
              ? `${c.from} → ${c.to}`
              : c.to}{' '}
          {c.reason ? <Label isCompact>{c.reason}</Label> : null}
        </div>
        {c.message ? <div className="irc-multiline">{c.message}</div> : null}
        <div className="irc-subtle">{objectName(entry)}</div>
      </>
    );
  }
  if (entry.type === 'event') {
    const e = entry.event;
    const warning = e.eventType === 'Warning';
    return (
      <>
        <div>
          {warning ? (
            <ExclamationTriangleIcon aria-label={t('Warning event')} />
          ) : (
            <InfoCircleIcon aria-label={t('Normal event')} />
          )}{' '}
          <strong>{e.reason}</strong>
          {e.count > 1 ? ` ×${e.count}` : ''}
        </div>
        <div>{e.message}</div>
        <div className="irc-subtle">
          {objectName(entry)}
          {e.source ? ` · ${e.source}` : ''}
        </div>
      </>
    );
  }
  const c = entry.change;
  return (
    <>
      <div>
        <UserEditIcon aria-hidden="true" />{' '}
        {/* The summary is the verb phrase itself ("changed replicas", "removed the CA of …"). */}
        <strong>{t('{{user}} {{summary}}', { user: c.user, summary: c.summary })}</strong>
      </div>
      {c.ocCommand ? (
        <ExpandableSection toggleText={t('Show the command')}>
          <code className="irc-multiline">{c.ocCommand}</code>
        </ExpandableSection>
      ) : null}
      <div className="irc-subtle">{objectName(entry)}</div>
    </>
  );
}

export default function TimelinePage() {
  const t = useT();
  const query = useTimelineQuery();
  const now = useNow();
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  const filter = useMemo(() => filterFromParams(new URLSearchParams(paramsKey)), [paramsKey]);
  const absolute = params.get('time') === 'absolute';
  const { range, errors: linkErrors } = useMemo(
    () => rangeFromParams(new URLSearchParams(paramsKey), Date.now()),
    [paramsKey],
  );
  // a fixed range does not move with the clock: no new lanes or charts every tick
  const clock = range.kind === 'preset' ? now : 0;
  const resolved = useMemo(() => resolveRange(range, clock), [range, clock]);
  const rangeQuery = useTimelineRangeQuery(range);
  const live = query.data?.entries;
  // The range's entries (monitoring's past merged by the server) and what the watch has added since.
  const entries = useMemo(
    () => (live ? entriesInRange(rangeQuery.data?.entries ?? [], live, resolved) : undefined),
    [live, rangeQuery.data, resolved],
  );
  const types = useMemo(() => conditionTypes(entries ?? []), [entries]);
  const shown = useMemo(() => filterEntries(entries ?? [], filter), [entries, filter]);
  // Pages, not one list of everything: a busy registry logs hundreds of events an hour.
  const [perPage, setPerPage] = useState(PER_PAGE_DEFAULT);
  const [pageNumber, setPageNumber] = useState(1);
  useEffect(() => setPageNumber(1), [paramsKey]);
  const lastPage = Math.max(1, Math.ceil(shown.length / perPage));
  const currentPage = Math.min(pageNumber, lastPage);
  const pageEntries = shown.slice((currentPage - 1) * perPage, currentPage * perPage);
  const pagination = (position: 'top' | 'bottom') => (
    <Pagination
      itemCount={shown.length}
      perPage={perPage}
      page={currentPage}
      perPageOptions={PER_PAGE_OPTIONS.map((n) => ({ title: String(n), value: n }))}
      onSetPage={(_e, next) => setPageNumber(next)}
      onPerPageSelect={(_e, next) => {
        setPerPage(next);
        setPageNumber(1);
      }}
      variant={position}
      isCompact={position === 'top'}
      // All of them: a partial titles object replaces PatternFly's defaults ("of", "per page" …).
      titles={{
        items: '',
        page: '',
        pages: '',
        itemsPerPage: t('Entries per page'),
        perPageSuffix: t('per page'),
        toFirstPageAriaLabel: t('Go to first page'),
        toPreviousPageAriaLabel: t('Go to previous page'),
        toLastPageAriaLabel: t('Go to last page'),
        toNextPageAriaLabel: t('Go to next page'),
        optionsToggleAriaLabel: t('Entries per page'),
        currPageAriaLabel: t('Current page'),
        paginationAriaLabel: position === 'top' ? t('Timeline pages') : t('Timeline pages, bottom'),
        ofWord: t('of'),
      }}
      data-test={`timeline-pagination-${position}`}
    />
  );

  const kindLabel: Record<EntryKind, string> = {
    condition: t('Condition changes'),
    event: t('Events'),
    change: t('Console changes'),
  };
  const update = (next: Partial<typeof filter>) =>
    setParams((p) => filterToParams({ ...filter, ...next }, p), { replace: true });
  const toggleKind = (kind: EntryKind, on: boolean) =>
    update({ kinds: on ? [...filter.kinds, kind] : filter.kinds.filter((k) => k !== kind) });

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('Condition timeline')}</Title>
        <Content component="p">
          {t(
            'Condition transitions of the registry configuration and the cluster operator, events in openshift-image-registry, and changes made in this console, newest first. New entries appear as they happen.',
          )}
        </Content>
        <RangePicker
          range={range}
          linkErrors={linkErrors}
          onChange={(next) => setParams((p) => rangeToParams(next, p), { replace: true })}
        />
      </PageSection>
      <PageSection>
        <LiveUpdatesBanner />
        {rangeQuery.isError ? (
          <ErrorState
            error={rangeQuery.error}
            title={t('Could not load the history of this range')}
            onRetry={() => void rangeQuery.refetch()}
          />
        ) : (
          <HistoryPanel
            range={range}
            resolved={resolved}
            now={now}
            history={rangeQuery.data?.history}
            serverLanes={rangeQuery.data?.lanes ?? NO_LANES}
            entries={entries ?? NO_ENTRIES}
            live={live ?? NO_ENTRIES}
            asTable={params.get('view') === 'table'}
            onAsTable={(on) =>
              setParams((p) => (on ? p.set('view', 'table') : p.delete('view'), p), { replace: true })
            }
          />
        )}
        <Title headingLevel="h2" size="lg" className="irc-timeline__list-title">
          {t('Entries')}
        </Title>
        <Toolbar data-test="timeline-filters">
          <ToolbarContent>
            <ToolbarItem>
              <ToggleGroup aria-label={t('Kinds of entries')}>
                {ENTRY_KINDS.map((kind) => (
                  <ToggleGroupItem
                    key={kind}
                    text={kindLabel[kind]}
                    buttonId={`irc-kind-${kind}`}
                    isSelected={filter.kinds.includes(kind)}
                    onChange={(_e, on) => toggleKind(kind, on)}
                  />
                ))}
              </ToggleGroup>
            </ToolbarItem>
            <ToolbarItem>
              <FormSelect
                aria-label={t('Condition type')}
                value={filter.conditionType}
                onChange={(_e, conditionType) => update({ conditionType })}
              >
                <FormSelectOption value="" label={t('All condition types')} />
                {types.map((type) => (
                  <FormSelectOption key={type} value={type} label={type} />
                ))}
              </FormSelect>
            </ToolbarItem>
            <ToolbarItem>
              <ToggleGroup aria-label={t('Time format')}>
                <ToggleGroupItem
                  text={t('Relative')}
                  buttonId="irc-time-relative"
                  isSelected={!absolute}
                  onChange={() => setParams((p) => (p.delete('time'), p), { replace: true })}
                />
                <ToggleGroupItem
                  text={t('Absolute')}
                  buttonId="irc-time-absolute"
                  isSelected={absolute}
                  onChange={() => setParams((p) => (p.set('time', 'absolute'), p), { replace: true })}
                />
              </ToggleGroup>
            </ToolbarItem>
            {shown.length > 0 ? (
              <ToolbarItem variant="pagination" align={{ default: 'alignEnd' }}>
                {pagination('top')}
              </ToolbarItem>
            ) : null}
          </ToolbarContent>
        </Toolbar>
        {query.isPending ? (
          <PageLoading label={t('Loading the timeline')} />
        ) : query.isError ? (
          <ErrorState
            error={query.error}
            title={t('Could not load the timeline')}
            onRetry={() => void query.refetch()}
          />
        ) : shown.length === 0 ? (
          <EmptyMessage title={t('Nothing to show')}>
            {entries?.length ? t('No entry matches the filters.') : t('Nothing has happened yet.')}
          </EmptyMessage>
        ) : (
          <>
            <ol
              className="irc-timeline"
              aria-label={t('Timeline entries')}
              data-test="timeline"
              start={(currentPage - 1) * perPage + 1}
            >
              {pageEntries.map((entry) => (
                <li
                  key={entry.id}
                  className={`irc-timeline__entry irc-timeline__entry--${entry.type}`}
                  data-kind={entry.type}
                >
                  <time
                    className="irc-timeline__time"
                    dateTime={entry.time}
                    title={absolute ? formatRelative(entry.time, now) : formatAbsolute(entry.time)}
                  >
                    {absolute ? formatAbsolute(entry.time) : formatRelative(entry.time, now)}
                  </time>
                  <div className="irc-timeline__body">
                    <EntryBody entry={entry} />
                  </div>
                </li>
              ))}
            </ol>
            {pagination('bottom')}
          </>
        )}
      </PageSection>
    </>
  );
}
