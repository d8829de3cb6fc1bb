import { Chart, ChartAxis, ChartBar, ChartScatter, ChartTooltip } from '@patternfly/react-charts/victory';
import { memo } from 'react';
import { conditionHealth } from '../ui/conditions.js';
import type { TimelineEntry } from '../api/contract.js';
import { useT } from '../platform/i18n.js';
import { formatAbsolute } from '../ui/time.js';
import { AXIS_PADDING, HEALTH_FILL, TICK_FONT } from './chartLayout.js';
import type { Lane } from './lanes.js';
import { formatTick } from './timeAxis.js';

const ROW_HEIGHT = 34;
const PADDING = { ...AXIS_PADDING, top: 12, bottom: 36 };

interface BarDatum {
  x: number;
  y0: number;
  y: number;
  condition: string;
  status: string;
  reason: string;
}

interface MarkerDatum {
  x: number;
  y: number;
  label: string;
  warning: boolean;
}

/** Warning events and console changes: the markers under the lanes (the list below has them all). */
export function markerEntries(entries: readonly TimelineEntry[], startMs: number, endMs: number) {
  const inRange = (e: TimelineEntry) => {
    const t = Date.parse(e.time);
    return t >= startMs && t <= endMs;
  };
  return {
    warnings: entries.filter((e) => e.type === 'event' && e.event.eventType === 'Warning' && inRange(e)),
    changes: entries.filter((e) => e.type === 'change' && inRange(e)),
  };
}

/**
 * Each condition of the ClusterOperator over the range as a lane of coloured stretches (green:
 * as expected, red: a problem, orange: attention), with warning events and console changes as
 * markers on the same time axis as the traffic charts.
 */
export const ConditionLanesChart = memo(function ConditionLanesChart({
  lanes,
  entries,
  startMs,
  endMs,
  ticks,
  width,
}: {
  lanes: Lane[];
  entries: readonly TimelineEntry[];
  startMs: number;
  endMs: number;
  ticks: number[];
  width: number;
}) {
  const t = useT();
  const { warnings, changes } = markerEntries(entries, startMs, endMs);
  const rows = [
    ...lanes.map((l) => l.condition),
    ...(warnings.length ? [t('Warning events')] : []),
    ...(changes.length ? [t('Console changes')] : []),
  ];
  // Victory's category axis of a horizontal chart runs upwards: row 0 (Available) is at the top.
  const rowX = (row: number) => rows.length - row;
  const bars: BarDatum[] = lanes.flatMap((lane, i) =>
    lane.segments.map((s) => ({
      x: rowX(i),
      y0: s.startMs,
      y: s.endMs,
      condition: lane.condition,
      status: s.status,
      reason: s.reason,
    })),
  );
  const markerRow = (list: TimelineEntry[], row: number, warning: boolean): MarkerDatum[] =>
    list.map((e) => ({
      x: rowX(row),
      y: Date.parse(e.time),
      warning,
      label:
        e.type === 'event'
          ? `${e.event.reason}: ${e.event.message}`
          : e.type === 'change'
            ? t('{{user}} {{summary}}', { user: e.change.user, summary: e.change.summary })
            : '',
    }));
  const markers = [
    ...markerRow(warnings, lanes.length, true),
    ...markerRow(changes, lanes.length + (warnings.length ? 1 : 0), false),
  ];
  const height = PADDING.top + PADDING.bottom + Math.max(1, rows.length) * ROW_HEIGHT;
  const span = endMs - startMs;
  const when = (a: number, b: number) => `${formatAbsolute(new Date(a))} – ${formatAbsolute(new Date(b))}`;

  return (
    <Chart
      ariaTitle={t('Condition lanes')}
      ariaDesc={lanesDescription(lanes, t)}
      horizontal
      width={width}
      height={height}
      padding={PADDING}
      domain={{ x: [0.5, Math.max(1, rows.length) + 0.5], y: [startMs, endMs] }}
      scale={{ y: 'time' }}
    >
      <ChartAxis
        tickValues={rows.map((_, i) => rowX(i))}
        tickFormat={(v: number) => rows[rows.length - v] ?? ''}
        style={{ tickLabels: { fontSize: TICK_FONT + 1 } }}
      />
      <ChartAxis
        dependentAxis
        tickValues={ticks}
        tickFormat={(v: number) => formatTick(v, span)}
        showGrid
        style={{ tickLabels: { fontSize: TICK_FONT } }}
      />
      {bars.length ? (
        <ChartBar
          data={bars}
          barWidth={ROW_HEIGHT * 0.55}
          style={{
            data: {
              fill: ({ datum }: { datum?: BarDatum }) =>
                HEALTH_FILL[
                  datum ? conditionHealth({ type: datum.condition, status: datum.status }) : 'unknown'
                ],
            },
          }}
          labels={({ datum }: { datum: BarDatum }) =>
            `${datum.condition} ${datum.status}${datum.reason ? ` (${datum.reason})` : ''}\n${when(datum.y0, datum.y)}`
          }
          labelComponent={<ChartTooltip constrainToVisibleArea />}
        />
      ) : null}
      {markers.length ? (
        <ChartScatter
          data={markers}
          size={5}
          style={{
            data: {
              fill: ({ datum }: { datum?: MarkerDatum }) =>
                datum?.warning
                  ? HEALTH_FILL.warning
                  : 'var(--pf-t--global--color--nonstatus--purple--default)',
            },
          }}
          labels={({ datum }: { datum: MarkerDatum }) =>
            `${datum.label}\n${formatAbsolute(new Date(datum.y))}`
          }
          labelComponent={<ChartTooltip constrainToVisibleArea />}
        />
      ) : null}
    </Chart>
  );
});

/** The lanes in one sentence each, for screen readers (the table view has every stretch). */
function lanesDescription(lanes: Lane[], t: ReturnType<typeof useT>): string {
  if (!lanes.length) return t('No condition history in this range.');
  return lanes
    .map((lane) => {
      const counts = new Map<string, number>();
      for (const s of lane.segments) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
      const last = lane.segments[lane.segments.length - 1];
      return t('{{condition}}: {{count}} stretches, last {{status}}', {
        condition: lane.condition,
        count: lane.segments.length,
        status: last ? `${last.status}${last.reason ? ` (${last.reason})` : ''}` : '—',
      });
    })
    .join('; ');
}
