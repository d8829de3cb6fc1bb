import { describe, expect, it } from 'vitest';
import { LogBuffer, normalizeStamp, ResumePoint } from '../../src/logs/index.js';

/** A log where several lines share each millisecond, as at 2,000 lines/s. */
const log = Array.from(
  { length: 40 },
  (_, i) => `2026-11-25T21:00:00.${String(100 + Math.floor(i / 4)).padStart(3, '0')}000000Z line ${i}`,
);
const text = (lines: string[]) => lines.map((l) => `${l}\n`).join('');

function resumable() {
  const resume = new ResumePoint();
  return { resume, buffer: new LogBuffer(1000, (line) => resume.accept(line)) };
}

/** What the API sends for `sinceTime`: every line at or after it (optionally truncated to the second, as kube-apiserver does). */
function since(stamp: string, truncateToSecond = false): string[] {
  const from = normalizeStamp(truncateToSecond ? stamp.replace(/\.\d+Z$/, 'Z') : stamp);
  return log.filter((l) => normalizeStamp(l.slice(0, l.indexOf(' '))) >= from);
}

describe('ResumePoint', () => {
  it('resumes after a cut mid-millisecond and mid-line: every line once, in order', () => {
    const { resume, buffer } = resumable();
    const sent = text(log.slice(0, 22));
    buffer.append(sent + log[22]!.slice(0, 20)); // cut inside line 22, which shares a millisecond with 20 and 21
    buffer.discardPartial();
    resume.beginReplay();
    expect(resume.sinceTime()).toBe('2026-11-25T21:00:00.105000000Z');
    const replay = text(since(resume.sinceTime()!));
    // the replay arrives in arbitrary chunks
    for (let i = 0; i < replay.length; i += 37) buffer.append(replay.slice(i, i + 37));
    expect(buffer.all()).toEqual(log);
  });

  it('drops a whole second of replay when the API truncates sinceTime to seconds', () => {
    const { resume, buffer } = resumable();
    buffer.append(text(log.slice(0, 30)));
    resume.beginReplay();
    buffer.append(text(since(resume.sinceTime()!, true)));
    expect(buffer.all()).toEqual(log);
  });

  it('shows a repeated line again when only its first copy was shown before the cut', () => {
    const { resume, buffer } = resumable();
    const same = '2026-11-25T21:00:00.200000000Z ping';
    buffer.append(text([log[0]!, same]));
    resume.beginReplay();
    buffer.append(text([same, same, '2026-11-25T21:00:00.201000000Z next']));
    expect(buffer.all()).toEqual([log[0], same, same, '2026-11-25T21:00:00.201000000Z next']);
  });

  it('keeps the lines of a new container instance that logged at the same millisecond with other text', () => {
    const { resume, buffer } = resumable();
    buffer.append(text(log.slice(0, 2)));
    resume.beginReplay();
    const other = `${log[1]!.slice(0, log[1]!.indexOf(' '))} restarted`;
    buffer.append(text([other, log[4]!]));
    expect(buffer.all()).toEqual([log[0], log[1], other, log[4]]);
  });

  it('resumes from nothing when nothing was shown, and keeps lines without timestamps', () => {
    const { resume, buffer } = resumable();
    expect(resume.sinceTime()).toBeUndefined();
    resume.beginReplay();
    buffer.append('no stamp\nno stamp\n');
    expect(buffer.all()).toEqual(['no stamp', 'no stamp']);
  });

  it('compares kubelet timestamps whatever their fraction digits', () => {
    expect(normalizeStamp('2025-06-12T09:20:05.46815Z')).toBe('2025-06-12T09:20:05.468150000Z');
    expect(normalizeStamp('2025-06-12T09:20:05Z')).toBe('2025-06-12T09:20:05.000000000Z');
    expect(normalizeStamp('2025-06-12T09:20:05.468150000Z')).toBe(
      normalizeStamp('2025-06-12T09:20:05.46815Z'),
    );
  });
});
