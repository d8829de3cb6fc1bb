import { describe, expect, it } from 'vitest';
import type { ConditionEntry, ConditionLane, TimelineEntry } from '../api/contract.js';
import { mergeLanes } from './lanes.js';

const T = (min: number) => Date.parse('2026-12-07T10:00:00Z') + min * 60_000;
const iso = (min: number) => new Date(T(min)).toISOString();
const co = { kind: 'ClusterOperator', name: 'image-registry' };

function transition(
  min: number,
  type: string,
  from: ConditionEntry['condition']['from'],
  to: ConditionEntry['condition']['to'],
  reason: string,
  object = co,
): TimelineEntry {
  return {
    id: `${type}-${min}-${object.kind}`,
    type: 'condition',
    time: iso(min),
    object,
    condition: { type, from, to, reason, message: '' },
  };
}

const seg = (start: number, end: number, status: 'True' | 'False' | 'Unknown', reason: string) => ({
  start: iso(start),
  end: iso(end),
  status,
  reason,
});

describe('mergeLanes', () => {
  const range = { startMs: T(0), endMs: T(60), live: true };

  it('carries monitoring lanes on to now with the live transitions after its last point', () => {
    const server: ConditionLane[] = [
      { condition: 'Degraded', segments: [seg(0, 50, 'False', 'AsExpected')] },
      { condition: 'Available', segments: [seg(0, 50, 'True', 'Ready')] },
    ];
    const live = [
      transition(55, 'Degraded', 'False', 'True', 'StorageError'),
      transition(20, 'Degraded', 'False', 'False', 'AsExpected'),
    ];
    const lanes = mergeLanes(server, live, range, T(60));
    expect(lanes.map((l) => l.condition)).toEqual(['Available', 'Degraded']);
    expect(lanes[0]!.segments).toEqual([{ startMs: T(0), endMs: T(60), status: 'True', reason: 'Ready' }]);
    expect(lanes[1]!.segments).toEqual([
      { startMs: T(0), endMs: T(55), status: 'False', reason: 'AsExpected' },
      { startMs: T(55), endMs: T(60), status: 'True', reason: 'StorageError' },
    ]);
  });

  it('builds lanes from live transitions alone when monitoring gave none, from the state at the start', () => {
    const live = [
      transition(-120, 'Available', null, 'True', 'Ready'),
      transition(30, 'Available', 'True', 'False', 'NoReplicasAvailable'),
      transition(40, 'Available', 'False', 'True', 'Ready'),
      // the Config's conditions are not the ClusterOperator's lanes
      transition(10, 'Removed', 'False', 'True', 'Removed', { kind: 'Config', name: 'cluster' }),
    ];
    const lanes = mergeLanes([], live, range, T(60));
    expect(lanes).toEqual([
      {
        condition: 'Available',
        segments: [
          { startMs: T(0), endMs: T(30), status: 'True', reason: 'Ready' },
          { startMs: T(30), endMs: T(40), status: 'False', reason: 'NoReplicasAvailable' },
          { startMs: T(40), endMs: T(60), status: 'True', reason: 'Ready' },
        ],
      },
    ]);
  });

  it('leaves no-data stretches as gaps and stops a past range at its end', () => {
    const server: ConditionLane[] = [
      {
        condition: 'Progressing',
        segments: [seg(0, 10, 'Unknown', ''), seg(10, 30, 'True', 'Rollout'), seg(30, 40, 'False', 'Done')],
      },
    ];
    const past = { startMs: T(0), endMs: T(40), live: false };
    const lanes = mergeLanes(server, [transition(50, 'Progressing', 'False', 'True', 'Later')], past, T(60));
    expect(lanes[0]!.segments).toEqual([
      { startMs: T(10), endMs: T(30), status: 'True', reason: 'Rollout' },
      { startMs: T(30), endMs: T(40), status: 'False', reason: 'Done' },
    ]);
  });
});
