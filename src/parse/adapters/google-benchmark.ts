import { canonicalUnit } from '../../metrics/infer.js';
import type { RawSeries } from '../../model/series.js';
import { failed, skipped, type ParseOutcome } from '../types.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { AdapterResult, accumulate, csvRecords, isObject, lineOf, numberOf, summaryOf, type JsonObject } from './util.js';

/** Fields of a benchmark row that describe it rather than measure it; every other number is a user counter. */
const DESCRIPTIVE = new Set([
  'name', 'family_index', 'per_family_instance_index', 'run_name', 'run_type', 'repetitions', 'repetition_index',
  'threads', 'iterations', 'real_time', 'cpu_time', 'time_unit', 'aggregate_name', 'aggregate_unit', 'error_occurred',
  'error_message', 'label', 'executable', 'skipped', 'skip_message',
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
  return isObject(row) && typeof row.name === 'string' && ('real_time' in row || 'cpu_time' in row || 'error_occurred' in row || 'skipped' in row) && !isObject(row.stats);
}

/**
 * The user counters a console row printed as a rate (`Frames=1.001k/s`, a
 * `kIsRate` counter): the JSON gives only the number, the console its `/s`.
 * A symbol, so the counters read from the row never include it.
 */
const RATES = Symbol('rates');

function ratesOf(row: JsonObject): readonly string[] {
  return (row as { [RATES]?: string[] })[RATES] ?? [];
}

interface Run {
  name: string;
  unit: string;
  /** Counters printed per second in any of its rows. */
  rates: Set<string>;
  line: number | undefined;
  iterations: JsonObject[];
  aggregates: Map<string, JsonObject>;
  /** The binary that ran it, when a console log holds the runs of several (`Running ./bin/bench_avx2`). */
  executable?: string;
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

/**
 * Values the JSON wrote as `NaN` or `±Infinity` (read as those strings, see
 * quoteNonFinite): a rate over a time of 0, a cv of 0/0. No number: said and left out.
 */
function nonFiniteOf(row: JsonObject): [string, string][] {
  return Object.entries(row).filter((e): e is [string, string] => (e[0] === 'real_time' || e[0] === 'cpu_time' || !DESCRIPTIVE.has(e[0])) && (e[1] === 'NaN' || e[1] === 'Infinity' || e[1] === '-Infinity'));
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
  types: ['json', 'csv', 'text'],
  // Its writer prints a 0/0 cv as NaN; nonFiniteOf reports each such value used.
  readsNonFinite: true,
  detect(input: AdapterInput): boolean {
    if (input.type === 'csv') return isCsvOutput(input.text);
    if (input.type === 'text') return CONSOLE_HEADER.test(input.text);
    const rows = benchmarksOf(input.json);
    if (!rows) return false;
    const context = (input.json as JsonObject).context;
    // A run that matched no benchmark (`--benchmark_filter`) still writes its context: the machine, not results.
    if (rows.length === 0) return isObject(context) && 'num_cpus' in context && ('library_build_type' in context || 'executable' in context);
    if (!isGoogleRow(rows[0])) return false;
    return isObject(context) || 'time_unit' in (rows[0] as JsonObject);
  },
  parse(input: AdapterInput): ParseOutcome {
    if (input.type === 'text') return parseConsoleOutput(input.text);
    if (input.type === 'csv') return isCsvOutput(input.text) ? parseCsvOutput(input.text) : skipped('not Google Benchmark CSV: no name,iterations,real_time,cpu_time,time_unit header');
    const rows = benchmarksOf(input.json);
    if (!rows) return failed('google-benchmark: no "benchmarks" list');
    return readRows(rows, rowLines(input.text));
  },
};

/**
 * Each row's line, found after the row before it: `"name": "BM_x"` where the
 * value is the row's name (not its `run_name`, which repeats it), the lines
 * counted on from the last one found. Searching every row from the top made
 * a file of 10,000 rows (1,000 benchmarks × 10 repetitions) take a minute;
 * each repetition now gets its own line, not the first one's. A row not
 * found after the last (reordered keys) is looked for from the top.
 */
function rowLines(text: string): (row: JsonObject) => number | undefined {
  let at = 0;
  let line = 1;
  return (row) => {
    if (typeof row.name !== 'string') return undefined;
    const needle = JSON.stringify(row.name);
    for (let found = text.indexOf(needle, at); found >= 0; found = text.indexOf(needle, found + 1)) {
      let j = found - 1;
      while (j >= 0 && (text[j] === ' ' || text[j] === '\t' || text[j] === '\n' || text[j] === '\r')) j--;
      if (text[j] !== ':' || !text.slice(Math.max(0, j - 16), j).trimEnd().endsWith('"name"')) continue;
      for (let nl = text.indexOf('\n', at); nl >= 0 && nl < found; nl = text.indexOf('\n', nl + 1)) line += 1;
      at = found + needle.length;
      return line;
    }
    return lineOf(text, needle);
  };
}

/**
 * A message of the file (`SkipWithError`'s text, a name) in a problem: on one line and at most
 * 160 characters, so a pasted stack trace or a megabyte of output cannot fill the report.
 */
function fileText(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 160 ? `${one.slice(0, 160)}…` : one;
}

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
      const message = typeof row.error_message === 'string' ? `: ${fileText(row.error_message)}` : '';
      result.problems.add(line, `benchmark ${fileText(row.name as string)} reported an error${message}`);
      continue;
    }
    // `state.SkipWithMessage` (v1.8): the row still says 0 iterations in 0 ns, which is no time. Not a failure:
    // said, not counted among the rows the tool marked failed.
    if (row.skipped === true) {
      const message = typeof row.skip_message === 'string' && row.skip_message !== '' ? `: ${fileText(row.skip_message)}` : '';
      result.problems.add(line, `benchmark ${fileText(row.name as string)} was skipped${message}`);
      continue;
    }
    const aggregate = aggregateName(row, plainNames);
    const name = runNameOf(row, aggregate);
    const executable = typeof row.executable === 'string' ? row.executable : undefined;
    const key = executable === undefined ? name : JSON.stringify([executable, name]);
    let run = runs.get(key);
    if (!run) {
      run = { name, unit: canonicalUnit(typeof row.time_unit === 'string' ? row.time_unit : 'ns'), rates: new Set(), line, iterations: [], aggregates: new Map() };
      if (executable !== undefined) run.executable = executable;
      runs.set(key, run);
    }
    for (const key of ratesOf(row)) run.rates.add(key);
    if (aggregate) run.aggregates.set(aggregate, row);
    else run.iterations.push(row);
  }
  for (const run of runs.values()) {
    const labels: Record<string, string> = run.executable === undefined ? { benchmark: run.name } : { benchmark: run.name, executable: run.executable };
    const unitOf = (metric: string) => (metric === 'real_time' || metric === 'cpu_time' ? run.unit : run.rates.has(metric) ? '/s' : undefined);
    const withLine = (s: RawSeries): RawSeries => (run.line === undefined ? s : { ...s, line: run.line });
    const used: JsonObject[] = run.iterations.length > 0 ? run.iterations : ['mean', 'median', 'stddev'].map((a) => run.aggregates.get(a)).filter((r): r is JsonObject => r !== undefined);
    const unreadable = new Map<string, string>();
    for (const row of used) for (const [key, value] of nonFiniteOf(row)) if (!unreadable.has(key)) unreadable.set(key, value);
    for (const [key, value] of unreadable) result.problems.add(run.line, `benchmark ${run.name}: ${key} is ${value} in the file, no number; left out`);
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
  // Every CSV of a tree is offered here: one without the header's second column name is refused before it is split.
  if (!text.includes('iterations')) return -1;
  const lines = text.split(/\r?\n/, 40);
  if (lines[0] !== undefined) lines[0] = lines[0].replace(/^\uFEFF/, '');
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
    // A row skipped with a message is written `name,,,…,false,"message"`: no error, and no times either.
    if (row.error_occurred === false && typeof row.error_message === 'string' && row.real_time === undefined) {
      row.skipped = true;
      row.skip_message = row.error_message;
    }
    rows.push(row);
    lines.push(line);
  }
  return readRows(rows, (_, i) => lines[i]);
}

/**
 * The console output (the default `--benchmark_format=console`), as users
 * paste it into `benchmark_results.txt`:
 *
 *     Running ./bin/bench
 *     ------------------------------------------------------------------
 *     Benchmark                        Time             CPU   Iterations UserCounters...
 *     ------------------------------------------------------------------
 *     BM_memcpy/8                   2.37 ns         2.37 ns    295236213 bytes_per_second=3.14Gi/s
 *
 * Each row becomes the JSON row it stands for (times in the unit printed,
 * counters with their SI or binary prefix applied), read as the JSON is. A
 * log of several binaries (`Running ./bin/bench_sse`, `Running ./bin/bench_avx2`,
 * the same benchmarks each) labels each run `executable`, so their results
 * are not pooled as repetitions.
 */
const CONSOLE_HEADER = /^Benchmark\s+Time\s+CPU\s+Iterations\b/m;
const NUMBER = String.raw`-?\d+(?:\.\d+)?(?:e[-+]?\d+)?`;
// A templated name may hold spaces (`BM_Push<std::deque<int>, 4>/64`): the name is what precedes the two times.
const CONSOLE_ROW = new RegExp(String.raw`^(\S(?:.*\S)?)\s+(${NUMBER})\s*(ns|us|µs|ms|s|%)\s+(${NUMBER})\s*(ns|us|µs|ms|s|%)\s+(\d+)((?:\s.*)?)$`);
const CONSOLE_ERROR = /^(\S(?:.*\S)?)\s+ERROR OCCURRED:\s*'?(.*?)'?\s*$/;
const CONSOLE_SKIPPED = /^(\S(?:.*\S)?)\s+SKIPPED:\s*'?(.*?)'?\s*$/;
const RUNNING = /^Running\s+(\S+)\s*$/;
const PREFIX: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, m: 1e-3, u: 1e-6, µ: 1e-6, n: 1e-9, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 };
const COUNTER = /^([^=\s]+)=(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)(Ki|Mi|Gi|Ti|[kMGTPmuµn])?(B\/s|\/s|B)?$/;
/** Counters whose name already says they are per second, and so are read with the unit inferred from it. */
const NAMED_RATES = new Set(['bytes_per_second', 'items_per_second']);

function parseConsoleOutput(text: string): ParseOutcome {
  const lines = text.split(/\r?\n/);
  const executables = new Set(lines.map((l) => RUNNING.exec(l.trim())?.[1]).filter((e) => e !== undefined));
  const several = executables.size > 1;
  const rows: JsonObject[] = [];
  const rowLines: number[] = [];
  let executable: string | undefined;
  let inTable = false;
  // `--benchmark_counters_tabular`: the counters are columns named in the header, their values bare in the rows.
  let counterColumns: string[] = [];
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    const running = RUNNING.exec(line);
    if (running) {
      executable = running[1];
      inTable = false;
      continue;
    }
    if (CONSOLE_HEADER.test(line)) {
      inTable = true;
      counterColumns = line.split(/\s+/).slice(4).filter((c) => c !== 'UserCounters...');
      continue;
    }
    if (!inTable) continue;
    const error = CONSOLE_ERROR.exec(line);
    const skip = error ? null : CONSOLE_SKIPPED.exec(line);
    const match = error || skip ? null : CONSOLE_ROW.exec(line);
    // `_cv` aggregates print percentages: the aggregates read are the mean, median and stddev.
    if ((!error && !skip && !match) || match?.[3] === '%') continue;
    const row: JsonObject = error
      ? { name: error[1] as string, error_occurred: true, error_message: error[2] as string }
      : skip
        ? { name: skip[1] as string, skipped: true, skip_message: skip[2] as string }
        : consoleRow(match as RegExpExecArray, counterColumns);
    if (several && executable !== undefined) row.executable = executable;
    rows.push(row);
    rowLines.push(i + 1);
  }
  if (rows.length === 0) return skipped('Google Benchmark console output without result rows under its Benchmark/Time/CPU/Iterations header');
  return readRows(rows, (_, i) => rowLines[i]);
}

function consoleRow(match: RegExpExecArray, counterColumns: readonly string[]): JsonObject {
  const [, name, real, realUnit, cpu, , iterations, rest] = match;
  const row: JsonObject = { name: name as string, iterations: Number(iterations), real_time: Number(real), cpu_time: Number(cpu), time_unit: realUnit === 'µs' ? 'us' : (realUnit as string) };
  // An aggregate's Iterations column counts the repetitions it summarises.
  if (AGGREGATE_SUFFIX.test(name as string)) row.repetitions = Number(iterations);
  const tokens = (rest ?? '').trim().split(/\s+/).filter((t) => t !== '');
  const tabular = counterColumns.length > 0 && tokens.length === counterColumns.length && tokens.every((t) => !t.includes('='));
  for (const [k, token] of tokens.entries()) {
    const counter = COUNTER.exec(tabular ? `${counterColumns[k]}=${token}` : token);
    if (!counter) continue;
    const [, key, value, prefix = '', suffix] = counter;
    if (suffix === '/s' && !NAMED_RATES.has(key as string)) ((row as { [RATES]?: string[] })[RATES] ??= []).push(key as string);
    // Before v1.8 the console printed bytes_per_second in powers of 1024 with plain k/M/G (`11.5877G/s`); later ones write `Gi`.
    const binary = key === 'bytes_per_second' && /^[kMGT]$/.test(prefix) ? 1024 ** ('kMGT'.indexOf(prefix) + 1) : undefined;
    row[key as string] = Number(value) * (binary ?? (PREFIX[prefix] as number));
  }
  return row;
}
