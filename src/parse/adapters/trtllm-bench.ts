import type { Direction, ProvidedSummary, RawSeries } from '../../model/series.js';
import { ProblemLog } from '../problems.js';
import { skipped, type ParseOutcome } from '../types.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { hasCentre, sampledSeries, shortLabel, summarySeries } from './llm-shared.js';
import { isObject, numberOf, objectAt, parsedOutcome, summaryOf, type JsonObject } from './util.js';

/**
 * TensorRT-LLM `trtllm-bench throughput|latency --report_json report.json`:
 *
 *     { "engine": { "model", "backend": "TRT"|"Pytorch", "dtype", "kv_cache_dtype", "quantization", "version", … },
 *       "world_info": { "tp_size", "pp_size", "ep_size", "world_size", "max_batch_size", "max_num_tokens", "issue_rate", … },
 *       "request_info": { "num_requests", "avg_num_concurrent_requests", "avg_input_length", "avg_output_length" },
 *       "performance": { "total_latency_ms", "avg_request_latency_ms", "request_throughput_req_s",
 *                        "system_output_throughput_tok_s", "system_total_throughput_tok_s",
 *                        "output_throughput_per_user_tok_s", "output_throughput_per_gpu_tok_s",
 *                        "request_latency_percentiles_ms": { "p50", "p90", "p95", "p99", "minimum", "maximum", "average" } },
 *       "streaming_metrics": { "token_output_speed_tok_s", "avg_ttft_ms", "avg_tpot_ms",
 *                              "ttft_percentiles", "tpot_percentiles", "gen_tps_percentiles" },
 *       "decoding_stats": { "acceptance_length_percentiles", … }, "energy": { … }, "dataset": { "avg_isl", "avg_osl", … } }
 *
 * Runtime settings (`world_info`'s batch and token limits, the issue rate) and
 * the dataset's statistics are not results; parallelism, precision and the
 * workload's lengths say which configuration ran.
 */

interface Def {
  unit: string;
  direction: Direction;
}

/** `performance` single values, under trtllm-bench's own names. */
const PERFORMANCE: Record<string, Def> = {
  request_throughput_req_s: { unit: 'req/s', direction: 'higher' },
  system_output_throughput_tok_s: { unit: 'tok/s', direction: 'higher' },
  system_total_throughput_tok_s: { unit: 'tok/s', direction: 'higher' },
  output_throughput_per_user_tok_s: { unit: 'tok/s', direction: 'higher' },
  output_throughput_per_gpu_tok_s: { unit: 'tok/s', direction: 'higher' },
  // First request's start to last request's end: follows from the request count, context like vLLM's duration.
  total_latency_ms: { unit: 'ms', direction: 'none' },
};

/** `energy` (newer releases, with GPU power sampling). */
const ENERGY: Record<string, Def> = {
  output_tps_per_w: { unit: 'tok/s/W', direction: 'higher' },
  average_gpu_power: { unit: 'W', direction: 'none' },
  total_energy_j: { unit: 'J', direction: 'none' },
};

function isReport(value: unknown): value is JsonObject {
  return isObject(value) && isObject(value.performance) && numberOf(value.performance.request_throughput_req_s) !== undefined && (isObject(value.engine) || isObject(value.world_info));
}


/**
 * What configuration ran: the model, backend, precision, parallelism and the
 * dataset's lengths (a run on 4× longer prompts is another benchmark). The
 * batch and token limits are tuning, whose effect is what a comparison shows.
 */
function labelsOf(doc: JsonObject): Record<string, string> {
  const labels: Record<string, string> = {};
  const engine = objectAt(doc, 'engine');
  for (const key of ['model', 'backend', 'quantization', 'kv_cache_dtype']) {
    const text = shortLabel(engine?.[key], 200);
    if (text !== undefined) labels[key] = text;
  }
  const world = objectAt(doc, 'world_info');
  for (const key of ['tp_size', 'pp_size', 'ep_size']) {
    const n = numberOf(world?.[key]);
    if (n !== undefined) labels[key] = String(n);
  }
  const dataset = objectAt(doc, 'dataset');
  for (const key of ['avg_isl', 'avg_osl']) {
    const n = numberOf(dataset?.[key]);
    if (n !== undefined) labels[key] = String(n);
  }
  return labels;
}

/** `{p50, p90, …, minimum, maximum, average}` as a stated summary over `n` requests. */
function percentileSummary(stats: JsonObject | undefined, mean: number | undefined, n: number | undefined): ProvidedSummary {
  const percentiles: Record<number, number> = {};
  let median: number | undefined;
  for (const [key, raw] of Object.entries(stats ?? {})) {
    const rank = /^p(\d{1,2}(?:\.\d+)?)$/.exec(key);
    const v = numberOf(raw);
    if (!rank || v === undefined) continue;
    if (Number(rank[1]) === 50) median = v;
    else percentiles[Number(rank[1])] = v;
  }
  return summaryOf({ n, mean: numberOf(stats?.average) ?? mean, median, min: numberOf(stats?.minimum), max: numberOf(stats?.maximum), percentiles });
}

function parseReport(input: AdapterInput): ParseOutcome {
  const doc = input.json;
  if (!isReport(doc)) return skipped('not a trtllm-bench report: no performance.request_throughput_req_s beside engine or world_info');
  const labels = labelsOf(doc);
  const performance = doc.performance as JsonObject;
  const requests = numberOf(objectAt(doc, 'request_info')?.num_requests);
  if (requests === 0) return skipped('trtllm-bench report of 0 requests: its statistics are not measurements');
  const series: RawSeries[] = [];
  for (const [key, def] of Object.entries(PERFORMANCE)) {
    const v = numberOf(performance[key]);
    if (v !== undefined) series.push(sampledSeries(key, labels, [v], def));
  }
  const summaries: [string, ProvidedSummary, Def][] = [
    ['request_latency_ms', percentileSummary(objectAt(performance, 'request_latency_percentiles_ms'), numberOf(performance.avg_request_latency_ms), requests), { unit: 'ms', direction: 'lower' }],
  ];
  const streaming = objectAt(doc, 'streaming_metrics');
  if (streaming) {
    summaries.push(
      ['ttft_ms', percentileSummary(objectAt(streaming, 'ttft_percentiles'), numberOf(streaming.avg_ttft_ms), requests), { unit: 'ms', direction: 'lower' }],
      ['tpot_ms', percentileSummary(objectAt(streaming, 'tpot_percentiles'), numberOf(streaming.avg_tpot_ms), requests), { unit: 'ms', direction: 'lower' }],
      // Each request's generation speed after its first token.
      ['token_output_speed_tok_s', percentileSummary(objectAt(streaming, 'gen_tps_percentiles'), numberOf(streaming.token_output_speed_tok_s), requests), { unit: 'tok/s', direction: 'higher' }],
    );
  }
  // Speculative decoding: tokens accepted per step; per-request values, so the same n.
  const acceptance = objectAt(objectAt(doc, 'decoding_stats'), 'acceptance_length_percentiles');
  if (acceptance) summaries.push(['acceptance_length', percentileSummary(acceptance, undefined, requests), { unit: 'tokens', direction: 'higher' }]);
  for (const [metric, summary, def] of summaries) if (hasCentre(summary)) series.push(summarySeries(metric, labels, summary, def));
  const concurrency = numberOf(objectAt(doc, 'request_info')?.avg_num_concurrent_requests);
  // Measured, not set: how many requests were in flight on average follows from the load.
  if (concurrency !== undefined) series.push(sampledSeries('avg_num_concurrent_requests', labels, [concurrency], { unit: 'requests', direction: 'none' }));
  const energy = objectAt(doc, 'energy');
  for (const [key, def] of Object.entries(ENERGY)) {
    const v = numberOf(energy?.[key]);
    if (v !== undefined) series.push(sampledSeries(key, labels, [v], def));
  }
  return parsedOutcome('trtllm-bench', series, new ProblemLog(), { rows: requests ?? 1 });
}

export const trtllmBenchAdapter: ToolAdapter = {
  name: 'trtllm-bench',
  types: ['json'],
  detect: (input) => isReport(input.json),
  parse: parseReport,
};
