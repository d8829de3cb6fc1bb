import { Pagination, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import type { TrafficSeries } from '../api/contract.js';
import { useT } from '../platform/i18n.js';
import { formatAbsolute } from '../ui/time.js';
import type { Lane } from './lanes.js';
import { formatDuration } from './timeAxis.js';
import { formatValue, seriesByName, trafficRows, TRAFFIC_ORDER } from './traffic.js';
import { useTrafficLabels } from './TrafficCharts.js';

const PER_PAGE = 50;

/** The lanes' stretches as rows: the same data as the chart, for reading and screen readers. */
export function LanesTable({ lanes }: { lanes: Lane[] }) {
  const t = useT();
  const rows = lanes.flatMap((lane) => lane.segments.map((s) => ({ condition: lane.condition, ...s })));
  return (
    <>
      <Title headingLevel="h3" size="md">
        {t('Condition intervals')}
      </Title>
      {rows.length ? (
        <Table aria-label={t('Condition intervals')} variant="compact" data-test="lanes-table">
          <Thead>
            <Tr>
              <Th>{t('Condition')}</Th>
              <Th>{t('Status')}</Th>
              <Th>{t('Reason')}</Th>
              <Th>{t('From')}</Th>
              <Th>{t('To')}</Th>
              <Th>{t('Duration')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((r) => (
              <Tr key={`${r.condition}-${r.startMs}`}>
                <Td dataLabel={t('Condition')}>{r.condition}</Td>
                <Td dataLabel={t('Status')}>{r.status}</Td>
                <Td dataLabel={t('Reason')}>{r.reason || t('—')}</Td>
                <Td dataLabel={t('From')}>{formatAbsolute(new Date(r.startMs))}</Td>
                <Td dataLabel={t('To')}>{formatAbsolute(new Date(r.endMs))}</Td>
                <Td dataLabel={t('Duration')}>{formatDuration(r.endMs - r.startMs)}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      ) : (
        <p className="irc-subtle">{t('No condition history in this range.')}</p>
      )}
    </>
  );
}

/** Every traffic point as a row, newest first, a page at a time. */
export function TrafficTable({ series }: { series: readonly TrafficSeries[] }) {
  const t = useT();
  const labels = useTrafficLabels();
  const byName = seriesByName(series);
  const columns = TRAFFIC_ORDER.filter((name) => byName.has(name));
  const rows = trafficRows(series);
  const [page, setPage] = useState(1);
  const lastPage = Math.max(1, Math.ceil(rows.length / PER_PAGE));
  const current = Math.min(page, lastPage);
  if (!columns.length) return null;
  return (
    <>
      <Title headingLevel="h3" size="md">
        {t('Registry traffic')}
      </Title>
      <Table aria-label={t('Registry traffic')} variant="compact" data-test="traffic-table">
        <Thead>
          <Tr>
            <Th>{t('Time')}</Th>
            {columns.map((name) => (
              <Th key={name}>{labels.series[name]}</Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {rows.slice((current - 1) * PER_PAGE, current * PER_PAGE).map((row) => (
            <Tr key={row.time}>
              <Td dataLabel={t('Time')}>{formatAbsolute(new Date(row.time))}</Td>
              {columns.map((name) => {
                const value = row.values[name];
                return (
                  <Td key={name} dataLabel={labels.series[name]}>
                    {value === undefined ? t('—') : formatValue(value, byName.get(name)!.unit)}
                  </Td>
                );
              })}
            </Tr>
          ))}
        </Tbody>
      </Table>
      {rows.length > PER_PAGE ? (
        <Pagination
          itemCount={rows.length}
          perPage={PER_PAGE}
          page={current}
          perPageOptions={[]}
          onSetPage={(_e, next) => setPage(next)}
          variant="bottom"
          titles={{
            paginationAriaLabel: t('Traffic table pages'),
            toFirstPageAriaLabel: t('Go to first page'),
            toPreviousPageAriaLabel: t('Go to previous page'),
            toLastPageAriaLabel: t('Go to last page'),
            toNextPageAriaLabel: t('Go to next page'),
            currPageAriaLabel: t('Current page'),
            ofWord: t('of'),
            items: '',
            page: '',
            pages: '',
          }}
        />
      ) : null}
    </>
  );
}
