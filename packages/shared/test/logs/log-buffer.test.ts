import { describe, expect, it } from 'vitest';
import { LogBuffer, splitTimestamp } from '../../src/logs/index.js';

describe('LogBuffer', () => {
  it('joins lines split across chunks and keeps the partial last line until flushed', () => {
    const buffer = new LogBuffer(100);
    buffer.append('first li');
    buffer.append('ne\nsecond\r\nthi');
    expect(buffer.all()).toEqual(['first line', 'second']);
    buffer.flush();
    expect(buffer.all()).toEqual(['first line', 'second', 'thi']);
    expect(buffer.received).toBe(3);
  });

  it('caps the number of lines, dropping the oldest and counting them', () => {
    const buffer = new LogBuffer(1000);
    for (let i = 0; i < 5000; i++) buffer.append(`line ${i}\n`);
    expect(buffer.length).toBeLessThanOrEqual(1100);
    expect(buffer.line(buffer.length - 1)).toBe('line 4999');
    expect(buffer.dropped + buffer.length).toBe(5000);
    expect(buffer.line(0)).toBe(`line ${buffer.dropped}`);
  });

  it('splits kubelet timestamps off a line', () => {
    expect(splitTimestamp('2025-06-12T09:20:05.468152255Z time="x" level=info')).toEqual([
      '2025-06-12T09:20:05.468152255Z',
      'time="x" level=info',
    ]);
    expect(splitTimestamp('I0612 09:13:40.101122 main.go:39]')).toEqual([
      '',
      'I0612 09:13:40.101122 main.go:39]',
    ]);
  });
});
