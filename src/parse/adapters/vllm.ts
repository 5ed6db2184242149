import type { Direction, ProvidedSummary, RawSeries } from '../../model/series.js';
import { ProblemLog } from '../problems.js';
import { isIgnoredName, isLabelName } from '../table.js';
import { skipped, type ParseOutcome } from '../types.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { hasCentre, sampledSeries, SeriesSet, shortLabel, summarySeries } from './llm-shared.js';
import { isObject, jsonLines, numberOf, parsedOutcome, summaryOf, type JsonObject } from './util.js';
import { ownValue } from '../../util/own.js';

/**
 * vLLM `bench serve` / `benchmarks/benchmark_serving.py --save-result` JSON:
 * one object per run with throughputs, request counts, `mean|median|std|pNN`
 * of `ttft`, `tpot`, `itl`, `e2el` in milliseconds, and (with detailed saving)
 * per-request arrays in seconds. Generated texts are never read.
 * SGLang's `bench_serving --output-file` lines are the same record (it began
 * as a copy of vLLM's script) with its end-to-end latency named `e2e_latency`.
 */

/** `mean_ttft_ms`, `p99.9_itl_ms`: a statistic of one latency metric. */
// `--metric-percentiles 0,50,100` writes `p0_…` and `p100_…` too: the fastest and slowest request.
const LATENCY_STAT = /^(mean|median|std|p\d{1,3}(?:\.\d+)?)_(ttft|tpot|itl|e2el|e2e_latency)_ms$/;

/** Run-wide values: unit and direction are the tool's definitions, not guesses from the name. */
const SCALARS: Record<string, { unit: string; direction: Direction }> = {
  request_throughput: { unit: 'req/s', direction: 'higher' },
  request_goodput: { unit: 'req/s', direction: 'higher' },
  // Older scripts wrote the goodput key with a stray colon.
  'request_goodput:': { unit: 'req/s', direction: 'higher' },
  output_throughput: { unit: 'tok/s', direction: 'higher' },
  total_token_throughput: { unit: 'tok/s', direction: 'higher' },
  // SGLang's names for the prompt and the total token rates.
  input_throughput: { unit: 'tok/s', direction: 'higher' },
  total_throughput: { unit: 'tok/s', direction: 'higher' },
  max_output_tokens_per_s: { unit: 'tok/s', direction: 'higher' },
  // How long the run took follows from the request rate and prompt count: context, not a score.
  duration: { unit: 's', direction: 'none' },
  completed: { unit: 'requests', direction: 'none' },
  failed: { unit: 'requests', direction: 'lower' },
  total_input_tokens: { unit: 'tokens', direction: 'none' },
  total_output_tokens: { unit: 'tokens', direction: 'none' },
  // SGLang splits the prompt tokens of multimodal runs, and counts the output again through the tokenizer: context, not results.
  total_input_text_tokens: { unit: 'tokens', direction: 'none' },
  total_input_vision_tokens: { unit: 'tokens', direction: 'none' },
  total_output_tokens_retokenized: { unit: 'tokens', direction: 'none' },
  max_concurrent_requests: { unit: 'requests', direction: 'none' },
  // Seconds of audio transcribed per second of wall time (speech-to-text runs): more is faster.
  rtfx: { unit: '', direction: 'higher' },
};

/** vLLM writes `rtfx: 0.0` into every result: on a run with no audio the 0 is no measurement. */
function placeholder(key: string, value: number): boolean {
  return key === 'rtfx' && value === 0;
}

/**
 * Settings of the run: they split series rather than being measured. The
 * workload's shape (`dataset_name`, input and output lengths, written by the
 * bench or as `--metadata input_len=…`) is one of them: a run with prompts 4×
 * longer is another benchmark, not a 40% regression. Other text (`--metadata`
 * pairs) is read by metadataLabels.
 */
const LABEL_KEYS = [
  'model_id', 'backend', 'request_rate', 'max_concurrency', 'burstiness',
  'dataset_name', 'input_len', 'output_len', 'random_input_len', 'random_output_len', 'sharegpt_output_len',
  // SGLang: the run's `--tag`, and how far random lengths may fall below the stated ones.
  'tag', 'random_range_ratio',
];
/** Keys that are neither a label nor a metric: clocks, settings, per-request arrays, text. */
const IGNORED_KEYS = new Set([
  'date', 'tokenizer_id', 'num_prompts', 'input_lens', 'output_lens', 'ttfts', 'itls', 'generated_texts', 'errors', 'start_times',
  'timestamp', 'percentile_metrics', 'metric_percentiles', 'best_of', 'use_beam_search',
  // `vllm bench sweep` numbers its repeats: bookkeeping, not a measurement.
  'run_number',
  // Written by every `vllm bench serve` as the backend again ("for backward compatibility"): a label of
  // its own would only change every result's id.
  'endpoint_type',
]);

/** A key this adapter reads itself (a run-wide value, a latency statistic, a label) or never reads. */
function isOwnKey(key: string): boolean {
  return Object.hasOwn(SCALARS, key) || LATENCY_STAT.test(key) || IGNORED_KEYS.has(key) || LABEL_KEYS.includes(key);
}

function isVllmResult(value: unknown): value is JsonObject {
  // Every JSON file of a tree is offered here: its keys are listed only when it has vLLM's rate.
  return isObject(value) && numberOf(value.request_throughput) !== undefined && Object.keys(value).some((k) => LATENCY_STAT.test(k)) && ('completed' in value || 'output_throughput' in value);
}

function percentileRank(stat: string): number {
  return Number(stat.slice(1));
}

function latencySummaries(doc: JsonObject, n: number | undefined): Map<string, ProvidedSummary> {
  const byMetric = new Map<string, ProvidedSummary>();
  for (const [key, raw] of Object.entries(doc)) {
    const match = LATENCY_STAT.exec(key);
    const value = numberOf(raw);
    if (!match || value === undefined) continue;
    const [, stat, metric] = match as unknown as [string, string, string];
    const summary = byMetric.get(metric) ?? (n !== undefined ? { n } : {});
    if (stat === 'mean') summary.mean = value;
    else if (stat === 'median') summary.median = value;
    else if (stat === 'std') summary.sd = value;
    else if (percentileRank(stat) === 0) summary.min = value;
    else if (percentileRank(stat) === 100) summary.max = value;
    else if (percentileRank(stat) < 100) (summary.percentiles ??= {})[percentileRank(stat)] = value;
    byMetric.set(metric, summary);
  }
  return byMetric;
}

/** Indexes of requests that failed: their zero TTFT and empty ITLs are not measurements. */
function failedRequests(doc: JsonObject): Set<number> {
  const failedAt = new Set<number>();
  if (!Array.isArray(doc.errors)) return failedAt;
  doc.errors.forEach((e, i) => {
    if (typeof e === 'string' ? e.trim() !== '' : e !== null && e !== undefined && e !== false) failedAt.add(i);
  });
  return failedAt;
}

/** `--metadata` keys that say when, where or by whom a run was made, not what it ran: never labels. */
const VOLATILE_METADATA = /(^|[_-])(commit|sha|git|branch|build|time|date|timestamp|host|hostname|node|user|author|note|notes|comment|description|url|path|dir|file|log|uuid|id|version|ver)($|[_-])/i;
/** Values that identify a moment or a revision: a commit hash, a date or a time. */
const VOLATILE_VALUE = /^(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}$|\d{4}-?\d{2}-?\d{2}[T _-]?\d{0,2}|^\d{1,2}:\d{2}/i;

/**
 * Free `--metadata` pairs and the keys a fork adds (`env: TP4PP1`,
 * `quant-type`, `hardware`, `enable-prefix-caching`): text or a flag that
 * describes the configuration, so two results saved under the default
 * file name (`openai-chat-infqps-<model>-<date>.json`), TP4 and then TP8,
 * are two benchmarks rather than a run and its successor. Keys and values
 * that name a moment or a revision (a commit, a date, a version) stay out:
 * a version bump is what a baseline comparison is for.
 */
function metadataLabels(doc: JsonObject, labels: Record<string, string>): void {
  for (const [key, value] of Object.entries(doc)) {
    if (typeof value !== 'string' && typeof value !== 'boolean') continue;
    if (isOwnKey(key) || Object.hasOwn(labels, key)) continue;
    if (VOLATILE_METADATA.test(key) || isIgnoredName(key)) continue;
    const text = shortLabel(value, 100);
    // vllm-ascend's `model_name` repeats the last segment of `model_id`.
    if (key === 'model_name' && typeof doc.model_id === 'string' && doc.model_id.split('/').pop() === text) continue;
    // `--label` defaults to the endpoint type (it prefixes the file name): only a label of the user's own names a configuration.
    if (key === 'label' && (text === doc.backend || text === doc.endpoint_type)) continue;
    if (text !== undefined && text !== '' && !VOLATILE_VALUE.test(text)) labels[key] = text;
  }
}

/**
 * SGLang writes every argument into each result, `random_input_len` and its
 * kin included, whichever dataset ran: they shaped the prompts only of its
 * random datasets (`random`, `random-ids`, `random-image`). On a ShareGPT run
 * they would label it with prompt lengths it never used.
 */
function unusedRandomLength(doc: JsonObject, key: string): boolean {
  return key.startsWith('random_') && typeof doc.dataset_name === 'string' && !doc.dataset_name.startsWith('random');
}

function labelsOf(doc: JsonObject): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const key of LABEL_KEYS) {
    if (unusedRandomLength(doc, key)) continue;
    const text = shortLabel(doc[key], 200);
    // Burstiness 1 (Poisson arrivals) is the default: a label only when the run changed it.
    if (text !== undefined && !(key === 'burstiness' && numberOf(doc[key]) === 1)) labels[key] = text;
  }
  metadataLabels(doc, labels);
  return labels;
}

/** A run whose every request failed: vLLM still writes its statistics, as zeros, and a 0 ms TTFT would read as the best run yet. */
function allFailed(doc: JsonObject): string | undefined {
  if (numberOf(doc.completed) !== 0) return undefined;
  const failed = numberOf(doc.failed);
  return `vLLM run with no completed request${failed !== undefined ? ` (${failed} failed)` : ''}: its latencies and throughputs are zeros, not measurements`;
}

/** The results of a file: one object, a list (`vllm bench sweep`'s summary.json), or one per line (`--append-result`). */
function resultsOf(input: AdapterInput): { records: unknown[]; lines: (number | undefined)[] } | undefined {
  if (input.type === 'jsonl') {
    // A line that is not JSON (a problem jsonLines records) is not the tool's: the file is left to the generic reader.
    const notJson = new ProblemLog();
    const items = jsonLines(input.text, notJson);
    return items.length > 0 && notJson.total === 0 && items.every((item) => isVllmResult(item.value)) ? { records: items.map((item) => item.value), lines: items.map((item) => item.line) } : undefined;
  }
  if (Array.isArray(input.json)) return input.json.length > 0 && input.json.every(isVllmResult) ? { records: input.json, lines: input.json.map(() => undefined) } : undefined;
  return isVllmResult(input.json) ? { records: [input.json], lines: [undefined] } : undefined;
}

function parseVllm(input: AdapterInput): ParseOutcome {
  const found = resultsOf(input);
  if (!found) return skipped('not a vLLM benchmark result: no request_throughput with mean/median/pNN_*_ms latencies');
  if (found.records.length === 1) {
    const why = allFailed(found.records[0] as JsonObject);
    if (why) return skipped(why);
  }
  const problems = new ProblemLog();
  // Runs of one configuration in one file add samples (and pooled summaries) to one series.
  const set = new SeriesSet(problems);
  let rows = 0;
  let excludedRows = 0;
  const settings = found.records.length > 1 ? sweepSettings(found.records as JsonObject[]) : new Set<string>();
  found.records.forEach((record, k) => {
    const doc = record as JsonObject;
    const why = allFailed(doc);
    if (why) {
      problems.add(found.lines[k], `result #${k + 1}: ${why}; left out`);
      excludedRows += numberOf(doc.failed) ?? 0;
      return;
    }
    const one = recordSeries(doc, settings);
    for (const s of one.series) set.add(found.lines[k] === undefined ? s : { ...s, line: found.lines[k] });
    rows += one.rows;
    excludedRows += one.excludedRows;
  });
  return parsedOutcome('vllm', set.series, problems, { rows, excludedRows });
}

/**
 * Keys a sweep adds to each result for the server or bench setting it ran
 * (`max_num_seqs`, `max_num_batched_tokens`): whole numbers that differ
 * between the results of one file. They split series like `max_concurrency`.
 */
function sweepSettings(records: readonly JsonObject[]): Set<string> {
  const out = new Set<string>();
  const keys = new Set(records.flatMap((r) => Object.keys(r)));
  for (const key of keys) {
    if (isOwnKey(key)) continue;
    const values = records.map((r) => r[key]);
    if (values.every((v) => typeof v === 'number' && Number.isInteger(v)) && new Set(values).size > 1) out.add(key);
  }
  return out;
}

function recordSeries(doc: JsonObject, settings: ReadonlySet<string>): { series: RawSeries[]; rows: number; excludedRows: number } {
  const completed = numberOf(doc.completed);
  const labels = labelsOf(doc);
  for (const key of settings) if (typeof doc[key] === 'number') labels[key] = String(doc[key]);
  const series: RawSeries[] = [];
  for (const [key, def] of Object.entries(SCALARS)) {
    const value = numberOf(doc[key]);
    if (value === undefined || placeholder(key, value)) continue;
    series.push(sampledSeries(key.replace(/:$/, ''), labels, [value], def));
  }

  // Per-request arrays (saved with --save-detailed or by older scripts): every request is a sample.
  const failedAt = failedRequests(doc);
  const perRequest = new Map<string, number[]>();
  if (Array.isArray(doc.ttfts)) {
    const ttfts = doc.ttfts.flatMap((t, i) => (failedAt.has(i) || numberOf(t) === undefined ? [] : [(numberOf(t) as number) * 1000]));
    if (ttfts.length > 0) perRequest.set('ttft', ttfts);
  }
  if (Array.isArray(doc.itls)) {
    // vLLM's mean ITL is over every inter-token gap of every request, so the gaps are the samples.
    const itls = doc.itls.flatMap((gaps, i) => (failedAt.has(i) || !Array.isArray(gaps) ? [] : gaps.flatMap((g) => (numberOf(g) === undefined ? [] : [(numberOf(g) as number) * 1000]))));
    if (itls.length > 0) perRequest.set('itl', itls);
  }
  const summaries = latencySummaries(doc, completed);
  for (const metric of ['ttft', 'tpot', 'itl', 'e2el', 'e2e_latency']) {
    const samples = perRequest.get(metric);
    const summary = summaries.get(metric);
    if (samples) series.push(sampledSeries(`${metric}_ms`, labels, samples, { unit: 'ms', direction: 'lower' }));
    else if (summary && hasCentre(summary)) series.push(summarySeries(`${metric}_ms`, labels, summaryOf(summary), { unit: 'ms', direction: 'lower' }));
  }
  for (const [key, arrayKey] of [['input_tokens', 'input_lens'], ['output_tokens', 'output_lens']] as const) {
    const lens = doc[arrayKey];
    if (!Array.isArray(lens)) continue;
    const values = lens.flatMap((v, i) => (failedAt.has(i) || numberOf(v) === undefined ? [] : [numberOf(v) as number]));
    if (values.length > 0) series.push(sampledSeries(key, labels, values, { unit: 'tokens', direction: 'none' }));
  }
  // Fields a fork or a newer version adds (`accuracy_rate`): read like any result, units and directions by name.
  for (const [key, value] of Object.entries(doc)) {
    if (isOwnKey(key) || settings.has(key) || isLabelName(key) || isIgnoredName(key)) continue;
    const n = typeof value === 'number' ? numberOf(value) : undefined;
    if (n !== undefined) series.push(sampledSeries(key, labels, [n]));
  }
  // Rows are requests: the per-request error list when saved, else the completed and failed counts.
  const failedCount = Array.isArray(doc.errors) ? failedAt.size : (numberOf(doc.failed) ?? 0);
  const requests = Array.isArray(doc.errors) ? doc.errors.length : (completed ?? 0) + failedCount;
  return { series, rows: requests, excludedRows: failedCount };
}

/** `benchmark_latency.py --output-json` / `vllm bench latency`: every batch's latency in seconds, and their percentiles. */
function isLatencyResult(value: unknown): value is JsonObject {
  return isObject(value) && numberOf(value.avg_latency) !== undefined && isObject(value.percentiles) && (value.latencies === undefined || Array.isArray(value.latencies));
}

/** `benchmark_throughput.py --output-json` / `vllm bench throughput`: one offline run's rates. */
function isThroughputResult(value: unknown): value is JsonObject {
  return isObject(value) && numberOf(value.requests_per_second) !== undefined && numberOf(value.tokens_per_second) !== undefined && numberOf(value.elapsed_time) !== undefined;
}

const OFFLINE_SCALARS: Record<string, { unit: string; direction: Direction }> = {
  requests_per_second: { unit: 'req/s', direction: 'higher' },
  tokens_per_second: { unit: 'tok/s', direction: 'higher' },
  elapsed_time: { unit: 's', direction: 'none' },
  num_requests: { unit: 'requests', direction: 'none' },
  total_num_tokens: { unit: 'tokens', direction: 'none' },
};

/**
 * The offline benchmarks' outputs: `latency` in seconds (each measured batch a
 * sample; the stated percentiles when the latencies were not saved), and the
 * throughput run's rates.
 */
function parseOffline(doc: JsonObject): ParseOutcome {
  const problems = new ProblemLog();
  const series: RawSeries[] = [];
  if (isLatencyResult(doc)) {
    const latencies = (Array.isArray(doc.latencies) ? doc.latencies : []).flatMap((v) => (numberOf(v) === undefined ? [] : [numberOf(v) as number]));
    if (latencies.length > 0) series.push(sampledSeries('latency', {}, latencies, { unit: 's', direction: 'lower' }));
    else {
      const percentiles: Record<number, number> = {};
      for (const [rank, v] of Object.entries(doc.percentiles as JsonObject)) if (numberOf(v) !== undefined && Number.isFinite(Number(rank))) percentiles[Number(rank)] = numberOf(v) as number;
      series.push(summarySeries('latency', {}, summaryOf({ mean: numberOf(doc.avg_latency), percentiles }), { unit: 's', direction: 'lower' }));
    }
    return parsedOutcome('vllm', series, problems, { rows: Math.max(1, latencies.length) });
  }
  for (const [key, value] of Object.entries(doc)) {
    const n = typeof value === 'number' ? numberOf(value) : undefined;
    if (n === undefined) continue;
    const def = ownValue(OFFLINE_SCALARS, key);
    series.push(def ? sampledSeries(key, {}, [n], def) : sampledSeries(key, {}, [n]));
  }
  return parsedOutcome('vllm', series, problems, { rows: 1 });
}

/** An offline benchmark's result (its keys are none of a serving result's). */
function offlineResult(input: AdapterInput): JsonObject | undefined {
  return input.type === 'json' && (isLatencyResult(input.json) || isThroughputResult(input.json)) ? input.json : undefined;
}

export const vllmAdapter: ToolAdapter = {
  name: 'vllm',
  types: ['json', 'jsonl'],
  detect: (input) => offlineResult(input) !== undefined || resultsOf(input) !== undefined,
  parse: (input) => {
    const offline = offlineResult(input);
    return offline ? parseOffline(offline) : parseVllm(input);
  },
};
