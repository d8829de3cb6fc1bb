/** The timeline over a range and the registry's traffic over it, from the BFF. */
import { useQuery } from '@tanstack/react-query';
import { timelineRangeQuery, type HistoryWindow } from '../api/timeline.js';
import { trafficQuery } from '../api/traffic.js';
import { usePlatform } from '../platform/platform.js';
import { rangeKey, resolveRange, type TimeRange } from './timeRange.js';

/** A range as the history queries read it: a preset is resolved against the clock at each read. */
function historyWindow(range: TimeRange): HistoryWindow {
  return {
    key: rangeKey(range),
    live: range.kind === 'preset',
    window() {
      const { startMs, endMs } = resolveRange(range, Date.now());
      return { start: new Date(startMs).toISOString(), end: new Date(endMs).toISOString() };
    },
  };
}

export function useTimelineRangeQuery(range: TimeRange) {
  return useQuery(timelineRangeQuery(usePlatform(), historyWindow(range)));
}

export function useTrafficQuery(range: TimeRange) {
  return useQuery(trafficQuery(usePlatform(), historyWindow(range)));
}
