import { labelKey } from '../../metrics/identity.js';
import type { Direction, ProvidedSummary, RawSeries } from '../../model/series.js';
import type { ProblemLog } from '../problems.js';
import { poolSummaries } from '../table.js';
import { accumulate } from './util.js';

/** Helpers shared by the LLM-inference adapters: they all build series by hand from known keys. */

/** Label text from a scalar; undefined for null, objects and over-long values (never free text). */
export function shortLabel(v: unknown, maxLength = 120): string | undefined {
  if (typeof v === 'string') {
    const s = v.trim();
    return s !== '' && s.length <= maxLength && !/[\r\n]/.test(s) ? s : undefined;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  return undefined;
}

export interface SeriesOptions {
  unit?: string;
  direction?: Direction;
  line?: number;
}

function withOptions(series: RawSeries, options: SeriesOptions): RawSeries {
  if (options.unit !== undefined) series.unitHint = options.unit;
  if (options.direction !== undefined) series.directionHint = options.direction;
  if (options.line !== undefined) series.line = options.line;
  return series;
}

export function sampledSeries(metric: string, labels: Record<string, string>, values: Iterable<number>, options: SeriesOptions = {}): RawSeries {
  return withOptions({ metric, labels: { ...labels }, samples: accumulate(values) }, options);
}

export function summarySeries(metric: string, labels: Record<string, string>, summary: ProvidedSummary, options: SeriesOptions = {}): RawSeries {
  return withOptions({ metric, labels: { ...labels }, summary }, options);
}

export function hasCentre(summary: ProvidedSummary): boolean {
  return summary.mean !== undefined || summary.median !== undefined;
}

/**
 * Collects series by metric and labels so that two runs of the same
 * configuration in one file (two `ollama run --verbose` blocks, a repeated
 * llama-bench row) add samples to one series instead of repeating an id.
 */
export class SeriesSet {
  private readonly byKey = new Map<string, RawSeries>();

  constructor(private readonly problems: ProblemLog) {}

  add(series: RawSeries): void {
    const key = `${series.metric}\u0000${labelKey(series.labels)}`;
    const existing = this.byKey.get(key);
    if (!existing) {
      this.byKey.set(key, series);
      return;
    }
    if (series.samples && existing.samples) {
      for (const v of series.samples.samples) existing.samples.add(v);
      return;
    }
    // Two summaries that say how many samples they hold (n, mean, sd) are one summary of all of them.
    const pooled = existing.summary && series.summary ? poolSummaries(existing.summary, series.summary) : undefined;
    if (pooled) {
      existing.summary = pooled;
      return;
    }
    this.problems.add(series.line, `a second result for "${series.metric}" ${labelKey(series.labels) || 'without labels'}; the first is kept`);
  }

  get series(): RawSeries[] {
    return [...this.byKey.values()];
  }
}

/**
 * Time units as tools write them (`ms`, `sec`, `ns`, `µs`), as milliseconds
 * per unit written `[times, per]`: sub-millisecond units divide by an exact
 * integer, since 1e-3 / 1e-6 is 1000.0000000000001 and 1500 µs would come out
 * as 1.4999999999999998 ms.
 */
const MS_PER_UNIT: Record<string, [times: number, per: number]> = {
  ns: [1, 1e6],
  nanosecond: [1, 1e6],
  nanoseconds: [1, 1e6],
  us: [1, 1e3],
  µs: [1, 1e3],
  μs: [1, 1e3],
  microseconds: [1, 1e3],
  ms: [1, 1],
  msec: [1, 1],
  millisecond: [1, 1],
  milliseconds: [1, 1],
  s: [1e3, 1],
  sec: [1e3, 1],
  secs: [1e3, 1],
  second: [1e3, 1],
  seconds: [1e3, 1],
  min: [6e4, 1],
  minutes: [6e4, 1],
};

/** A time in `unit` as milliseconds, or undefined for a unit that is not a time. */
export function toMs(value: number, unit: string): number | undefined {
  const factor = MS_PER_UNIT[unit.trim().toLowerCase()];
  return factor === undefined ? undefined : (value * factor[0]) / factor[1];
}

/** The last path segment of a file name in a label (`/mnt/models/x.gguf` → `x.gguf`). */
export function baseName(value: string): string {
  return value.slice(Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\')) + 1);
}
