import {
  Alert,
  AlertActionLink,
  Breadcrumb,
  BreadcrumbItem,
  Button,
  Content,
  FormSelect,
  FormSelectOption,
  Label,
  PageSection,
  SearchInput,
  Stack,
  Switch,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
  Tooltip,
} from '@patternfly/react-core';
import { AngleDoubleDownIcon, DownloadIcon, PauseIcon, PlayIcon } from '@patternfly/react-icons';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useT } from '../platform/i18n.js';
import { usePodsQuery } from '../api/pods.js';
import { ErrorState } from '../ui/states.js';
import { ApiError } from '../platform/http.js';
import { usePlatform } from '../platform/platform.js';
import { downloadLines } from './logs/download.js';
import { LogView } from './logs/LogView.js';
import { isNodeUnreachable } from './logs/nodeUnreachable.js';
import { useMatches } from './logs/useMatches.js';
import { MAX_LINES, useLogStream } from './logs/useLogStream.js';

/** Lines asked for on open, then on each "load older" (the API serves at most 100,000). */
const TAIL_STEPS = [5_000, 20_000, 100_000];
const MATCH_LIMIT = 10_000;
const STATUS_COLORS = {
  connecting: 'grey',
  streaming: 'green',
  reconnecting: 'orange',
  resumed: 'blue',
  ended: 'grey',
  error: 'red',
} as const;

export default function PodLogsPage() {
  const t = useT();
  const { links } = usePlatform();
  const { namespace = '', name = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const pods = usePodsQuery();
  const pod = pods.data?.pods.find((p) => p.namespace === namespace && p.name === name);
  const defaultContainer = pod?.containers[0]?.name;
  const container = params.get('container') ?? defaultContainer;
  const previous = params.get('previous') === 'true';
  const containerInfo = pod?.containers.find((c) => c.name === container);

  const [step, setStep] = useState(0);
  const [follow, setFollow] = useState(true);
  const [wrap, setWrap] = useState(false);
  const [timestamps, setTimestamps] = useState(false);
  const [search, setSearch] = useState('');
  const [matchIndex, setMatchIndex] = useState(0);
  /** Bumped on every jump to a match, so that jumping to the same match scrolls to it again. */
  const [jump, setJump] = useState(0);
  const tailLines = TAIL_STEPS[step]!;

  const stream = useLogStream({ namespace, name, container, previous, tailLines, enabled: !pods.isPending });
  const { buffer, version } = stream;

  // Not deferred: a search costs at most one slice per render (useMatches), and a deferred
  // query kept losing to the stream's per-frame renders, restarting its scan every time.
  const query = search;
  const { matches, searching } = useMatches(buffer, version, query, MATCH_LIMIT);
  const current = matches.length ? matches[Math.min(matchIndex, matches.length - 1)] : undefined;
  const goTo = (delta: number) => {
    if (!matches.length) return;
    setFollow(false);
    setMatchIndex((i) => (Math.min(i, matches.length - 1) + delta + matches.length) % matches.length);
    setJump((n) => n + 1);
  };
  // A new search shows its first match: stop following the tail, or the next lines would
  // scroll it away again.
  const hasMatches = matches.length > 0;
  useEffect(() => {
    if (query && hasMatches) {
      setFollow(false);
      setJump((n) => n + 1);
    }
  }, [query, hasMatches]);

  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === undefined) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const wholeLog = stream.status !== 'connecting' && buffer.received < tailLines;
  // A previous instance's log is read once; an ended or failed stream brings no more lines.
  const live = !previous && stream.status !== 'ended' && stream.status !== 'error';
  const nodeUnreachable =
    (stream.status === 'reconnecting' || stream.status === 'error') && isNodeUnreachable(stream.error);
  const canLoadOlder = !wholeLog && step < TAIL_STEPS.length - 1;

  return (
    <>
      <PageSection>
        <Breadcrumb>
          <BreadcrumbItem
            render={({ className }) => (
              <Link className={className} to={links.page('/pods')}>
                {t('Pods')}
              </Link>
            )}
          />
          <BreadcrumbItem isActive>{name}</BreadcrumbItem>
        </Breadcrumb>
        <Title headingLevel="h1">{t('Logs of {{name}}', { name })}</Title>
        <Content component="p">{namespace}</Content>
      </PageSection>
      <PageSection>
        <Stack hasGutter>
          {pods.isError ? (
            <ErrorState
              error={pods.error}
              title={t('Could not load the pod')}
              onRetry={() => void pods.refetch()}
            />
          ) : null}
          {pods.data && !pod ? (
            <Alert variant="warning" isInline title={t('The pod {{name}} no longer exists', { name })}>
              {t(
                'Its log may still be shown below until the stream ends. Pick a current pod from the pod list.',
              )}
            </Alert>
          ) : null}
          <Toolbar data-test="log-toolbar">
            <ToolbarContent>
              <ToolbarGroup>
                <ToolbarItem>
                  <FormSelect
                    aria-label={t('Container')}
                    value={container ?? ''}
                    onChange={(_e, value) => setParam('container', value)}
                    isDisabled={!pod}
                  >
                    {(pod?.containers ?? (container ? [{ name: container }] : [])).map((c) => (
                      <FormSelectOption key={c.name} value={c.name} label={c.name} />
                    ))}
                  </FormSelect>
                </ToolbarItem>
                <ToolbarItem>
                  <Tooltip
                    content={
                      containerInfo?.hasPreviousLog
                        ? t('Show the log of the container before its last restart')
                        : t('This container has not restarted: there is no previous log')
                    }
                  >
                    <Switch
                      id="irc-log-previous"
                      label={t('Previous instance')}
                      isChecked={previous}
                      isDisabled={!previous && !containerInfo?.hasPreviousLog}
                      onChange={(_e, checked) => setParam('previous', checked ? 'true' : undefined)}
                    />
                  </Tooltip>
                </ToolbarItem>
              </ToolbarGroup>
              <ToolbarGroup>
                <ToolbarItem>
                  {live ? (
                    <Button
                      variant="secondary"
                      icon={follow ? <PauseIcon /> : <PlayIcon />}
                      onClick={() => setFollow((f) => !f)}
                      aria-pressed={follow}
                      data-test="follow"
                    >
                      {follow ? t('Pause') : t('Follow')}
                    </Button>
                  ) : (
                    // Nothing more will come: there is nothing to pause, only the end to go to.
                    <Button
                      variant="secondary"
                      icon={<AngleDoubleDownIcon />}
                      onClick={() => setFollow(true)}
                      data-test="go-to-end"
                    >
                      {t('Go to the end')}
                    </Button>
                  )}
                </ToolbarItem>
                <ToolbarItem>
                  <Switch
                    id="irc-log-timestamps"
                    label={t('Timestamps')}
                    isChecked={timestamps}
                    onChange={(_e, checked) => setTimestamps(checked)}
                  />
                </ToolbarItem>
                <ToolbarItem>
                  <Switch
                    id="irc-log-wrap"
                    label={t('Wrap lines')}
                    isChecked={wrap}
                    onChange={(_e, checked) => setWrap(checked)}
                  />
                </ToolbarItem>
              </ToolbarGroup>
              <ToolbarItem>
                <SearchInput
                  aria-label={t('Search the log')}
                  placeholder={t('Search')}
                  value={search}
                  onChange={(_e, value) => {
                    setSearch(value);
                    setMatchIndex(0);
                  }}
                  onClear={() => setSearch('')}
                  onSearch={() => goTo(1)}
                  resultsCount={
                    query
                      ? `${matches.length ? Math.min(matchIndex, matches.length - 1) + 1 : 0} / ${matches.length}${matches.length >= MATCH_LIMIT ? '+' : searching ? '…' : ''}`
                      : undefined
                  }
                  onNextClick={() => goTo(1)}
                  onPreviousClick={() => goTo(-1)}
                  isNextNavigationButtonDisabled={!matches.length}
                  isPreviousNavigationButtonDisabled={!matches.length}
                />
              </ToolbarItem>
              <ToolbarItem>
                <Button
                  variant="plain"
                  icon={<DownloadIcon />}
                  aria-label={t('Download the loaded lines')}
                  onClick={() =>
                    downloadLines(
                      buffer.all(),
                      `${name}-${container ?? 'log'}${previous ? '-previous' : ''}.log`,
                      timestamps,
                    )
                  }
                />
              </ToolbarItem>
            </ToolbarContent>
          </Toolbar>
          <div className="irc-log-status" data-test="log-status">
            <Label color={STATUS_COLORS[stream.status]} data-status={stream.status}>
              {
                {
                  connecting: t('Connecting'),
                  streaming: previous ? t('Loaded') : t('Streaming'),
                  reconnecting: t('Reconnecting to the log stream…'),
                  resumed: t('Resumed'),
                  ended: t('Stream ended'),
                  error: t('Stream failed'),
                }[stream.status]
              }
            </Label>{' '}
            {t('{{count}} lines loaded', { count: buffer.length })}
            {buffer.dropped
              ? ` · ${t('{{count}} older lines dropped (limit {{max}})', { count: buffer.dropped, max: MAX_LINES })}`
              : ''}
            {wholeLog
              ? ` · ${t('whole log')}`
              : ` · ${t('last {{count}} lines requested', { count: tailLines })}`}{' '}
            <Button
              variant="link"
              isInline
              isDisabled={!canLoadOlder}
              onClick={() => setStep((s) => s + 1)}
              data-test="load-older"
            >
              {t('Load older lines')}
            </Button>
          </div>
          {nodeUnreachable ? (
            <Alert
              variant="danger"
              isInline
              title={t('The node running this pod cannot be reached')}
              data-test="log-node-unreachable"
              actionLinks={
                stream.status === 'error' ? (
                  <AlertActionLink onClick={stream.reconnect}>{t('Try again')}</AlertActionLink>
                ) : undefined
              }
            >
              {t(
                'Its kubelet does not answer (the node is down or NotReady), so this log cannot be read now.',
              )}{' '}
              {stream.status === 'reconnecting'
                ? t('Trying again every few seconds; the lines shown stay.')
                : null}{' '}
              {t(
                'Pods on a node that stays unreachable are evicted after their toleration (5 minutes by default) and started on other nodes.',
              )}
            </Alert>
          ) : null}
          {stream.status === 'reconnecting' && !nodeUnreachable ? (
            <Alert
              variant="warning"
              isInline
              title={
                stream.error instanceof ApiError && stream.error.status === 429
                  ? t('You follow too many logs at once: retrying (attempt {{count}})', {
                      count: stream.retries,
                    })
                  : t('The log stream broke: reconnecting (attempt {{count}})', { count: stream.retries })
              }
              data-test="log-reconnecting"
            >
              {t('The lines shown stay; following resumes after the last of them, without repeating any.')}{' '}
              {stream.error instanceof Error
                ? t('Cause: {{message}}', { message: stream.error.message })
                : null}
            </Alert>
          ) : null}
          {stream.status === 'error' && !nodeUnreachable ? (
            <Alert
              variant="danger"
              isInline
              title={t('The log stream failed')}
              actionLinks={<AlertActionLink onClick={stream.reconnect}>{t('Reconnect')}</AlertActionLink>}
            >
              {stream.error instanceof Error ? stream.error.message : String(stream.error)}
            </Alert>
          ) : null}
          {stream.status === 'ended' && !previous ? (
            <Alert
              variant="info"
              isInline
              title={t('The log stream ended')}
              actionLinks={<AlertActionLink onClick={stream.reconnect}>{t('Reconnect')}</AlertActionLink>}
            >
              {t('The container stopped or the connection closed. Reconnect to continue following.')}
            </Alert>
          ) : null}
          <LogView
            buffer={buffer}
            version={version}
            wrap={wrap}
            showTimestamps={timestamps}
            query={query}
            current={current}
            jump={jump}
            follow={follow}
            onFollowChange={setFollow}
          />
        </Stack>
      </PageSection>
    </>
  );
}
