import { describe, expect, it } from 'vitest';
import { Coalescer } from '../../src/diagnostics/coalesce.js';

describe('Coalescer', () => {
  it('requests during a run share ONE next run that starts after it; other keys run on their own', async () => {
    const c = new Coalescer<number>();
    let runs = 0;
    const releases: (() => void)[] = [];
    const fn = () =>
      new Promise<number>((resolve) => {
        const n = ++runs;
        releases.push(() => resolve(n));
      });
    const first = c.run('a', fn);
    const second = c.run('a', fn);
    const third = c.run('a', fn);
    const other = c.run('b', fn);
    expect(runs).toBe(2); // a's first run and b's run; a's next run waits
    releases[0]!();
    expect(await first).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(3);
    releases[2]!();
    expect(await second).toBe(3);
    expect(await third).toBe(3);
    releases[1]!();
    expect(await other).toBe(2);
  });

  it('a failed run does not block the queued one, and the key is free afterwards', async () => {
    const c = new Coalescer<string>();
    const failing = c.run('a', () => Promise.reject(new Error('boom')));
    const queued = c.run('a', async () => 'next');
    await expect(failing).rejects.toThrow('boom');
    expect(await queued).toBe('next');
    expect(await c.run('a', async () => 'fresh')).toBe('fresh');
  });
});
