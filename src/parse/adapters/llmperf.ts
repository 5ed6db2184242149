import type { Direction, ProvidedSummary, RawSeries } from '../../model/series.js';
import { ProblemLog } from '../problems.js';
import { skipped, type ParseOutcome } from '../types.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { hasCentre, sampledSeries, shortLabel, summarySeries } from './llm-shared.js';
import { isObject, numberOf, parsedOutcome, summaryOf, type JsonObject } from './util.js';

/**
 * Ray LLMPerf `token_benchmark_ray.py` `*_summary.json`: flat `results_<metric>_<stat>`
 * keys (`results_ttft_s_quantiles_p95`, `results_ttft_s_mean`, …) over the
 * completed requests, plus run-wide counts and the output throughput.
 */

const STAT_KEY = /^results_(.+?)_(quantiles_p(\d{1,2}(?:\.\d+)?)|mean|stddev|min|max)$/;

/** Per-request distributions LLMPerf summarises, with their units. */
const DISTRIBUTIONS: Record<string, { unit: string; direction: Direction }> = {
  ttft_s: { unit: 's', direction: 'lower' },
  inter_token_latency_s: { unit: 's', direction: 'lower' },
  end_to_end_latency_s: { unit: 's', direction: 'lower' },
  request_output_throughput_token_per_s: { unit: 'tok/s', direction: 'higher' },
  number_input_tokens: { unit: 'tokens', direction: 'none' },
  number_output_tokens: { unit: 'tokens', direction: 'none' },
  number_total_tokens: { unit: 'tokens', direction: 'none' },
};

const SCALARS: Record<string, { unit: string; direction: Direction }> = {
  results_mean_output_throughput_token_per_s: { unit: 'tok/s', direction: 'higher' },
  results_num_completed_requests_per_min: { unit: 'req/min', direction: 'higher' },
  results_num_requests_started: { unit: 'requests', direction: 'none' },
  results_num_completed_requests: { unit: 'requests', direction: 'none' },
  results_number_errors: { unit: 'requests', direction: 'lower' },
  // A fraction of the started requests (0.02 = 2%).
  results_error_rate: { unit: '', direction: 'lower' },
};

/** The workload the run was asked for: it splits series. */
const LABEL_KEYS = ['model', 'num_concurrent_requests', 'mean_input_tokens', 'mean_output_tokens'];

function isLlmperfSummary(value: unknown): value is JsonObject {
  if (!isObject(value)) return false;
  return ['results_ttft_s_mean', 'results_inter_token_latency_s_mean', 'results_end_to_end_latency_s_mean', 'results_mean_output_throughput_token_per_s'].some(
    (k) => numberOf(value[k]) !== undefined,
  );
}

function parseLlmperf(input: AdapterInput): ParseOutcome {
  const doc = input.json;
  if (!isLlmperfSummary(doc)) return skipped('not an LLMPerf summary: no results_ttft_s_* / results_*_throughput keys');
  const problems = new ProblemLog();
  const labels: Record<string, string> = {};
  for (const key of LABEL_KEYS) {
    const text = shortLabel(doc[key], 200);
    if (text !== undefined) labels[key] = text;
  }
  const completed = numberOf(doc.results_num_completed_requests);
  const summaries = new Map<string, ProvidedSummary>();
  for (const [key, raw] of Object.entries(doc)) {
    // `results_num_completed_requests_per_min` ends like a statistic but is a rate of its own.
    const match = key in SCALARS ? null : STAT_KEY.exec(key);
    const value = numberOf(raw);
    if (!match || value === undefined) continue;
    const [, metric, stat, rank] = match as unknown as [string, string, string, string | undefined];
    const summary = summaries.get(metric) ?? (completed !== undefined ? { n: completed } : {});
    if (rank !== undefined) {
      if (Number(rank) === 50) summary.median = value;
      else (summary.percentiles ??= {})[Number(rank)] = value;
    } else if (stat === 'mean') summary.mean = value;
    else if (stat === 'stddev') summary.sd = value;
    else if (stat === 'min') summary.min = value;
    else if (stat === 'max') summary.max = value;
    summaries.set(metric, summary);
  }
  const series: RawSeries[] = [];
  for (const [metric, summary] of summaries) {
    if (!hasCentre(summary)) continue;
    const known = DISTRIBUTIONS[metric];
    series.push(summarySeries(metric, labels, summaryOf(summary), known ?? {}));
  }
  for (const [key, def] of Object.entries(SCALARS)) {
    const value = numberOf(doc[key]);
    if (value !== undefined) series.push(sampledSeries(key.replace(/^results_/, ''), labels, [value], def));
  }
  const started = numberOf(doc.results_num_requests_started);
  const errors = numberOf(doc.results_number_errors) ?? 0;
  return parsedOutcome('llmperf', series, problems, { rows: started ?? (completed ?? 0) + errors, excludedRows: errors });
}

export const llmperfAdapter: ToolAdapter = {
  name: 'llmperf',
  types: ['json'],
  detect: (input) => isLlmperfSummary(input.json),
  parse: parseLlmperf,
};
