import { describe, expect, test } from 'vitest';
import type { TimelineEntry } from '@irc/shared';
import { deriveConditionHistory, mergeTransitions, stepFor } from '../../src/history/conditions.js';

const series = (condition: string, reason: string, points: Array<[number, 0 | 1]>) => ({
  metric: { __name__: 'cluster_operator_conditions', name: 'image-registry', condition, reason },
  values: points.map(([t, v]): [number, string] => [t, String(v)]),
});

describe('condition history from cluster_operator_conditions', () => {
  const range = { start: 100, end: 110, step: 2 };

  test('a change of status or reason between two points is one transition, at the later point', () => {
    const { entries, lanes } = deriveConditionHistory(
      [
        series('Available', 'Ready', [
          [100, 1],
          [102, 1],
          [108, 1],
          [110, 1],
        ]),
        series('Available', 'NoReplicasAvailable', [
          [104, 0],
          [106, 0],
        ]),
      ],
      'image-registry',
      range,
    );
    expect(entries.map((e) => [e.time, e.type === 'condition' && e.condition.to])).toEqual([
      ['1970-01-01T00:01:44.000Z', 'False'],
      ['1970-01-01T00:01:48.000Z', 'True'],
    ]);
    expect(entries[0]).toMatchObject({ source: 'monitoring', withinSeconds: 2, condition: { from: 'True' } });
    expect(lanes[0]?.segments.map((s) => [s.status, s.start, s.end])).toEqual([
      ['True', '1970-01-01T00:01:40.000Z', '1970-01-01T00:01:44.000Z'],
      ['False', '1970-01-01T00:01:44.000Z', '1970-01-01T00:01:48.000Z'],
      ['True', '1970-01-01T00:01:48.000Z', '1970-01-01T00:01:50.000Z'],
    ]);
  });

  test('a flip and back between two points is not lost: max_over_time saw it', () => {
    const ready = series('Available', 'Ready', [
      [100, 1],
      [102, 1],
      [104, 1],
    ]);
    const visited = [ready, series('Available', 'NoReplicasAvailable', [[104, 0]])];
    const { entries } = deriveConditionHistory(
      [ready],
      'image-registry',
      { start: 100, end: 104, step: 2 },
      visited,
    );
    expect(entries.map((e) => e.type === 'condition' && `${e.condition.from}->${e.condition.to}`)).toEqual([
      'True->False',
      'False->True',
    ]);
  });

  test('a live transition stands for the monitoring one it matches; others stay', () => {
    const { entries } = deriveConditionHistory(
      [series('Degraded', 'AsExpected', [[100, 0]]), series('Degraded', 'Unavailable', [[102, 1]])],
      'image-registry',
      range,
    );
    const live: TimelineEntry = {
      id: 'live',
      time: '1970-01-01T00:01:41.300Z',
      type: 'condition',
      object: { kind: 'ClusterOperator', name: 'image-registry' },
      condition: { type: 'Degraded', from: 'False', to: 'True', reason: 'Unavailable', message: 'exact' },
    };
    expect(mergeTransitions([live], entries, 2).map((e) => e.id)).toEqual(['live']);
    expect(mergeTransitions([], entries, 2)).toHaveLength(1);
    // a condition as it is now does not say what it came from: the monitoring one it stands for does
    const current = { ...live, condition: { ...live.condition, from: null } } as TimelineEntry;
    const [merged] = mergeTransitions([current], entries, 2);
    expect(merged).toMatchObject({ id: 'live', condition: { from: 'False', message: 'exact' } });
  });

  test('steps: about 1000 points, never finer than the scrape', () => {
    expect(stepFor(0, 3600_000, 2)).toBe(4);
    expect(stepFor(0, 14 * 86400_000, 30)).toBe(1210);
    expect(stepFor(0, 60_000, 30)).toBe(30);
  });
});
