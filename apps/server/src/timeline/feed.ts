/**
 * The timeline's place in the data flow: fed by the watch hub's changes, its entries published
 * on the stream feed. Hub → timeline → feed, one way: the hub never hears back from it.
 */
import type { ChangeObserver } from '../hub/hub.js';
import type { StreamFeed } from '../hub/feed.js';
import { Timeline, entryKind } from './timeline.js';

/** A timeline whose new entries go out on `feed` as `timeline` messages. */
export function publishingTimeline(feed: StreamFeed): Timeline {
  return new Timeline((entry) => feed.publish('timeline', entryKind(entry), entry, entry));
}

/** What the timeline takes from the hub: condition transitions of the Config and ClusterOperator, and Events. */
export function timelineObserver(timeline: Timeline): ChangeObserver {
  return ({ kind, type, object, previous, relisted }) => {
    if (type === 'DELETED') return;
    if (kind === 'Config' || kind === 'ClusterOperator')
      timeline.observeConditions(kind, object, previous, { afterGap: relisted });
    else if (kind === 'Event') timeline.observeEvent(object);
  };
}
