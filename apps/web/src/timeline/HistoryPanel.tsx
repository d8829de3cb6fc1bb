import { Switch, Title } from '@patternfly/react-core';
import { useMemo } from 'react';
import type { ConditionLane, HistoryStatus, TimelineEntry, TrafficSeries } from '../api/contract.js';
import { useT } from '../platform/i18n.js';
import { PageLoading } from '../ui/states.js';
import { useContainerWidth } from './chartLayout.js';
import { ConditionLanesChart } from './ConditionLanesChart.js';
import { useTrafficQuery } from './historyQueries.js';
import { HistoryNotice } from './HistoryNotice.js';
import { LanesTable, TrafficTable } from './HistoryTables.js';
import { mergeLanes } from './lanes.js';
import { timeTicks } from './timeAxis.js';
import type { ResolvedRange, TimeRange } from './timeRange.js';
import { TrafficCharts } from './TrafficCharts.js';

const NO_SERIES: TrafficSeries[] = [];

/**
 * The range as pictures — condition lanes and the registry's traffic on one time axis — or,
 * with "View as table", the same figures as tables.
 */
export function HistoryPanel({
  range,
  resolved,
  now,
  history,
  serverLanes,
  entries,
  live,
  asTable,
  onAsTable,
}: {
  range: TimeRange;
  resolved: ResolvedRange;
  now: number;
  /** undefined while the range is loading */
  history?: HistoryStatus;
  serverLanes: readonly ConditionLane[];
  /** the entries of the range (markers) */
  entries: readonly TimelineEntry[];
  /** every entry the live watch has (the lanes' "now") */
  live: readonly TimelineEntry[];
  asTable: boolean;
  onAsTable(on: boolean): void;
}) {
  const t = useT();
  const traffic = useTrafficQuery(range);
  const { ref, width } = useContainerWidth<HTMLDivElement>();
  // a fixed range ends where it ends: the clock's ticks redraw nothing
  const endMs = resolved.live ? now : resolved.endMs;
  const lanes = useMemo(
    () => mergeLanes(serverLanes, live, resolved, resolved.live ? endMs : Math.min(endMs, Date.now())),
    [serverLanes, live, resolved, endMs],
  );
  const ticks = useMemo(
    () => timeTicks(resolved.startMs, endMs, Math.max(3, Math.floor(width / 130))),
    [resolved.startMs, endMs, width],
  );
  const series = traffic.data?.history.state === 'ok' ? traffic.data.series : NO_SERIES;

  return (
    <section className="irc-history" aria-labelledby="irc-history-title" data-test="history">
      <div className="irc-history__head">
        <Title headingLevel="h2" size="lg" id="irc-history-title">
          {t('Conditions and registry traffic')}
        </Title>
        <Switch
          id="irc-history-as-table"
          label={t('View as table')}
          isChecked={asTable}
          onChange={(_e, on) => onAsTable(on)}
        />
      </div>
      <HistoryNotice history={history} what="history" />
      <div ref={ref} className="irc-history__body">
        {history === undefined ? (
          <PageLoading label={t('Loading the history')} />
        ) : asTable ? (
          <LanesTable lanes={lanes} />
        ) : (
          <ConditionLanesChart
            lanes={lanes}
            entries={entries}
            startMs={resolved.startMs}
            endMs={endMs}
            ticks={ticks}
            width={width}
          />
        )}
        {history?.state === 'ok' && traffic.data && traffic.data.history.state !== 'ok' ? (
          <HistoryNotice history={traffic.data.history} what="traffic" />
        ) : null}
        {history?.state === 'ok' && traffic.isPending ? (
          <PageLoading label={t('Loading the traffic')} />
        ) : null}
        {series.length ? (
          asTable ? (
            <TrafficTable series={series} />
          ) : (
            <TrafficCharts
              series={series}
              stepSeconds={traffic.data?.history.stepSeconds}
              startMs={resolved.startMs}
              endMs={endMs}
              ticks={ticks}
              width={width}
            />
          )
        ) : null}
      </div>
    </section>
  );
}
