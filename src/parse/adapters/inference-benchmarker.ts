import type { Direction, ProvidedSummary } from '../../model/series.js';
import { ProblemLog } from '../problems.js';
import { skipped, type ParseOutcome } from '../types.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { hasCentre, sampledSeries, SeriesSet, shortLabel, summarySeries } from './llm-shared.js';
import { isObject, numberOf, objectAt, parsedOutcome, summaryOf, type JsonObject } from './util.js';

/**
 * Hugging Face inference-benchmarker (`inference-benchmarker --url … --model-name …`),
 * `results/<name>_<run_id>.json`:
 *
 *     { "config": { "model_name", "max_vus", "rates", "prompt_options": { "num_tokens" }, "decode_options": { "num_tokens" }, … },
 *       "results": [ { "id": "warmup" | "throughput" | "constant@5.00req/s", "executor_type": "ConstantVUs" | "ConstantArrivalRate",
 *                      "config": { "max_vus", "rate", "duration_secs" }, "total_requests", "successful_requests", "failed_requests",
 *                      "request_rate", "token_throughput_secs", "total_tokens", "total_tokens_sent", "duration_ms",
 *                      "time_to_first_token_ms": { "p50", …, "p99", "avg" }, "inter_token_latency_ms": {…}, "e2e_latency_ms": {…} } ] }
 *
 * Each result is one load level, named by the load it was given (the set
 * rate, or the virtual users); `request_rate` is the rate achieved, a
 * measurement, never a label. The warm-up is not a result.
 */

interface Def {
  unit: string;
  direction: Direction;
}

const LATENCIES: Record<string, Def> = {
  time_to_first_token_ms: { unit: 'ms', direction: 'lower' },
  inter_token_latency_ms: { unit: 'ms', direction: 'lower' },
  e2e_latency_ms: { unit: 'ms', direction: 'lower' },
};

const SCALARS: Record<string, Def> = {
  token_throughput_secs: { unit: 'tok/s', direction: 'higher' },
  // Achieved, not requested: a server that cannot keep up with the set rate falls behind it.
  request_rate: { unit: 'req/s', direction: 'higher' },
  successful_requests: { unit: 'requests', direction: 'none' },
  failed_requests: { unit: 'requests', direction: 'lower' },
};

function isResult(value: unknown): value is JsonObject {
  return isObject(value) && typeof value.executor_type === 'string' && 'token_throughput_secs' in value;
}

function isRun(value: unknown): value is JsonObject & { results: unknown[] } {
  return isObject(value) && isObject(value.config) && Array.isArray(value.results) && value.results.some(isResult);
}


/** The run's model and the prompt and answer lengths it asked for: another length is another benchmark. */
function runLabels(config: JsonObject): Record<string, string> {
  const labels: Record<string, string> = {};
  const model = shortLabel(config.model_name, 200);
  if (model !== undefined) labels.model = model;
  const prompt = numberOf(objectAt(config, 'prompt_options')?.num_tokens);
  const decode = numberOf(objectAt(config, 'decode_options')?.num_tokens);
  if (prompt !== undefined) labels.prompt_tokens = String(prompt);
  if (decode !== undefined) labels.decode_tokens = String(decode);
  return labels;
}

/** The load a result was given: its executor and the set rate, or the virtual users of a constant-VUs run. */
function loadLabels(result: JsonObject): Record<string, string> {
  const labels: Record<string, string> = {};
  const executor = shortLabel(result.executor_type);
  if (executor !== undefined) labels.executor = executor;
  const config = objectAt(result, 'config');
  const rate = numberOf(config?.rate);
  const vus = numberOf(config?.max_vus);
  if (rate !== undefined) labels.rate = String(rate);
  else if (vus !== undefined) labels.vus = String(vus);
  return labels;
}

function latencySummary(stats: JsonObject, n: number | undefined): ProvidedSummary {
  const percentiles: Record<number, number> = {};
  let median: number | undefined;
  for (const [key, raw] of Object.entries(stats)) {
    const rank = /^p(\d{1,2}(?:\.\d+)?)$/.exec(key);
    const v = numberOf(raw);
    if (!rank || v === undefined) continue;
    if (Number(rank[1]) === 50) median = v;
    else percentiles[Number(rank[1])] = v;
  }
  return summaryOf({ n, mean: numberOf(stats.avg), median, percentiles });
}

function parseRun(input: AdapterInput): ParseOutcome {
  const doc = input.json;
  if (!isRun(doc)) return skipped('not an inference-benchmarker result: no results[] with executor_type and token_throughput_secs');
  const problems = new ProblemLog();
  const set = new SeriesSet(problems);
  const base = runLabels(doc.config as JsonObject);
  let rows = 0;
  let excludedRows = 0;
  doc.results.forEach((result, index) => {
    // The warm-up primes the server's caches: what it measures is not the server's performance.
    if (!isResult(result) || result.id === 'warmup') return;
    const labels = { ...base, ...loadLabels(result) };
    const successful = numberOf(result.successful_requests);
    const failed = numberOf(result.failed_requests) ?? 0;
    rows += successful !== undefined ? successful + failed : (numberOf(result.total_requests) ?? 0);
    excludedRows += failed;
    if (successful === 0) {
      problems.add(undefined, `result #${index + 1} (${shortLabel(result.id) ?? 'no id'}): no successful request; its latencies are not measurements, left out`);
      return;
    }
    for (const [key, def] of Object.entries(SCALARS)) {
      const v = numberOf(result[key]);
      if (v !== undefined) set.add(sampledSeries(key, labels, [v], def));
    }
    for (const [key, def] of Object.entries(LATENCIES)) {
      const stats = objectAt(result, key);
      const summary = stats ? latencySummary(stats, successful) : undefined;
      if (summary && hasCentre(summary)) set.add(summarySeries(key, labels, summary, def));
    }
  });
  if (set.series.length === 0) return skipped('inference-benchmarker result with no measured load level (only the warm-up, or no successful request)');
  return parsedOutcome('inference-benchmarker', set.series, problems, { rows, excludedRows });
}

export const inferenceBenchmarkerAdapter: ToolAdapter = {
  name: 'inference-benchmarker',
  types: ['json'],
  detect: (input) => isRun(input.json),
  parse: parseRun,
};
