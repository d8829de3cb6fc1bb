import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/status/timeline.js';

const config = (
  rv: string,
  conditions: {
    type: string;
    status: string;
    reason?: string;
    message?: string;
    lastTransitionTime: string;
  }[],
) => ({
  apiVersion: 'imageregistry.operator.openshift.io/v1',
  kind: 'Config',
  metadata: { name: 'cluster', resourceVersion: rv },
  status: { conditions },
});

describe('Timeline', () => {
  it('seeds from lastTransitionTime, then records transitions and reason changes, newest first', () => {
    const t = new Timeline();
    const first = config('1', [
      { type: 'Available', status: 'True', reason: 'Ready', lastTransitionTime: '2026-01-01T10:00:00Z' },
      { type: 'Progressing', status: 'False', reason: 'Ready', lastTransitionTime: '2026-01-01T09:00:00Z' },
    ]);
    t.observeConditions('Config', first, undefined);
    const second = config('2', [
      { type: 'Available', status: 'True', reason: 'Ready', lastTransitionTime: '2026-01-01T10:00:00Z' },
      {
        type: 'Progressing',
        status: 'True',
        reason: 'DeploymentNotCompleted',
        message: 'The deployment has not completed',
        lastTransitionTime: '2026-01-01T11:00:00Z',
      },
    ]);
    t.observeConditions('Config', second, first);
    const entries = t.list();
    expect(
      entries.map((e) =>
        e.type === 'condition' ? `${e.condition.type} ${e.condition.from}→${e.condition.to}` : '',
      ),
    ).toEqual(['Progressing False→True', 'Available null→True', 'Progressing null→False']);
    // unchanged object: nothing new
    t.observeConditions('Config', second, second);
    expect(t.size).toBe(3);
  });

  it('after a gap, records a condition that left its status and came back unseen (later lastTransitionTime), once', () => {
    const t = new Timeline();
    const before = config('1', [
      { type: 'Available', status: 'True', reason: 'Ready', lastTransitionTime: '2026-01-01T10:00:00Z' },
    ]);
    t.observeConditions('Config', before, undefined);
    const after = config('9', [
      { type: 'Available', status: 'True', reason: 'Ready', lastTransitionTime: '2026-01-01T10:05:00Z' },
    ]);
    t.observeConditions('Config', after, before); // seen live: only a moved lastTransitionTime, not a flip
    expect(t.size).toBe(1);
    t.observeConditions('Config', after, before, { afterGap: true });
    t.observeConditions('Config', after, before, { afterGap: true }); // the same re-list seen twice
    const back = t.list().filter((e) => e.type === 'condition' && e.time === '2026-01-01T10:05:00Z');
    expect(back).toHaveLength(1);
    expect(back[0]?.type === 'condition' && back[0].condition).toMatchObject({
      type: 'Available',
      from: null,
      to: 'True',
    });
    expect(t.size).toBe(2);
  });

  it('records events once per count and console changes, filtered by type and access', () => {
    const t = new Timeline();
    const ev = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'e1', uid: 'u1' },
      involvedObject: { kind: 'Pod', name: 'p' },
      reason: 'Unhealthy',
      message: 'Readiness probe failed',
      type: 'Warning',
      count: 1,
      lastTimestamp: '2026-01-01T12:00:00Z',
    };
    t.observeEvent(ev);
    t.observeEvent(ev);
    t.observeEvent({ ...ev, count: 2, lastTimestamp: '2026-01-01T12:01:00Z' });
    t.recordChange({
      user: 'admin',
      object: { kind: 'Config', name: 'cluster' },
      summary: 'changed replicas',
      patch: { spec: { replicas: 2 } },
    });
    expect(t.list({ type: 'event' })).toHaveLength(2);
    expect(t.list()[0]?.type).toBe('change');
    expect(t.list({}, (kind) => kind !== 'Event').map((e) => e.type)).toEqual(['change']);
  });
});
