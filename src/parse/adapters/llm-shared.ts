import { SampleAccumulator } from '../../metrics/accumulator.js';
import { labelKey } from '../../metrics/identity.js';
import type { Direction, ProvidedSummary, RawSeries } from '../../metrics/types.js';
import { ProblemLog } from '../problems.js';
import type { ParseOutcome } from '../types.js';

/** Helpers shared by the LLM-inference adapters: they all build series by hand from known keys. */

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A finite number, or a numeric string (`"550"`, LLMPerf writes some counts as text). */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

/** Label text from a scalar; undefined for null, objects and over-long values (never free text). */
export function labelText(v: unknown, maxLength = 120): string | undefined {
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
  const samples = new SampleAccumulator();
  for (const v of values) samples.add(v);
  return withOptions({ metric, labels: { ...labels }, samples }, options);
}

export function summarySeries(metric: string, labels: Record<string, string>, summary: ProvidedSummary, options: SeriesOptions = {}): RawSeries {
  return withOptions({ metric, labels: { ...labels }, summary }, options);
}

/** A summary with only the fields that hold numbers. */
export function cleanSummary(summary: ProvidedSummary): ProvidedSummary {
  const out: ProvidedSummary = {};
  for (const key of ['n', 'mean', 'sd', 'min', 'max', 'median'] as const) {
    const v = summary[key];
    if (v !== undefined && Number.isFinite(v)) out[key] = v;
  }
  const percentiles = Object.entries(summary.percentiles ?? {}).filter(([, v]) => Number.isFinite(v));
  if (percentiles.length > 0) out.percentiles = Object.fromEntries(percentiles.map(([k, v]) => [Number(k), v]));
  return out;
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
    this.problems.add(series.line, `a second result for "${series.metric}" ${labelKey(series.labels) || 'without labels'}; the first is kept`);
  }

  get series(): RawSeries[] {
    return [...this.byKey.values()];
  }
}

export function parsedOutcome(
  adapter: string,
  series: RawSeries[],
  problems: ProblemLog,
  counts: { rows: number; excludedRows?: number },
): ParseOutcome {
  return {
    status: 'parsed',
    adapter,
    series,
    rows: counts.rows,
    excludedRows: counts.excludedRows ?? 0,
    problems: problems.items,
    problemCount: problems.total,
    document: false,
  };
}

/** Seconds per time unit as tools write them (`ms`, `sec`, `ns`, `µs`). */
const SECONDS_PER_UNIT: Record<string, number> = {
  ns: 1e-9,
  nanosecond: 1e-9,
  nanoseconds: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  microseconds: 1e-6,
  ms: 1e-3,
  msec: 1e-3,
  millisecond: 1e-3,
  milliseconds: 1e-3,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  min: 60,
  minutes: 60,
};

export function secondsPerUnit(unit: string): number | undefined {
  return SECONDS_PER_UNIT[unit.trim().toLowerCase()];
}

/**
 * A time in `unit` as milliseconds, or undefined for a unit that is not a time.
 * Smaller units divide (400000000 ns → exactly 400 ms, where × 1e-6 would not).
 */
export function toMs(value: number, unit: string): number | undefined {
  const seconds = secondsPerUnit(unit);
  if (seconds === undefined) return undefined;
  return seconds < 1e-3 ? value / (1e-3 / seconds) : value * (seconds / 1e-3);
}

/** The last path segment of a file name in a label (`/mnt/models/x.gguf` → `x.gguf`). */
export function baseName(value: string): string {
  return value.slice(Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\')) + 1);
}
