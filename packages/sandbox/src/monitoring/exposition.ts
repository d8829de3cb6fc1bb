/**
 * Prometheus text exposition format 0.0.4: what client_golang writes and every Prometheus
 * scrapes. Only what the sandbox's simulated components need: counters, gauges and summaries
 * (openshift/image-registry's latencies are summaries with the 0.5/0.9/0.99 quantiles).
 */
export type Labels = Record<string, string>;

export interface Sample {
  labels: Labels;
  value: number;
}

export interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'summary';
  samples: Sample[];
}

export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

export function seriesLine(name: string, labels: Labels, value: number): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return `${name}${pairs.length ? `{${pairs.join(',')}}` : ''} ${formatValue(value)}`;
}

/** Families → exposition text. A summary's samples are named by the caller (`_sum`, `_count`). */
export function expose(families: Family[]): string {
  const out: string[] = [];
  for (const f of families) {
    out.push(`# HELP ${f.name} ${f.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`);
    out.push(`# TYPE ${f.name} ${f.type}`);
    for (const s of f.samples)
      out.push(seriesLine(s.labels.__name__ ?? f.name, withoutName(s.labels), s.value));
  }
  return `${out.join('\n')}\n`;
}

function withoutName(labels: Labels): Labels {
  if (!('__name__' in labels)) return labels;
  const { __name__: _, ...rest } = labels;
  return rest;
}

/** A labelled counter or gauge: values keyed by their label set, in first-seen order. */
export class Vec {
  private readonly values = new Map<string, Sample>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: 'counter' | 'gauge',
  ) {}

  add(labels: Labels, by = 1): void {
    const key = JSON.stringify(labels);
    const s = this.values.get(key);
    if (s) s.value += by;
    else this.values.set(key, { labels, value: by });
  }

  set(labels: Labels, value: number): void {
    this.values.set(JSON.stringify(labels), { labels, value });
  }

  get(labels: Labels): number {
    return this.values.get(JSON.stringify(labels))?.value ?? 0;
  }

  family(): Family {
    return { name: this.name, help: this.help, type: this.type, samples: [...this.values.values()] };
  }
}

const QUANTILES = [0.5, 0.9, 0.99];
/** client_golang's default summary window (MaxAge) is 10 minutes; kept bounded in count too. */
const WINDOW_MS = 10 * 60_000;
const MAX_OBSERVATIONS = 4096;

/** A labelled summary: quantiles over a sliding window, `_sum` and `_count` over all time. */
export class SummaryVec {
  private readonly series = new Map<
    string,
    { labels: Labels; sum: number; count: number; window: Array<[number, number]> }
  >();

  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  observe(labels: Labels, value: number, now = Date.now()): void {
    const key = JSON.stringify(labels);
    let s = this.series.get(key);
    if (!s) {
      s = { labels, sum: 0, count: 0, window: [] };
      this.series.set(key, s);
    }
    s.sum += value;
    s.count += 1;
    s.window.push([now, value]);
    if (s.window.length > MAX_OBSERVATIONS) s.window.splice(0, s.window.length - MAX_OBSERVATIONS);
  }

  family(now = Date.now()): Family {
    const samples: Sample[] = [];
    for (const s of this.series.values()) {
      s.window = s.window.filter(([t]) => now - t <= WINDOW_MS);
      const sorted = s.window.map(([, v]) => v).sort((a, b) => a - b);
      for (const q of QUANTILES) {
        const v = sorted.length
          ? (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN)
          : NaN;
        samples.push({ labels: { ...s.labels, quantile: String(q) }, value: v });
      }
      samples.push({ labels: { __name__: `${this.name}_sum`, ...s.labels }, value: s.sum });
      samples.push({ labels: { __name__: `${this.name}_count`, ...s.labels }, value: s.count });
    }
    return { name: this.name, help: this.help, type: 'summary', samples };
  }
}
