import { describe, expect, it } from 'vitest';
import { ConfigGenerations } from '../../src/config/generations.js';

const version = (rv: string, generation?: number) => ({
  metadata: { resourceVersion: rv, ...(generation ? { generation } : {}) },
});

describe('ConfigGenerations', () => {
  it('remembers the generation of each version seen, first answer wins', () => {
    const g = new ConfigGenerations();
    g.observe(version('10', 2));
    g.observe(version('11', 2));
    g.observe(version('10', 9));
    expect(g.generationAt('10')).toBe(2);
    expect(g.generationAt('11')).toBe(2);
    expect(g.generationAt('12')).toBeUndefined();
  });

  it('ignores objects without a generation or resourceVersion', () => {
    const g = new ConfigGenerations();
    g.observe(version('10'));
    g.observe({ metadata: { generation: 3 } });
    g.observe(undefined);
    expect(g.size).toBe(0);
  });

  it('is bounded: the oldest versions are forgotten first', () => {
    const g = new ConfigGenerations(3);
    for (let rv = 1; rv <= 5; rv++) g.observe(version(String(rv), 1));
    expect(g.size).toBe(3);
    expect(g.generationAt('2')).toBeUndefined();
    expect(g.generationAt('3')).toBe(1);
    expect(g.generationAt('5')).toBe(1);
  });
});
