import { Button, Content, Title } from '@patternfly/react-core';
import { ExternalLinkAltIcon } from '@patternfly/react-icons';
import {
  Chart,
  ChartAxis,
  ChartGroup,
  ChartLine,
  ChartVoronoiContainer,
} from '@patternfly/react-charts/victory';
import { memo, useMemo } from 'react';
import type { TrafficSeries } from '../api/contract.js';
import { useT } from '../platform/i18n.js';
import { formatAbsolute } from '../ui/time.js';
import { usePlatform } from '../platform/platform.js';
import { AXIS_PADDING, TICK_FONT } from './chartLayout.js';
import { formatTick } from './timeAxis.js';
import {
  chartPoints,
  downsample,
  formatValue,
  maxOf,
  seriesByName,
  TRAFFIC_GROUPS,
  type TrafficGroupId,
  type TrafficName,
} from './traffic.js';

const HEIGHT = 170;
const PADDING = { ...AXIS_PADDING, top: 12, bottom: 56 };

/** Line colours: PatternFly tokens, so they follow the dark theme. */
const STROKE: Record<TrafficName, string> = {
  requests: 'var(--pf-v6-chart-color-blue-300, #0066cc)',
  errors5xx: 'var(--pf-t--global--color--status--danger--default)',
  latencyP99: 'var(--pf-v6-chart-color-teal-300, #37a3a3)',
  storageLatencyP99: 'var(--pf-v6-chart-color-purple-300, #5e40be)',
  storageErrors: 'var(--pf-t--global--color--status--danger--default)',
};

export function useTrafficLabels() {
  const t = useT();
  const series: Record<TrafficName, string> = {
    requests: t('Requests'),
    errors5xx: t('5xx responses'),
    latencyP99: t('Request latency p99'),
    storageLatencyP99: t('Storage operation latency p99'),
    storageErrors: t('Storage operation errors'),
  };
  const groups: Record<TrafficGroupId, { title: string; description: string }> = {
    requests: {
      title: t('Request rate'),
      description: t('Requests per second the registry answered, and those answered with a 5xx error.'),
    },
    latency: {
      title: t('Latency (p99)'),
      description: t(
        "The registry's latencies are summaries with a 99th percentile (no histogram), so this is p99, not p95: of requests, and of storage operations.",
      ),
    },
    storage: {
      title: t('Storage operation errors'),
      description: t('Failed storage driver operations per second (a storage outage shows here).'),
    },
  };
  return { series, groups };
}

/**
 * Each chart's lines, worked out once per answer and width: gaps broken (a null point), thinned
 * to about a point per pixel, and each series' highest value (of every point, not the thinned).
 */
function useChartGroups(
  series: readonly TrafficSeries[],
  stepSeconds: number | undefined,
  startMs: number,
  endMs: number,
  width: number,
) {
  return useMemo(() => {
    const byName = seriesByName(series);
    const plotWidth = width - AXIS_PADDING.left - AXIS_PADDING.right;
    return TRAFFIC_GROUPS.flatMap((group) => {
      const members = group.series.flatMap((name) => {
        const s = byName.get(name);
        if (!s) return [];
        const points = chartPoints(s, stepSeconds);
        return [{ name, s, max: maxOf(points), points: downsample(points, startMs, endMs, plotWidth) }];
      });
      if (!members.length) return [];
      return [{ group, members, unit: members[0]!.s.unit, max: Math.max(0, ...members.map((m) => m.max)) }];
    });
  }, [series, stepSeconds, startMs, endMs, width]);
}

/**
 * The registry's traffic on the lanes' time axis: request and 5xx rates, p99 latencies, and
 * storage operation errors, one chart per unit, each with a link to the console's metrics page
 * for its queries (plugin only).
 */
export const TrafficCharts = memo(function TrafficCharts({
  series,
  stepSeconds,
  startMs,
  endMs,
  ticks,
  width,
}: {
  series: readonly TrafficSeries[];
  /** monitoring's step: points further apart than this are a gap */
  stepSeconds?: number;
  startMs: number;
  endMs: number;
  ticks: number[];
  width: number;
}) {
  const t = useT();
  const { links } = usePlatform();
  const labels = useTrafficLabels();
  const groups = useChartGroups(series, stepSeconds, startMs, endMs, width);
  const span = endMs - startMs;
  return (
    <>
      {groups.map(({ group, members, unit, max }) => {
        const { title, description } = labels.groups[group.id];
        const titleId = `irc-traffic-${group.id}`;
        return (
          <section
            key={group.id}
            className="irc-traffic"
            aria-labelledby={titleId}
            data-test={`traffic-${group.id}`}
          >
            <div className="irc-traffic__head">
              <Title headingLevel="h3" size="md" id={titleId}>
                {title}
              </Title>
              {links.metrics ? (
                <Button
                  variant="link"
                  isInline
                  component="a"
                  href={links.metrics(members.map((m) => m.s.query))}
                  icon={<ExternalLinkAltIcon />}
                  iconPosition="end"
                  aria-label={t('Open {{chart}} in Observe → Metrics', { chart: title })}
                >
                  {t('Open in Observe → Metrics')}
                </Button>
              ) : null}
            </div>
            <Content component="p" className="irc-subtle">
              {description}
            </Content>
            <Chart
              ariaTitle={title}
              ariaDesc={`${description} ${members
                .map((m) =>
                  t('{{series}}: at most {{max}}', {
                    series: labels.series[m.name],
                    max: formatValue(m.max, unit),
                  }),
                )
                .join('; ')}`}
              width={width}
              height={HEIGHT}
              padding={PADDING}
              scale={{ x: 'time', y: 'linear' }}
              domain={{ x: [startMs, endMs], y: [0, max > 0 ? max * 1.1 : 1] }}
              legendData={members.map((m) => ({
                name: labels.series[m.name],
                symbol: { fill: STROKE[m.name] },
              }))}
              legendPosition="bottom-left"
              containerComponent={
                <ChartVoronoiContainer
                  voronoiDimension="x"
                  constrainToVisibleArea
                  labels={({ datum }: { datum: { x: number; y: number | null; childName?: string } }) =>
                    `${labels.series[datum.childName as TrafficName] ?? ''}: ${
                      datum.y === null ? t('no data') : formatValue(datum.y, unit)
                    } (${formatAbsolute(new Date(datum.x))})`
                  }
                />
              }
            >
              <ChartAxis
                tickValues={ticks}
                tickFormat={(v: number) => formatTick(v, span)}
                showGrid
                style={{ tickLabels: { fontSize: TICK_FONT } }}
              />
              <ChartAxis
                dependentAxis
                tickFormat={(v: number) => formatValue(v, unit)}
                tickCount={3}
                style={{ tickLabels: { fontSize: TICK_FONT } }}
              />
              <ChartGroup>
                {members.map((m) => (
                  <ChartLine
                    key={m.name}
                    name={m.name}
                    data={m.points}
                    style={{ data: { stroke: STROKE[m.name], strokeWidth: 2 } }}
                  />
                ))}
              </ChartGroup>
            </Chart>
          </section>
        );
      })}
    </>
  );
});
