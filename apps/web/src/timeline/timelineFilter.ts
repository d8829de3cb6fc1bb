import type { TimelineEntry } from '../api/contract.js';

export type EntryKind = TimelineEntry['type'];
export const ENTRY_KINDS: EntryKind[] = ['condition', 'event', 'change'];

export interface TimelineFilter {
  kinds: EntryKind[];
  /**
   * Condition type (e.g. `Available`); empty = all. Chosen, it narrows the timeline to that
   * condition's transitions: events and console changes have no condition type, so they go.
   */
  conditionType: string;
}

export function filterEntries(entries: readonly TimelineEntry[], filter: TimelineFilter): TimelineEntry[] {
  return entries.filter((entry) => {
    if (!filter.kinds.includes(entry.type)) return false;
    if (filter.conditionType)
      return entry.type === 'condition' && entry.condition.type === filter.conditionType;
    return true;
  });
}

/** Condition types seen in the entries, sorted, for the filter menu. */
export function conditionTypes(entries: readonly TimelineEntry[]): string[] {
  const types = new Set<string>();
  for (const entry of entries) if (entry.type === 'condition') types.add(entry.condition.type);
  return [...types].sort();
}

/** Filters from/to URL search parameters, so a filtered timeline is a link. */
export function filterFromParams(params: URLSearchParams): TimelineFilter {
  const kinds = (params.get('kind') ?? '')
    .split(',')
    .filter((k): k is EntryKind => (ENTRY_KINDS as string[]).includes(k));
  return { kinds: kinds.length ? kinds : [...ENTRY_KINDS], conditionType: params.get('type') ?? '' };
}

export function filterToParams(filter: TimelineFilter, params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  if (filter.kinds.length === ENTRY_KINDS.length) next.delete('kind');
  else next.set('kind', filter.kinds.join(','));
  if (filter.conditionType) next.set('type', filter.conditionType);
  else next.delete('type');
  return next;
}
