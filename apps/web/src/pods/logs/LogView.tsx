import { useEffect, useLayoutEffect, useMemo, useRef, useState, type UIEvent } from 'react';
import { useT } from '../../platform/i18n.js';
import { splitTimestamp, type LogBuffer } from '@irc/shared';
import { highlightParts, type LogMatch } from './logSearch.js';
import { VirtualLayout } from './virtualLayout.js';

interface Props {
  buffer: LogBuffer;
  version: number;
  wrap: boolean;
  showTimestamps: boolean;
  query: string;
  current: LogMatch | undefined;
  /** Changes on every jump to a match (also to the same one again). */
  jump: number;
  follow: boolean;
  /** The user scrolled away from the bottom (pauses following) or back to it. */
  onFollowChange(follow: boolean): void;
}

const FALLBACK_ROW = 20;
const FALLBACK_CHAR = 8;
/** .irc-log__line padding-inline-end (spacer md) plus a little slack for rounding. */
const LINE_PADDING_PX = 20;

/** Measures one monospace row and character once mounted (jsdom: fallbacks). */
function useMetrics(probe: React.RefObject<HTMLSpanElement | null>) {
  const [metrics, setMetrics] = useState({ row: FALLBACK_ROW, char: FALLBACK_CHAR });
  useLayoutEffect(() => {
    const el = probe.current;
    if (!el) return;
    const rect = el.getBoundingClientRect();
    if (rect.height > 0 && rect.width > 0) setMetrics({ row: rect.height, char: rect.width / 10 });
  }, [probe]);
  return metrics;
}

/**
 * A virtual list of log lines: only the lines in view (plus a margin) are in the DOM, so
 * hundreds of thousands of lines scroll as smoothly as ten.
 */
export function LogView({
  buffer,
  version,
  wrap,
  showTimestamps,
  query,
  current,
  jump,
  follow,
  onFollowChange,
}: Props) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLSpanElement>(null);
  const metrics = useMetrics(probe);
  const [viewport, setViewport] = useState({ width: 800, height: 480, scrollTop: 0 });
  const layout = useMemo(() => new VirtualLayout(metrics.row, null), [metrics.row]);

  const gutterCh = String(buffer.dropped + buffer.length).length + 2;
  // Wrapped lines break anywhere (break-all) across the full width, number and timestamp
  // included, so a line's rows follow from its total characters over the columns that fit.
  const columns = wrap ? Math.max(20, Math.floor((viewport.width - LINE_PADDING_PX) / metrics.char)) : null;
  const prefix = gutterCh + 1;
  const lines = buffer.all();

  // Lay out fully when the geometry changes or old lines were dropped, incrementally on appends.
  const geometry = `${metrics.row}|${columns}|${showTimestamps}|${prefix}`;
  const laidOut = useRef({ geometry: '', dropped: -1 });
  useMemo(() => {
    const previous = laidOut.current;
    if (
      previous.geometry !== geometry ||
      previous.dropped !== buffer.dropped ||
      lines.length < layout.length
    ) {
      const lengthOf = showTimestamps
        ? (line: string) => prefix + line.length
        : (line: string) => prefix + splitTimestamp(line)[1].length;
      layout.configure(metrics.row, columns, lines, lengthOf);
      laidOut.current = { geometry, dropped: buffer.dropped };
    } else {
      layout.sync(lines);
    }
  }, [layout, geometry, version, lines, buffer.dropped, metrics.row, columns, showTimestamps]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () =>
      setViewport((v) => ({ ...v, width: el.clientWidth || v.width, height: el.clientHeight || v.height }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const reveal = useRef(false);
  // Follow: stick to the bottom as lines arrive. Following wins over a match still to be
  // revealed (Follow pressed right after a search must not be undone by the reveal's scroll).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!follow || !el) return;
    reveal.current = false;
    el.scrollTop = layout.totalHeight;
  }, [follow, version, layout, columns, showTimestamps]);

  // Search: bring the current match into view (a third from the top), unless following.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !current || follow) return;
    const top = layout.offsetOf(current.line);
    if (top < el.scrollTop || top > el.scrollTop + el.clientHeight - metrics.row) {
      el.scrollTop = Math.max(0, top - el.clientHeight / 3);
      setViewport((v) => ({ ...v, scrollTop: el.scrollTop }));
    }
  }, [current, jump, layout, metrics.row, follow]);

  // …and horizontally, only when the match is out of sight (hidden right of the view or under
  // the sticky line numbers), then just far enough that it starts beside the numbers: jumping
  // must not scroll sideways for a match already in view. The row exists only once the vertical
  // scroll has rendered it, so the reveal waits for it.
  useEffect(() => {
    reveal.current = current !== undefined && !follow;
  }, [current, jump, follow]);
  useEffect(() => {
    const el = scroller.current;
    if (!reveal.current || !el) return;
    const mark = el.querySelector<HTMLElement>('.irc-log__mark--current');
    if (!mark) return;
    reveal.current = false;
    const gutter = mark.closest('.irc-log__line')?.querySelector('.irc-log__number');
    const view = el.getBoundingClientRect();
    const box = mark.getBoundingClientRect();
    const visibleFrom = view.left + (gutter?.getBoundingClientRect().width ?? 0);
    if (box.left >= visibleFrom && box.right <= view.left + el.clientWidth) return;
    el.scrollLeft = Math.max(0, el.scrollLeft + box.left - visibleFrom - metrics.char * 4);
  });

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const el = event.currentTarget;
    setViewport((v) => (v.scrollTop === el.scrollTop ? v : { ...v, scrollTop: el.scrollTop }));
    const atBottom = el.scrollTop + el.clientHeight >= el.scrollHeight - metrics.row * 2;
    if (follow !== atBottom) onFollowChange(atBottom);
  };

  // Following: render the rows at the bottom now, rather than the rows at the old scroll
  // position and then, after the scroll event, the right ones (two renders per batch).
  const scrollTop = follow ? Math.max(0, layout.totalHeight - viewport.height) : viewport.scrollTop;
  const [first, last] = layout.visibleRange(scrollTop, viewport.height);
  const rows = [];
  for (let i = first; i < last; i++) {
    const raw = buffer.line(i);
    const [stamp, text] = splitTimestamp(raw);
    const isCurrent = current?.line === i;
    rows.push(
      <div
        key={buffer.dropped + i}
        className={`irc-log__line${isCurrent ? ' irc-log__line--current' : ''}`}
        style={{ top: layout.offsetOf(i), minHeight: metrics.row }}
        data-line={buffer.dropped + i + 1}
      >
        <span className="irc-log__number" style={{ width: `${gutterCh}ch` }} aria-hidden="true">
          {buffer.dropped + i + 1}
        </span>
        {showTimestamps && stamp ? <span className="irc-log__stamp">{stamp} </span> : null}
        <span className="irc-log__text">
          {highlightParts(text, query).map((part, index) =>
            part.match ? (
              <mark
                key={index}
                className={isCurrent ? 'irc-log__mark irc-log__mark--current' : 'irc-log__mark'}
              >
                {part.text}
              </mark>
            ) : (
              part.text
            ),
          )}
        </span>
      </div>,
    );
  }

  return (
    <div
      ref={scroller}
      className={`irc-log${wrap ? ' irc-log--wrap' : ''}`}
      onScroll={onScroll}
      role="log"
      aria-live="off"
      aria-label={t('Log lines')}
      tabIndex={0}
      data-test="log-view"
      data-lines={buffer.length}
      // Strict containment: rows changing every frame while following re-lay out this box only,
      // not the whole page around it (its height is fixed by CSS).
      style={{ contain: 'strict' }}
    >
      <span ref={probe} className="irc-log__probe" aria-hidden="true">
        0123456789
      </span>
      <div
        className="irc-log__canvas"
        // Unwrapped, the canvas is as wide as the longest line, and every line as wide as the
        // canvas: the sticky line numbers then stay in view however far a line is scrolled.
        style={{
          height: layout.totalHeight,
          width: wrap ? undefined : layout.longestLine * metrics.char + LINE_PADDING_PX,
        }}
      >
        {rows}
      </div>
    </div>
  );
}
