import type { KubeObject } from '../../core/types.js';
import { since } from './duration.js';

/** metav1.TableColumnDefinition */
export interface ColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export type Cell = string | number | boolean | null;

/** A kind's printer: its columns and how one object becomes a row of cells (all columns, wide included). */
export interface Printer {
  columns: ColumnDefinition[];
  row(obj: KubeObject, now: Date): Cell[];
}

/** One column and how an object fills it: a printer made of fields keeps each cell with its column. */
export type Field = readonly [ColumnDefinition, (obj: KubeObject, now: Date) => Cell];

export function printer(...fields: Field[]): Printer {
  return {
    columns: fields.map(([column]) => column),
    row: (obj, now) => fields.map(([, cell]) => cell(obj, now)),
  };
}

export function col(
  name: string,
  type = 'string',
  priority = 0,
  description = '',
  format = '',
): ColumnDefinition {
  return { name, type, format, description, priority };
}

export const NAME_COLUMN = col(
  'Name',
  'string',
  0,
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
  'name',
);
export const AGE_COLUMN = col(
  'Age',
  'string',
  0,
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
);

/** The Name and Age fields most kinds print first and after their own columns. */
export const NAME_FIELD: Field = [NAME_COLUMN, (o) => o.metadata.name ?? ''];
export const AGE_FIELD: Field = [AGE_COLUMN, (o, now) => since(o.metadata.creationTimestamp, now)];

type Json = Record<string, unknown>;
/** Safe deep read for printers: `dig(o, 'status', 'phase')`. */
export function dig(o: unknown, ...keys: string[]): unknown {
  let cur = o;
  for (const k of keys) cur = typeof cur === 'object' && cur !== null ? (cur as Json)[k] : undefined;
  return cur;
}
export const str = (v: unknown, fallback = ''): string => (typeof v === 'string' && v !== '' ? v : fallback);
export const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const count = (v: unknown): number =>
  typeof v === 'object' && v !== null ? Object.keys(v).length : 0;

/** labels.FormatLabels / selector rendering: sorted `k=v` pairs, `<none>` when empty. */
export function formatLabels(m: unknown): string {
  const entries = typeof m === 'object' && m !== null ? Object.entries(m as Record<string, string>) : [];
  if (entries.length === 0) return '<none>';
  return entries
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}
