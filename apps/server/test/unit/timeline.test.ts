import { describe, expect, it } from 'vitest';
import type { AccessQuestion } from '../../src/access/access-review.js';
import { ReadableEntryGate, entryReadAccess, readableEntries } from '../../src/timeline/readable.js';
import { Timeline } from '../../src/timeline/timeline.js';

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

describe('timeline entries about objects', () => {
  const t = new Timeline();
  const pull = t.recordChange({
    user: 'admin',
    object: { kind: 'Secret', name: 'pull-secret', namespace: 'openshift-config' },
    summary: 'added the credentials for secret-vendor.internal.example:5000',
  });
  const config = t.recordChange({ user: 'admin', object: { kind: 'Config', name: 'cluster' }, summary: 'x' });
  const odd = t.recordChange({ user: 'admin', object: { kind: 'Widget', name: 'w' }, summary: 'y' });

  it('asks to get the very object a change is about; conditions and events need no more than their kind', () => {
    expect(entryReadAccess(pull)).toEqual({
      verb: 'get',
      group: '',
      resource: 'secrets',
      namespace: 'openshift-config',
      name: 'pull-secret',
    });
    expect(entryReadAccess(config)).toMatchObject({
      group: 'imageregistry.operator.openshift.io',
      name: 'cluster',
    });
    expect(entryReadAccess(odd)).toMatchObject({ resource: 'widgets' });
    t.observeEvent({ metadata: { uid: 'u1' }, message: 'm', involvedObject: { kind: 'Pod', name: 'p' } });
    const event = t.list({ type: 'event' })[0]!;
    expect(entryReadAccess(event)).toBeUndefined();
  });

  it('filters per distinct object (one question each), hiding what cannot be answered', async () => {
    const asked: AccessQuestion[] = [];
    const visible = await readableEntries([pull, config, pull, odd], async (q) => {
      asked.push(q);
      if (q.resource === 'widgets') throw new Error('API down');
      return q.resource !== 'secrets';
    });
    expect(visible).toEqual([config]);
    expect(asked.map((q) => q.resource)).toEqual(['secrets', 'configs', 'widgets']);
  });

  it('a stream gate keeps the order while an answer is pending and drops what is denied', async () => {
    const sent: string[] = [];
    let release: (allowed: boolean) => void = () => undefined;
    const gate = new ReadableEntryGate(
      (q) =>
        new Promise<boolean>(
          (resolve) => (release = q.resource === 'secrets' ? resolve : () => resolve(true)),
        ),
      (frame) => sent.push(frame.toString()),
    );
    gate.deliver(Buffer.from('a'));
    gate.deliver(Buffer.from('pull'), pull);
    gate.deliver(Buffer.from('b'));
    await new Promise((r) => setTimeout(r, 10));
    expect(sent).toEqual(['a']);
    release(false);
    await new Promise((r) => setTimeout(r, 10));
    expect(sent).toEqual(['a', 'b']);
    gate.deliver(Buffer.from('c'));
    expect(sent).toEqual(['a', 'b', 'c']);
  });
});
