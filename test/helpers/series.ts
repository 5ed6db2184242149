import { labelKey } from '../../src/metrics/identity.js';
import { statsFromSamples } from '../../src/metrics/stats.js';
import type { RawSeries } from '../../src/model/series.js';
import type { NotParsed, ParseOutcome, ParsedData } from '../../src/parse/types.js';

/** Anything holding a list of series: a parser's ParsedData or a TableBuilder's TableResult. */
export interface SeriesList {
  readonly series: readonly RawSeries[];
}

/** Returns the outcome as ParsedData; throws when the file was skipped or failed. */
export function parsed(outcome: ParseOutcome): ParsedData {
  if (outcome.status !== 'parsed') throw new Error(`expected a parsed file, got ${outcome.status}: ${outcome.reason}`);
  return outcome;
}

/** Returns the outcome as NotParsed; throws when the file was parsed. */
export function notParsed(outcome: ParseOutcome): NotParsed {
  if (outcome.status === 'parsed') throw new Error(`expected a skipped or failed file, got ${outcome.series.length} series`);
  return outcome;
}

/** Returns `metric{label=value,...}` for every series, sorted: the identities a user sees. */
export function keys(data: SeriesList): string[] {
  return data.series.map((s) => `${s.metric}${labelKey(s.labels)}`).sort();
}

/** Finds the one series of `metric` with exactly `labels`; throws unless there is exactly one. */
export function series(data: SeriesList, metric: string, labels: Record<string, string> = {}): RawSeries {
  const found = data.series.filter((s) => s.metric === metric && labelKey(s.labels) === labelKey(labels));
  if (found.length !== 1) throw new Error(`expected one ${metric}${labelKey(labels)}, found ${found.length} among ${keys(data).join(' ')}`);
  return found[0] as RawSeries;
}

/** Returns the raw samples of the one series of `metric` with exactly `labels`, or [] when it has none. */
export function samples(data: SeriesList, metric: string, labels: Record<string, string> = {}): readonly number[] {
  return series(data, metric, labels).samples?.samples ?? [];
}

/** Returns the raw samples of a series (given, or found as `series` does); throws when it has none. */
export function samplesOf(s: RawSeries): readonly number[];
export function samplesOf(data: SeriesList, metric: string, labels?: Record<string, string>): readonly number[];
export function samplesOf(from: RawSeries | SeriesList, metric?: string, labels: Record<string, string> = {}): readonly number[] {
  const s = 'metric' in from ? from : series(from, metric as string, labels);
  if (!s.samples) throw new Error(`${s.metric} has no samples`);
  return s.samples.samples;
}

/** Returns n, mean and sd as the report shows them for a sampled series; throws when it has none. */
export function statsOf(s: RawSeries): { n: number | null; mean: number; sd: number | null } {
  if (!s.samples) throw new Error(`${s.metric} has no samples`);
  const { n, mean, sd } = statsFromSamples(s.samples);
  return { n, mean, sd };
}
