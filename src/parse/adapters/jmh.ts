import { studentTQuantile } from '../../baseline/statistics.js';
import type { Direction, ProvidedSummary, RawSeries } from '../../model/series.js';
import { setOwn } from '../../util/own.js';
import { LIMITS, LimitError, limitMessages } from '../limits.js';
import { failed, type ParseOutcome } from '../types.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { AdapterResult, LineCursor, accumulate, isObject, numberOf, summaryOf, type JsonObject } from './util.js';

/**
 * JMH's `-rf json` result file (`jmh-result.json`): an array with one record
 * per benchmark method, mode and @Param combination:
 *
 *     [{ "jmhVersion": "1.37", "benchmark": "org.example.ParserBench.parse", "mode": "avgt",
 *        "forks": 2, "measurementIterations": 5, "params": { "size": "100" },
 *        "primaryMetric": { "score": 12.3, "scoreError": 0.4, "scoreUnit": "us/op",
 *                           "scorePercentiles": { "0.0": …, "50.0": …, "100.0": … },
 *                           "rawData": [[12.1, 12.4, …], [12.2, …]] },
 *        "secondaryMetrics": { "gc.alloc.rate.norm": { "score": 96.0, "scoreUnit": "B/op", "rawData": … } } }]
 *
 * The primary metric is one series per record, named after the mode and in
 * the record's own `scoreUnit`; the settings around it (forks, threads,
 * warmup, the JVM) are not results and are not read.
 */

/** JMH's modes by the short label it writes: the metric each is read as, and which way is better. */
const MODES: Record<string, { metric: string; direction: Direction }> = {
  thrpt: { metric: 'throughput', direction: 'higher' },
  avgt: { metric: 'average_time', direction: 'lower' },
  sample: { metric: 'sample_time', direction: 'lower' },
  ss: { metric: 'single_shot_time', direction: 'lower' },
};

/** Per-iteration percentiles of a SampleTime run read as series of their own (`sample_time_p99`): the tail a mean hides. */
const SAMPLE_PERCENTILES = [50, 90, 99, 99.9] as const;

/** JMH's stated confidence for `scoreError`: the half-width of a 99.9% Student-t interval around the score. */
const SCORE_ERROR_CONFIDENCE = 0.999;

/** A record as JMH writes it: a benchmark name and a primary metric object; anything more is checked while reading. */
function isJmhRecord(v: unknown): v is JsonObject {
  return isObject(v) && ('jmhVersion' in v || ('benchmark' in v && 'mode' in v && 'primaryMetric' in v));
}

function isJmhResult(json: unknown): json is unknown[] {
  return Array.isArray(json) && json.length > 0 && isJmhRecord(json[0]);
}

/**
 * JMH's unit spellings as the report writes them: `us` (its TimeUnit for
 * microseconds) as `µs` and the profilers' `MB/sec` as `MB/s`, so `ops/us`
 * and `us/op` read like every other µs in a report.
 */
function jmhUnit(unit: string): string {
  return unit
    .trim()
    .split('/')
    .map((part) => (part === 'us' ? 'µs' : part === 'sec' ? 's' : part))
    .join('/');
}

/**
 * Which way is better, from a unit alone: operations per unit of time are a
 * throughput, anything per operation (`ns/op`, `B/op`, `#/op`) a cost. Rates
 * over time (`gc.alloc.rate` in MB/s) and totals (`gc.count`, `gc.time`) grow
 * with the work a faster benchmark gets done in the same measurement time, so
 * they say neither.
 */
function directionOfUnit(unit: string): Direction {
  if (/^ops\//.test(unit)) return 'higher';
  if (/\/op$/.test(unit)) return 'lower';
  return 'none';
}

/** `org.example.ParserBench.parse` → class and method; a name without a dot is a method of no named class. */
function splitBenchmark(name: string): { cls: string; method: string } {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? { cls: '', method: name } : { cls: name.slice(0, dot), method: name.slice(dot + 1) };
}

function simpleName(cls: string): string {
  return cls.slice(cls.lastIndexOf('.') + 1);
}

/**
 * The `class` label of each fully qualified class: its simple name
 * (`ParserBench`), as JMH's own table prints it, unless two classes of the
 * file share that simple name (`v1.Codec`, `v2.Codec`): those keep their
 * full name, so their series are never pooled.
 */
function classLabels(records: readonly unknown[]): Map<string, string> {
  const bySimple = new Map<string, Set<string>>();
  for (const r of records) {
    if (!isObject(r) || typeof r.benchmark !== 'string') continue;
    const { cls } = splitBenchmark(r.benchmark);
    bySimple.set(simpleName(cls), (bySimple.get(simpleName(cls)) ?? new Set()).add(cls));
  }
  const labels = new Map<string, string>();
  for (const [simple, classes] of bySimple) for (const cls of classes) labels.set(cls, classes.size > 1 ? cls : simple);
  return labels;
}

/** `benchmark` (the method), `class`, `mode`, then each @Param; a param named like one of those is `param_<name>`. */
function labelsOf(record: JsonObject, classLabel: string | undefined): Record<string, string> {
  const { method } = splitBenchmark(record.benchmark as string);
  const labels: Record<string, string> = { benchmark: method };
  if (classLabel) labels.class = classLabel;
  if (typeof record.mode === 'string') labels.mode = record.mode;
  if (isObject(record.params)) {
    for (const [key, value] of Object.entries(record.params)) {
      const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
      setOwn(labels, key in labels ? `param_${key}` : key, text);
    }
  }
  return labels;
}

/** Every fork's iteration scores in order; JMH writes `"NaN"` for an iteration without a score, counted apart. */
function flattenRawData(raw: unknown): { values: number[]; unreadable: number } {
  const values: number[] = [];
  let unreadable = 0;
  if (!Array.isArray(raw)) return { values, unreadable };
  for (const fork of raw) {
    if (!Array.isArray(fork)) {
      unreadable += 1;
      continue;
    }
    for (const v of fork) {
      const n = typeof v === 'number' ? numberOf(v) : undefined;
      if (n === undefined) unreadable += 1;
      else values.push(n);
    }
  }
  return { values, unreadable };
}

/** One SampleTime iteration's histogram (`[[value, count], …]`) as sorted bins; undefined when it holds none. */
function histogramBins(iteration: unknown): [value: number, count: number][] | undefined {
  if (!Array.isArray(iteration)) return undefined;
  const bins: [number, number][] = [];
  for (const bin of iteration) {
    if (!Array.isArray(bin)) continue;
    const value = typeof bin[0] === 'number' ? numberOf(bin[0]) : undefined;
    const count = typeof bin[1] === 'number' ? numberOf(bin[1]) : undefined;
    if (value !== undefined && count !== undefined && count > 0) bins.push([value, count]);
  }
  return bins.length > 0 ? bins.sort((a, b) => a[0] - b[0]) : undefined;
}

/** The count-weighted mean of a histogram: the iteration's score, as JMH prints it in its log. */
function histogramMean(bins: readonly [number, number][]): number {
  let sum = 0;
  let count = 0;
  for (const [value, n] of bins) {
    sum += value * n;
    count += n;
  }
  return sum / count;
}

/** The nearest-rank `p`th percentile of a sorted histogram: the smallest value at or above p% of the samples. */
function histogramPercentile(bins: readonly [number, number][], p: number): number {
  const total = bins.reduce((sum, [, n]) => sum + n, 0);
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const [value, n] of bins) {
    seen += n;
    if (seen >= rank) return value;
  }
  return (bins[bins.length - 1] as [number, number])[0];
}

/** Each SampleTime iteration of every fork (`rawDataHistogram[fork][iteration]`), as sorted bins. */
function histogramIterations(raw: unknown): [number, number][][] {
  const iterations: [number, number][][] = [];
  if (!Array.isArray(raw)) return iterations;
  for (const fork of raw) {
    if (!Array.isArray(fork)) continue;
    for (const iteration of fork) {
      const bins = histogramBins(iteration);
      if (bins) iterations.push(bins);
    }
  }
  return iterations;
}

/**
 * The standard deviation behind JMH's `scoreError`, the half-width of the
 * 99.9% Student-t interval over n iteration scores: sd = error × √n / t(n−1).
 * Undefined without n > 2 (JMH writes NaN there) or a finite error.
 */
export function sdFromScoreError(error: number | undefined, n: number | undefined): number | undefined {
  if (error === undefined || n === undefined || !Number.isInteger(n) || n <= 2 || error < 0) return undefined;
  const t = studentTQuantile(1 - (1 - SCORE_ERROR_CONFIDENCE) / 2, n - 1);
  return (error * Math.sqrt(n)) / t;
}

/**
 * How many iteration scores a score summarises: forks × measurement
 * iterations (`-f 0` runs one fork in JMH's own JVM). Undefined for
 * SampleTime, whose statistics pool every sampled operation.
 */
function iterationCount(record: JsonObject): number | undefined {
  if (record.mode === 'sample') return undefined;
  const forks = numberOf(record.forks);
  const iterations = numberOf(record.measurementIterations);
  if (forks === undefined || iterations === undefined || !Number.isInteger(forks) || !Number.isInteger(iterations) || forks < 0 || iterations < 1) return undefined;
  return Math.max(forks, 1) * iterations;
}

/** The score, its percentiles and, when n is known, the sd its error stands for; JMH's percentile keys are `"50.0"`. */
function statedSummary(metric: JsonObject, n: number | undefined): ProvidedSummary {
  const p = isObject(metric.scorePercentiles) ? metric.scorePercentiles : {};
  const at = (key: string) => numberOf(p[key]);
  return summaryOf({
    n,
    mean: numberOf(metric.score),
    sd: sdFromScoreError(numberOf(metric.scoreError), n),
    min: at('0.0'),
    max: at('100.0'),
    median: at('50.0'),
    percentiles: { 90: at('90.0'), 95: at('95.0'), 99: at('99.0') },
  });
}

/** Labels are built in one order (benchmark, class, mode, params), so equal identities give equal keys. */
function seriesKey(s: RawSeries): string {
  return JSON.stringify([s.metric, s.labels]);
}

/** Why a record cannot be read, or undefined when it can. */
function recordProblem(record: unknown): string | undefined {
  if (!isObject(record)) return 'not an object';
  if (typeof record.benchmark !== 'string' || record.benchmark.trim() === '') return 'no "benchmark" name';
  if (!isObject(record.primaryMetric)) return 'no "primaryMetric" object';
  return undefined;
}

interface RecordContext {
  labels: Record<string, string>;
  line: number | undefined;
  n: number | undefined;
}

function seriesOf(metric: string, context: RecordContext, unit: string, direction: Direction): RawSeries {
  const s: RawSeries = { metric, labels: { ...context.labels }, directionHint: direction };
  if (unit !== '') s.unitHint = unit;
  if (context.line !== undefined) s.line = context.line;
  return s;
}

/**
 * The primary metric's series: every iteration score (`rawData`, all forks)
 * as samples; for SampleTime each iteration's histogram mean, plus a series
 * per percentile of each iteration; else, when JMH ran with
 * `-Djmh.json.rawData=false`, the stated score and percentiles.
 */
function primarySeries(record: JsonObject, context: RecordContext, result: AdapterResult): RawSeries[] | string {
  const primary = record.primaryMetric as JsonObject;
  const mode = typeof record.mode === 'string' && Object.hasOwn(MODES, record.mode) ? MODES[record.mode] : undefined;
  const unit = jmhUnit(typeof primary.scoreUnit === 'string' ? primary.scoreUnit : '');
  const metric = mode?.metric ?? 'score';
  const direction = mode?.direction ?? directionOfUnit(unit);
  const main = seriesOf(metric, context, unit, direction);
  const histograms = histogramIterations(primary.rawDataHistogram);
  if (histograms.length > 0) {
    main.samples = accumulate(histograms.map(histogramMean));
    const tails = SAMPLE_PERCENTILES.map((p) => ({ ...seriesOf(`${metric}_p${p}`, context, unit, direction), samples: accumulate(histograms.map((bins) => histogramPercentile(bins, p))) }));
    return [main, ...tails];
  }
  const raw = flattenRawData(primary.rawData);
  if (raw.unreadable > 0) result.problems.add(context.line, `benchmark ${record.benchmark as string}: ${raw.unreadable} raw iteration score(s) are not numbers; left out`);
  if (raw.values.length > 0) {
    main.samples = accumulate(raw.values);
    return [main];
  }
  const summary = statedSummary(primary, context.n);
  if (summary.mean === undefined) return `primaryMetric has no numeric score and no raw data (score: ${(JSON.stringify(primary.score) ?? 'missing').slice(0, 40)})`;
  main.summary = summary;
  return [main];
}

/**
 * Profiler and @AuxCounters results (`gc.alloc.rate.norm` in B/op, …), named
 * as written without the `·` older JMH versions put before them, so a series
 * keeps its id across JMH versions. Results without a number (the `stack`
 * profiler's text) are not measurements and are passed over.
 */
function secondarySeries(record: JsonObject, context: RecordContext): RawSeries[] {
  if (!isObject(record.secondaryMetrics)) return [];
  const out: RawSeries[] = [];
  for (const [name, metric] of Object.entries(record.secondaryMetrics)) {
    if (!isObject(metric)) continue;
    const metricName = name.replace(/^[:·\s]+/, '');
    if (metricName === '') continue;
    const unit = jmhUnit(typeof metric.scoreUnit === 'string' ? metric.scoreUnit : '');
    const s = seriesOf(metricName, context, unit, directionOfUnit(unit));
    const raw = flattenRawData(metric.rawData);
    const score = numberOf(metric.score);
    if (raw.values.length > 1 && score !== undefined && isTotalOf(score, raw.values)) {
      // JMH sums some counters over the iterations (`gc.count`, `gc.time`): the score is the total, and the
      // per-iteration values averaged would be a number JMH never printed (4.125 for its 33).
      s.samples = accumulate([score]);
    } else if (raw.values.length > 0) s.samples = accumulate(raw.values);
    else {
      const summary = statedSummary(metric, context.n);
      if (summary.mean === undefined) continue;
      s.summary = summary;
    }
    out.push(s);
  }
  return out;
}

/** Whether `score` is the sum of `values` and not their mean (both agree only for a single value). */
function isTotalOf(score: number, values: readonly number[]): boolean {
  const sum = values.reduce((a, b) => a + b, 0);
  const mean = sum / values.length;
  const close = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  return close(score, sum) && !close(score, mean);
}

/**
 * JMH's JSON result file. Per record (benchmark method × mode × @Param
 * combination) one primary series: `throughput` (thrpt, higher),
 * `average_time` (avgt), `sample_time` (sample) or `single_shot_time` (ss)
 * (lower), in `scoreUnit`; labels `benchmark` (the method), `class`, `mode`
 * and each param. Secondary metrics become series of their own.
 */
export const jmh: ToolAdapter = {
  name: 'jmh',
  types: ['json'],
  detect: (input: AdapterInput) => isJmhResult(input.json),
  parse(input: AdapterInput): ParseOutcome {
    if (!isJmhResult(input.json)) return failed('jmh: expected an array of JMH result records (benchmark, mode, primaryMetric)');
    const records = input.json;
    const result = new AdapterResult('jmh');
    const classes = classLabels(records);
    const cursor = new LineCursor(input.text);
    const seen = new Set<string>();
    for (const [i, record] of records.entries()) {
      result.rows += 1;
      const name = isObject(record) && typeof record.benchmark === 'string' ? record.benchmark : undefined;
      const line = name === undefined ? undefined : cursor.next(JSON.stringify(name));
      const why = recordProblem(record);
      if (why) {
        result.excludedRows += 1;
        result.problems.add(line, `record #${i + 1}${name ? ` (${name})` : ''}: ${why}; skipped`);
        continue;
      }
      const r = record as JsonObject;
      const context: RecordContext = { labels: labelsOf(r, classes.get(splitBenchmark(r.benchmark as string).cls)), line, n: iterationCount(r) };
      const primary = primarySeries(r, context, result);
      if (typeof primary === 'string') {
        result.excludedRows += 1;
        result.problems.add(line, `record #${i + 1} (${r.benchmark as string}): ${primary}; skipped`);
        continue;
      }
      // A file concatenating two runs repeats a record: the first is kept, as the run the file reports first.
      if (seen.has(seriesKey(primary[0] as RawSeries))) {
        result.excludedRows += 1;
        result.problems.add(line, `record #${i + 1} (${r.benchmark as string}): a second result for the same mode and params; the first is kept`);
        continue;
      }
      for (const s of [...primary, ...secondarySeries(r, context)]) {
        const key = seriesKey(s);
        if (seen.has(key)) {
          result.problems.add(line, `record #${i + 1} (${r.benchmark as string}): a second "${s.metric}" series; the first is kept`);
          continue;
        }
        if (seen.size >= LIMITS.seriesPerFile) throw new LimitError(limitMessages.seriesPerFile(), line);
        seen.add(key);
        result.add(s);
      }
    }
    return result.outcome('no JMH record with a score');
  },
};
