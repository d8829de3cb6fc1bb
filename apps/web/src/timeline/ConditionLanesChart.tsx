import { memo, useId, useMemo } from 'react';
import { conditionHealth } from '../ui/conditions.js';
import type { TimelineEntry } from '../api/contract.js';
import { useT } from '../platform/i18n.js';
import { formatAbsolute } from '../ui/time.js';
import { AXIS_PADDING, HEALTH_FILL, TICK_FONT, timeScale } from './chartLayout.js';
import type { Lane } from './lanes.js';
import { formatTick } from './timeAxis.js';

const ROW_HEIGHT = 34;
const BAR_HEIGHT = Math.round(ROW_HEIGHT * 0.55);
const PADDING = { ...AXIS_PADDING, top: 12, bottom: 36 };
const CHANGE_FILL = 'var(--pf-t--global--color--nonstatus--purple--default)';
const TEXT_FILL = 'var(--pf-t--global--text--color--regular)';
const GRID_STROKE = 'var(--pf-t--global--border--color--default)';

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
 *
 * Plain SVG rather than a Victory chart: a week is hundreds of stretches, and Victory computes
 * props, labels and tooltip wiring for each of them (most of a 7-day range's paint). A stretch's
 * own `<title>` is its tooltip; the table view has every stretch for reading.
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
  const id = useId();
  const { warnings, changes } = useMemo(
    () => markerEntries(entries, startMs, endMs),
    [entries, startMs, endMs],
  );
  const rows = [
    ...lanes.map((l) => l.condition),
    ...(warnings.length ? [t('Warning events')] : []),
    ...(changes.length ? [t('Console changes')] : []),
  ];
  const height = PADDING.top + PADDING.bottom + Math.max(1, rows.length) * ROW_HEIGHT;
  const plotBottom = height - PADDING.bottom;
  const x = timeScale(startMs, endMs, width);
  const rowMid = (row: number) => PADDING.top + row * ROW_HEIGHT + ROW_HEIGHT / 2;
  const span = endMs - startMs;
  const when = (a: number, b: number) => `${formatAbsolute(new Date(a))} – ${formatAbsolute(new Date(b))}`;
  const markerLabel = (e: TimelineEntry) =>
    e.type === 'event'
      ? `${e.event.reason}: ${e.event.message}`
      : e.type === 'change'
        ? t('{{user}} {{summary}}', { user: e.change.user, summary: e.change.summary })
        : '';
  const markerRow = (list: TimelineEntry[], row: number, fill: string) =>
    list.map((e) => {
      const at = Date.parse(e.time);
      return (
        <circle key={e.id} cx={x(at)} cy={rowMid(row)} r={5} fill={fill}>
          <title>{`${markerLabel(e)}\n${formatAbsolute(new Date(at))}`}</title>
        </circle>
      );
    });

  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className="irc-lanes"
      data-test="condition-lanes"
    >
      <title id={`${id}-title`}>{t('Condition lanes')}</title>
      <desc id={`${id}-desc`}>{lanesDescription(lanes, t)}</desc>
      <g fontSize={TICK_FONT} fill={TEXT_FILL}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={PADDING.top} y2={plotBottom} stroke={GRID_STROKE} />
            <text x={x(tick)} y={plotBottom + 18} textAnchor="middle">
              {formatTick(tick, span)}
            </text>
          </g>
        ))}
        <line
          x1={PADDING.left}
          x2={width - PADDING.right}
          y1={plotBottom}
          y2={plotBottom}
          stroke={GRID_STROKE}
        />
        {rows.map((name, row) => (
          <text
            key={name}
            x={PADDING.left - 10}
            y={rowMid(row)}
            textAnchor="end"
            dominantBaseline="central"
            fontSize={TICK_FONT + 1}
          >
            {name}
          </text>
        ))}
      </g>
      {lanes.map((lane, row) => (
        <g key={lane.condition}>
          {lane.segments.map((s) => {
            const left = x(s.startMs);
            return (
              <rect
                key={s.startMs}
                x={left}
                y={rowMid(row) - BAR_HEIGHT / 2}
                width={Math.max(1, x(s.endMs) - left)}
                height={BAR_HEIGHT}
                fill={HEALTH_FILL[conditionHealth({ type: lane.condition, status: s.status })]}
              >
                <title>{`${lane.condition} ${s.status}${s.reason ? ` (${s.reason})` : ''}\n${when(s.startMs, s.endMs)}`}</title>
              </rect>
            );
          })}
        </g>
      ))}
      {markerRow(warnings, lanes.length, HEALTH_FILL.warning)}
      {markerRow(changes, lanes.length + (warnings.length ? 1 : 0), CHANGE_FILL)}
    </svg>
  );
});

/** The lanes in one sentence each, for screen readers (the table view has every stretch). */
function lanesDescription(lanes: Lane[], t: ReturnType<typeof useT>): string {
  if (!lanes.length) return t('No condition history in this range.');
  return lanes
    .map((lane) => {
      const last = lane.segments[lane.segments.length - 1];
      return t('{{condition}}: {{count}} stretches, last {{status}}', {
        condition: lane.condition,
        count: lane.segments.length,
        status: last ? `${last.status}${last.reason ? ` (${last.reason})` : ''}` : '—',
      });
    })
    .join('; ');
}
