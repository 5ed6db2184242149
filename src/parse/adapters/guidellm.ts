import type { Direction, ProvidedSummary } from '../../model/series.js';
import { ProblemLog } from '../problems.js';
import { skipped, type ParseOutcome } from '../types.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { baseName, sampledSeries, SeriesSet, shortLabel, summarySeries } from './llm-shared.js';
import { isObject, LineCursor, numberOf, objectAt, parsedOutcome, summaryOf, type JsonObject } from './util.js';

/**
 * GuideLLM `guidellm benchmark --output-path benchmarks.json`: a `benchmarks`
 * list, one entry per load level of the profile (a concurrency, a rate, the
 * synchronous and throughput ends of a sweep). Each metric is a distribution
 * four times over (`successful`, `errored`, `incomplete`, `total`) with mean,
 * median, mode, variance, std_dev, min, max, count and p001…p999; only the
 * successful requests' distribution is a measurement of the server.
 * Settings and scheduler clocks are never read; per-request records are not
 * either (they may be a sample, `--sample-requests`), the stated summaries are.
 */

interface MetricDef {
  unit: string;
  direction: Direction;
}

/** Per-request distributions: each successful request gives one value (TPOT and ITL are weighted by its tokens). */
const DISTRIBUTIONS: Record<string, MetricDef> = {
  request_latency: { unit: 's', direction: 'lower' },
  time_to_first_token_ms: { unit: 'ms', direction: 'lower' },
  time_per_output_token_ms: { unit: 'ms', direction: 'lower' },
  inter_token_latency_ms: { unit: 'ms', direction: 'lower' },
  prompt_token_count: { unit: 'tokens', direction: 'none' },
  output_token_count: { unit: 'tokens', direction: 'none' },
};

/**
 * Rates over the benchmark's time line: GuideLLM's own tables show their mean.
 * Their spread is of instantaneous rates (a burst of prompts reads as millions
 * of tokens a second), not of repeated measurements, so only the mean is read.
 * `prompt_tokens_per_second` is such a burst rate and is left out.
 */
const RATES: Record<string, MetricDef> = {
  requests_per_second: { unit: 'req/s', direction: 'higher' },
  output_tokens_per_second: { unit: 'tok/s', direction: 'higher' },
  tokens_per_second: { unit: 'tok/s', direction: 'higher' },
  // The measured mean number of requests in flight: follows from the load, not a score.
  request_concurrency: { unit: 'requests', direction: 'none' },
};

/** GuideLLM's percentile keys, as ranks. */
const PERCENTILES: Record<string, number> = {
  p001: 0.1, p01: 1, p05: 5, p10: 10, p25: 25, p75: 75, p90: 90, p95: 95, p99: 99, p999: 99.9,
};

function isGenerativeBenchmark(value: unknown): value is JsonObject {
  return isObject(value) && value.type_ === 'generative_benchmark' && isObject(value.metrics);
}

function isGuidellmReport(value: unknown): value is JsonObject {
  return isObject(value) && Array.isArray(value.benchmarks) && value.benchmarks.length > 0 && value.benchmarks.some(isGenerativeBenchmark);
}


/** The scheduling strategy: `config.strategy` since 0.4, `args.strategy` before. */
function strategyOf(benchmark: JsonObject): JsonObject | undefined {
  return objectAt(benchmark, 'config', 'strategy') ?? objectAt(benchmark, 'args', 'strategy');
}

/** The profile's kind (`sweep`, `concurrent`, …), wherever the version writes it. */
function profileOf(doc: JsonObject, benchmark: JsonObject): string | undefined {
  const fromArgs = doc.args !== undefined && isObject(doc.args) ? doc.args.profile : undefined;
  if (typeof fromArgs === 'string') return fromArgs;
  const profile = objectAt(benchmark, 'config', 'profile') ?? objectAt(benchmark, 'args', 'profile');
  return typeof profile?.type_ === 'string' ? profile.type_ : undefined;
}

function modelOf(doc: JsonObject, benchmark: JsonObject): string | undefined {
  return shortLabel(objectAt(benchmark, 'config', 'backend')?.model, 200) ?? shortLabel(objectAt(benchmark, 'worker')?.backend_model, 200) ?? shortLabel(objectAt(doc, 'args')?.model, 200);
}

/**
 * The workload: synthetic (`prompt_tokens=512,output_tokens=256`), a dataset
 * id, or a file (by its name: the folder it sat in differs between machines).
 * A run on other prompts is another benchmark.
 */
function dataOf(doc: JsonObject, benchmark: JsonObject): string | undefined {
  const raw = objectAt(doc, 'args')?.data ?? objectAt(benchmark, 'request_loader')?.data;
  const parts = (Array.isArray(raw) ? raw : [raw]).map((d) => (typeof d === 'string' && /\.(jsonl?|csv|txt|parquet|arrow)$/i.test(d) ? baseName(d) : d));
  return parts.every((d) => typeof d === 'string') ? shortLabel(parts.join(' '), 200) : undefined;
}

/**
 * What tells a benchmark of the file from the others. A sweep's rates are
 * derived from the throughput it measured, so they differ run to run: there
 * the step of the sweep names the benchmark, and its rate is not a label.
 */
function labelsOf(doc: JsonObject, benchmark: JsonObject, index: number): Record<string, string> {
  const labels: Record<string, string> = {};
  const model = modelOf(doc, benchmark);
  if (model !== undefined) labels.model = model;
  const strategy = strategyOf(benchmark);
  const type = shortLabel(strategy?.type_);
  if (type !== undefined) labels.strategy = type;
  if (profileOf(doc, benchmark) === 'sweep') labels.sweep_step = String(index);
  else if (strategy) {
    const streams = numberOf(strategy.streams);
    const rate = numberOf(strategy.rate);
    if (type === 'concurrent' && streams !== undefined) labels.streams = String(streams);
    else if (rate !== undefined) labels.rate = String(rate);
  }
  if (type === 'throughput' && strategy && numberOf(strategy.max_concurrency) !== undefined) labels.max_concurrency = String(numberOf(strategy.max_concurrency));
  const data = dataOf(doc, benchmark);
  if (data !== undefined) labels.data = data;
  return labels;
}

/** `metrics.request_totals` since 0.4, `request_totals` beside the metrics before. */
function totalsOf(benchmark: JsonObject): { successful?: number; errored: number; incomplete: number } {
  const totals = objectAt(benchmark, 'metrics', 'request_totals') ?? objectAt(benchmark, 'request_totals');
  const successful = numberOf(totals?.successful);
  return { ...(successful !== undefined ? { successful } : {}), errored: numberOf(totals?.errored) ?? 0, incomplete: numberOf(totals?.incomplete) ?? 0 };
}

/** The successful requests' distribution of one metric, as a stated summary. */
function summaryFrom(distribution: JsonObject, n: number | undefined): ProvidedSummary {
  const percentiles: Record<number, number> = {};
  const stated = isObject(distribution.percentiles) ? distribution.percentiles : {};
  for (const [key, rank] of Object.entries(PERCENTILES)) {
    const v = numberOf(stated[key]);
    if (v !== undefined) percentiles[rank] = v;
  }
  return summaryOf({
    n,
    mean: numberOf(distribution.mean),
    median: numberOf(distribution.median) ?? numberOf(stated.p50),
    sd: numberOf(distribution.std_dev),
    min: numberOf(distribution.min),
    max: numberOf(distribution.max),
    percentiles,
  });
}

function levelText(labels: Record<string, string>): string {
  const parts = ['strategy', 'streams', 'rate', 'sweep_step'].filter((k) => labels[k] !== undefined).map((k) => `${k}=${labels[k]}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function parseGuidellm(input: AdapterInput): ParseOutcome {
  const doc = input.json;
  if (!isGuidellmReport(doc)) return skipped('not a GuideLLM report: no benchmarks[] of type_ "generative_benchmark" with metrics');
  const problems = new ProblemLog();
  // Two benchmarks of one configuration in one file add samples (and pooled summaries) to one series.
  const set = new SeriesSet(problems);
  let rows = 0;
  let excludedRows = 0;
  // Benchmarks are written in order: each is found after the one before, its line counted on from there.
  const cursor = new LineCursor(input.text);
  (doc.benchmarks as unknown[]).forEach((entry, index) => {
    const line = cursor.next('generative_benchmark');
    if (!isGenerativeBenchmark(entry)) {
      problems.add(line, `benchmark #${index + 1} is not a generative benchmark with metrics; left out`);
      return;
    }
    const labels = labelsOf(doc, entry, index);
    const totals = totalsOf(entry);
    // Incomplete requests were cut off by the benchmark's end, not failed: neither rows nor errors.
    rows += (totals.successful ?? 0) + totals.errored;
    excludedRows += totals.errored;
    const metrics = entry.metrics as JsonObject;
    if (totals.successful === 0) {
      problems.add(line, `benchmark #${index + 1}${levelText(labels)}: no successful request (${totals.errored} errored, ${totals.incomplete} incomplete); GuideLLM writes its statistics as zeros, left out`);
      return;
    }
    for (const [metric, def] of Object.entries(DISTRIBUTIONS)) {
      const successful = objectAt(metrics, metric, 'successful');
      if (!successful || numberOf(successful.mean) === undefined) continue;
      // TPOT and ITL count tokens, not requests: the requests are what was sampled, so they are n.
      const n = totals.successful ?? numberOf(successful.count);
      set.add(summarySeries(metric, labels, summaryFrom(successful, n), { ...def, ...(line !== undefined ? { line } : {}) }));
    }
    for (const [metric, def] of Object.entries(RATES)) {
      const mean = numberOf(objectAt(metrics, metric, 'successful')?.mean);
      if (mean !== undefined) set.add(sampledSeries(metric, labels, [mean], { ...def, ...(line !== undefined ? { line } : {}) }));
    }
    set.add(sampledSeries('errored_requests', labels, [totals.errored], { unit: 'requests', direction: 'lower', ...(line !== undefined ? { line } : {}) }));
  });
  if (set.series.length === 0) return skipped('GuideLLM report with no successful request in any benchmark: its statistics are zeros, not measurements');
  return parsedOutcome('guidellm', set.series, problems, { rows, excludedRows });
}

export const guidellmAdapter: ToolAdapter = {
  name: 'guidellm',
  types: ['json'],
  detect: (input) => isGuidellmReport(input.json),
  parse: parseGuidellm,
};
