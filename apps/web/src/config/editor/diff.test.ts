import { describe, expect, it } from 'vitest';
import { diffLines, foldUnchanged, hasChanges, toYaml } from './diff.js';

describe('diffLines', () => {
  it('marks changed lines between two specs', () => {
    const before = toYaml({ replicas: 2, storage: { s3: { bucket: 'a', region: 'us-east-1' } } });
    const after = toYaml({ replicas: 3, storage: { s3: { bucket: 'a', region: 'eu-west-1' } } });
    const lines = diffLines(before, after);
    expect(lines.filter((l) => l.op === 'remove').map((l) => l.text.trim())).toEqual([
      'replicas: 2',
      'region: us-east-1',
    ]);
    expect(lines.filter((l) => l.op === 'add').map((l) => l.text.trim())).toEqual([
      'replicas: 3',
      'region: eu-west-1',
    ]);
    expect(lines.filter((l) => l.op === 'same').map((l) => l.text.trim())).toEqual([
      'storage:',
      's3:',
      'bucket: a',
    ]);
  });

  it('ignores key order and reports no change for equal objects', () => {
    expect(
      hasChanges(diffLines(toYaml({ a: 1, b: { c: 2, d: 3 } }), toYaml({ b: { d: 3, c: 2 }, a: 1 }))),
    ).toBe(false);
  });

  it('handles additions to and removals from empty input', () => {
    expect(diffLines('', 'x\ny')).toEqual([
      { op: 'add', text: 'x' },
      { op: 'add', text: 'y' },
    ]);
    expect(diffLines('x', '')).toEqual([{ op: 'remove', text: 'x' }]);
  });

  it('folds long unchanged runs but keeps context around changes', () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
    const after = before.replace('l10', 'L10');
    const folded = foldUnchanged(diffLines(before, after), 2);
    expect(folded[0]).toEqual({ op: 'fold', count: 8 });
    expect(folded.slice(1, 3).map((l) => ('text' in l ? l.text : ''))).toEqual(['l8', 'l9']);
    expect(folded.find((l) => l.op === 'remove')).toEqual({ op: 'remove', text: 'l10' });
    expect(folded.at(-1)).toEqual({ op: 'fold', count: 7 });
  });
});
