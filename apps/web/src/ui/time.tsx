import { useEffect, useState } from 'react';
import { useT } from '../platform/i18n.js';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const absoluteFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' });

/** Cluster and browser clocks differ a little: a time slightly ahead of the browser reads "now". */
const CLOCK_SKEW_MS = 120_000;

export function formatRelative(time: string | Date, now: number): string {
  let ms = new Date(time).getTime() - now;
  if (ms > 0 && ms < CLOCK_SKEW_MS) ms = 0;
  for (const [unit, size] of UNITS) {
    if (Math.abs(ms) >= size || unit === 'second') return relativeFormat.format(Math.round(ms / size), unit);
  }
  return '';
}

export function formatAbsolute(time: string | Date): string {
  return absoluteFormat.format(new Date(time));
}

/** Seconds as `3d4h`, `5m10s` — the `kubectl get` age format. */
export function formatAge(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.floor(seconds))}s`;
  if (seconds < 3600)
    return `${Math.floor(seconds / 60)}m${Math.floor(seconds % 60) ? `${Math.floor(seconds % 60)}s` : ''}`;
  if (seconds < 86_400)
    return `${Math.floor(seconds / 3600)}h${Math.floor((seconds % 3600) / 60) ? `${Math.floor((seconds % 3600) / 60)}m` : ''}`;
  return `${Math.floor(seconds / 86_400)}d${Math.floor((seconds % 86_400) / 3600) ? `${Math.floor((seconds % 86_400) / 3600)}h` : ''}`;
}

/** Current time, refreshed every `intervalMs` (relative times tick without refetching). */
export function useNow(intervalMs = 10_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** A time shown relative ("5 minutes ago") with the absolute time on hover and for screen readers. */
export function Since({ time, absolute = false }: { time?: string; absolute?: boolean }) {
  const t = useT();
  const now = useNow();
  if (!time) return <span>{t('—')}</span>;
  return (
    <time dateTime={time} title={formatAbsolute(time)}>
      {absolute ? formatAbsolute(time) : formatRelative(time, now)}
    </time>
  );
}
