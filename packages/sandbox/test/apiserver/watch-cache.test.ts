import { describe, expect, it } from 'vitest';
import { EventWindow } from '../../src/apiserver/storage/watch-cache.js';

/** kube 1.32's watch cache sizing (storage/cacher/watch_cache.go resizeCacheLocked). */
describe('watch cache window sizing', () => {
  const fill = (w: EventWindow, from: number, n: number, at: number): void => {
    for (let i = 0; i < n; i++) w.add({ rv: from + i, at });
  };

  it('starts at the lower bound and forgets nothing until full', () => {
    const w = new EventWindow({ size: 4, maxSize: 4, freshMs: 1000 });
    fill(w, 1, 4, 0);
    expect(w.oldestRv()).toBeUndefined();
    expect(w.after(0).map((e) => e.rv)).toEqual([1, 2, 3, 4]);
    fill(w, 5, 2, 0);
    expect(w.oldestRv()).toBe(3);
    expect(w.after(4).map((e) => e.rv)).toEqual([5, 6]);
  });

  it('doubles while full of fresh events, up to the upper bound', () => {
    const w = new EventWindow({ size: 2, maxSize: 8, freshMs: 1000 });
    fill(w, 1, 8, 0);
    expect(w.currentCapacity).toBe(8);
    expect(w.oldestRv()).toBeUndefined();
    fill(w, 9, 1, 0);
    expect(w.currentCapacity).toBe(8);
    expect(w.oldestRv()).toBe(2);
  });

  it('halves when full and even its newest quarter is stale', () => {
    const w = new EventWindow({ size: 2, maxSize: 8, freshMs: 1000 });
    fill(w, 1, 8, 0);
    fill(w, 9, 1, 5000);
    expect(w.currentCapacity).toBe(4);
    expect(w.size).toBe(4);
    expect(w.after(0).map((e) => e.rv)).toEqual([6, 7, 8, 9]);
  });
});
