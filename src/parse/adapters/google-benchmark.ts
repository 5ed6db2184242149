import { canonicalUnit } from '../../metrics/infer.js';
import type { RawSeries } from '../../model/series.js';
import { failed, skipped, type ParseOutcome } from '../types.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { AdapterResult, accumulate, csvRecords, isObject, lineOf, numberOf, summaryOf, type JsonObject } from './util.js';

/** Fields of a benchmark row that describe it rather than measure it; every other number is a user counter. */
const DESCRIPTIVE = new Set([
  'name', 'family_index', 'per_family_instance_index', 'run_name', 'run_type', 'repetitions', 'repetition_index',
  'threads', 'iterations', 'real_time', 'cpu_time', 'time_unit', 'aggregate_name', 'aggregate_unit', 'error_occurred',
  'error_message', 'label',
]);

/** Before v1.5 aggregates were only told apart by a name suffix: `BM_x/8_mean`. */
const AGGREGATE_SUFFIX = /_(mean|median|stddev|cv)$/;

function benchmarksOf(json: unknown): unknown[] | undefined {
  return isObject(json) && Array.isArray(json.benchmarks) ? json.benchmarks : undefined;
}

/** A `--benchmark_enable_complexity` fit (`BM_x_BigO`, `BM_x_RMS`): a model of the runs, not a measurement. */
function isComplexityRow(row: unknown): boolean {
  if (!isObject(row)) return false;
  if (row.aggregate_name === 'BigO' || row.aggregate_name === 'RMS' || 'big_o' in row) return true;
  // The CSV has neither field: its fits are the `_BigO`/`_RMS` rows that ran no iterations.
  return row.run_type === undefined && row.iterations === undefined && typeof row.name === 'string' && /_(BigO|RMS)$/.test(row.name);
}

function isGoogleRow(row: unknown): row is JsonObject {
  return isObject(row) && typeof row.name === 'string' && ('real_time' in row || 'cpu_time' in row || 'error_occurred' in row) && !isObject(row.stats);
}

interface Run {
  name: string;
  unit: string;
  line: number | undefined;
  iterations: JsonObject[];
  aggregates: Map<string, JsonObject>;
}

function aggregateName(row: JsonObject, runNames: Set<string>): string | undefined {
  if (row.run_type === 'aggregate') return typeof row.aggregate_name === 'string' ? row.aggregate_name : 'aggregate';
  if (row.run_type === 'iteration') return undefined;
  const suffix = AGGREGATE_SUFFIX.exec(row.name as string);
  // Only a suffix on a name whose plain form is also a run: `BM_mean` alone is a benchmark.
  return suffix && runNames.has((row.name as string).slice(0, suffix.index)) ? suffix[1] : undefined;
}

function runNameOf(row: JsonObject, aggregate: string | undefined): string {
  if (typeof row.run_name === 'string') return row.run_name;
  const name = row.name as string;
  return aggregate && AGGREGATE_SUFFIX.test(name) ? name.replace(AGGREGATE_SUFFIX, '') : name;
}

/** Metrics of one row: both times in the run's unit, then user counters (`items_per_second`, …). */
function measuresOf(row: JsonObject): [string, number][] {
  const out: [string, number][] = [];
  for (const [key, value] of Object.entries(row)) {
    if (key !== 'real_time' && key !== 'cpu_time' && DESCRIPTIVE.has(key)) continue;
    const v = typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    if (v !== undefined) out.push([key, v]);
  }
  return out;
}

/**
 * Google Benchmark's `--benchmark_format=json` / `--benchmark_out` file. Each
 * run (`run_name`) gives `real_time` and `cpu_time` in its `time_unit`, and
 * one series per user counter (`bytes_per_second`, `items_per_second` are
 * throughput). Repetitions are the samples; aggregate rows (mean, median,
 * stddev, cv) are only used when the file holds no iteration rows
 * (`--benchmark_report_aggregates_only`), so nothing is counted twice.
 */
export const googleBenchmark: ToolAdapter = {
  name: 'google-benchmark',
  types: ['json', 'csv'],
  detect(input: AdapterInput): boolean {
    if (input.type === 'csv') return isCsvOutput(input.text);
    const rows = benchmarksOf(input.json);
    if (!rows) return false;
    const context = (input.json as JsonObject).context;
    // A run that matched no benchmark (`--benchmark_filter`) still writes its context: the machine, not results.
    if (rows.length === 0) return isObject(context) && 'num_cpus' in context && ('library_build_type' in context || 'executable' in context);
    if (!isGoogleRow(rows[0])) return false;
    return isObject(context) || 'time_unit' in (rows[0] as JsonObject);
  },
  parse(input: AdapterInput): ParseOutcome {
    if (input.type === 'csv') return isCsvOutput(input.text) ? parseCsvOutput(input.text) : skipped('not Google Benchmark CSV: no name,iterations,real_time,cpu_time,time_unit header');
    const rows = benchmarksOf(input.json);
    if (!rows) return failed('google-benchmark: no "benchmarks" list');
    return readRows(rows, (row) => lineOf(input.text, `"${row.name as string}"`));
  },
};

function readRows(rows: readonly unknown[], lineOfRow: (row: JsonObject, index: number) => number | undefined): ParseOutcome {
  const result = new AdapterResult('google-benchmark');
  const names = rows.filter(isObject).map((r) => (typeof r.run_name === 'string' ? r.run_name : r.name)).filter((n): n is string => typeof n === 'string');
  const plainNames = new Set(names);
  // Aggregates only (`--benchmark_report_aggregates_only`, in CSV or old JSON, rows without run_type): a stem with its
  // `_mean`, `_median` and `_stddev` rows is one run's aggregates; `BM_stat_mean` beside `BM_stat_max` stays two benchmarks.
  const suffixes = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!isObject(row) || row.run_type !== undefined || typeof row.name !== 'string') continue;
    const m = AGGREGATE_SUFFIX.exec(row.name);
    if (m) suffixes.set(row.name.slice(0, m.index), (suffixes.get(row.name.slice(0, m.index)) ?? new Set()).add(m[1] as string));
  }
  for (const [stem, found] of suffixes) if (found.has('mean') && found.has('median') && found.has('stddev')) plainNames.add(stem);
  const runs = new Map<string, Run>();
  for (const [i, row] of rows.entries()) {
    if (isComplexityRow(row)) {
      result.problems.add(isObject(row) ? lineOfRow(row, i) : undefined, `benchmark ${isObject(row) && typeof row.name === 'string' ? row.name : `#${i + 1}`}: a complexity fit (BigO, RMS), not a measurement; skipped`);
      continue;
    }
    result.rows += 1;
    if (!isGoogleRow(row)) {
      result.excludedRows += 1;
      result.problems.add(undefined, `benchmark #${i + 1}: not a benchmark row (no name or times), skipped`);
      continue;
    }
    const line = lineOfRow(row, i);
    if (row.error_occurred === true) {
      result.excludedRows += 1;
      const message = typeof row.error_message === 'string' ? `: ${row.error_message}` : '';
      result.problems.add(line, `benchmark ${row.name as string} reported an error${message}`);
      continue;
    }
    const aggregate = aggregateName(row, plainNames);
    const name = runNameOf(row, aggregate);
    let run = runs.get(name);
    if (!run) {
      run = { name, unit: canonicalUnit(typeof row.time_unit === 'string' ? row.time_unit : 'ns'), line, iterations: [], aggregates: new Map() };
      runs.set(name, run);
    }
    if (aggregate) run.aggregates.set(aggregate, row);
    else run.iterations.push(row);
  }
  for (const run of runs.values()) {
    const labels = { benchmark: run.name };
    const unitOf = (metric: string) => (metric === 'real_time' || metric === 'cpu_time' ? run.unit : undefined);
    const withLine = (s: RawSeries): RawSeries => (run.line === undefined ? s : { ...s, line: run.line });
    if (run.iterations.length > 0) {
      const values = new Map<string, number[]>();
      for (const row of run.iterations) for (const [metric, v] of measuresOf(row)) values.set(metric, [...(values.get(metric) ?? []), v]);
      for (const [metric, samples] of values) {
        const unit = unitOf(metric);
        result.add(withLine({ metric, labels, ...(unit ? { unitHint: unit } : {}), samples: accumulate(samples) }));
      }
      continue;
    }
    const mean = run.aggregates.get('mean');
    const median = run.aggregates.get('median');
    const stddev = run.aggregates.get('stddev');
    const base = mean ?? median;
    if (!base) {
      result.problems.add(run.line, `benchmark ${run.name}: only ${[...run.aggregates.keys()].join(', ')} aggregates, no mean or median`);
      continue;
    }
    const n = numberOf(base.repetitions);
    for (const [metric] of measuresOf(base)) {
      const unit = unitOf(metric);
      const summary = summaryOf({ n, mean: mean ? numberOf(mean[metric]) : undefined, median: median ? numberOf(median[metric]) : undefined, sd: stddev ? numberOf(stddev[metric]) : undefined });
      result.add(withLine({ metric, labels, ...(unit ? { unitHint: unit } : {}), summary }));
    }
  }
  return result.outcome('no benchmark results');
}

/** `--benchmark_format=csv` / `--benchmark_out_format=csv`: the same rows as the JSON, one per line. */
const CSV_HEADER = /^"?name"?,"?iterations"?,"?real_time"?,"?cpu_time"?,"?time_unit"?(,|$)/;

/** The header line: the console may have written the run's context lines before it. */
function csvHeaderAt(text: string): number {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/, 40);
  return lines.findIndex((l) => CSV_HEADER.test(l));
}

function isCsvOutput(text: string): boolean {
  return csvHeaderAt(text) >= 0;
}

function parseCsvOutput(text: string): ParseOutcome {
  const skip = csvHeaderAt(text);
  let records: { record: Record<string, string>; line: number }[];
  try {
    records = csvRecords(text, { fromLine: skip + 1, relaxColumnCount: true });
  } catch (err) {
    return failed(`could not be read as Google Benchmark CSV: ${(err as Error).message}`);
  }
  const rows: JsonObject[] = [];
  const lines: number[] = [];
  for (const { record, line } of records) {
    const row: JsonObject = {};
    for (const [key, raw] of Object.entries(record)) {
      const text = (raw ?? '').trim();
      if (text === '') continue;
      if (key === 'name' || key === 'time_unit' || key === 'label' || key === 'error_message') row[key] = text;
      else if (key === 'error_occurred') row[key] = text === 'true';
      else if (numberOf(text) !== undefined) row[key] = numberOf(text) as number;
    }
    rows.push(row);
    lines.push(line);
  }
  return readRows(rows, (_, i) => lines[i]);
}
