import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../api/contract.js';
import { filterEntries } from './timelineFilter.js';

const condition = (id: string, type: string): TimelineEntry => ({
  id,
  type: 'condition',
  time: '2026-11-25T10:00:00Z',
  object: { kind: 'Config', name: 'cluster' },
  condition: { type, from: 'False', to: 'True', reason: 'Ready', message: '' },
});
const event: TimelineEntry = {
  id: 'e',
  type: 'event',
  time: '2026-11-25T10:00:00Z',
  object: { kind: 'Pod', name: 'image-registry-1', namespace: 'openshift-image-registry' },
  event: { eventType: 'Normal', reason: 'Pulled', message: 'pulled', count: 1 },
};
const change: TimelineEntry = {
  id: 'x',
  type: 'change',
  time: '2026-11-25T10:00:00Z',
  object: { kind: 'Config', name: 'cluster' },
  change: { user: 'admin', summary: 'changed replicas' },
};
const all = [condition('a', 'Available'), condition('p', 'Progressing'), event, change];

describe('filterEntries', () => {
  it('keeps every kind that is switched on', () => {
    expect(filterEntries(all, { kinds: ['condition', 'event', 'change'], conditionType: '' })).toHaveLength(
      4,
    );
    expect(filterEntries(all, { kinds: ['event'], conditionType: '' })).toEqual([event]);
  });

  it('narrows to one condition type: pod events and console changes have none, so they go', () => {
    const shown = filterEntries(all, { kinds: ['condition', 'event', 'change'], conditionType: 'Available' });
    expect(shown.map((e) => e.id)).toEqual(['a']);
  });
});
