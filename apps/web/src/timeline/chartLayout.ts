/**
 * What makes the lanes and the traffic charts one time axis: the same left and right padding
 * and the same width, so a time is at the same x in every chart.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { Health } from '../ui/conditions.js';

export const AXIS_PADDING = { left: 150, right: 32 } as const;
export const TICK_FONT = 12;

/** Colours by health, from PatternFly's status tokens (they follow the dark theme). */
export const HEALTH_FILL: Record<Health, string> = {
  good: 'var(--pf-t--global--color--status--success--default)',
  bad: 'var(--pf-t--global--color--status--danger--default)',
  warning: 'var(--pf-t--global--color--status--warning--default)',
  unknown: 'var(--pf-t--global--color--nonstatus--gray--default)',
};

/** A time (unix ms) → its x in a chart `width` wide, with the shared padding. */
export function timeScale(startMs: number, endMs: number, width: number): (ms: number) => number {
  const plot = Math.max(1, width - AXIS_PADDING.left - AXIS_PADDING.right);
  const span = Math.max(1, endMs - startMs);
  return (ms) => AXIS_PADDING.left + ((ms - startMs) / span) * plot;
}

/** The width of the element the charts fill (charts draw at that width, never scaled). */
export function useContainerWidth<T extends HTMLElement>(fallback = 900) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(320, Math.floor(el.getBoundingClientRect().width) || fallback));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [fallback]);
  return { ref, width };
}
