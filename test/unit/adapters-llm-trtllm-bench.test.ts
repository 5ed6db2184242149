import { describe, expect, it } from 'vitest';
import { trtllmBenchAdapter } from '../../src/parse/adapters/trtllm-bench.js';
import type { AdapterInput } from '../../src/parse/adapters/types.js';
import { built, described, only, readFixture } from '../helpers/llm-adapters.js';
import { notParsed, parsed } from '../helpers/series.js';

const FP8 = '{avg_isl=1024,avg_osl=512,backend=Pytorch,ep_size=1,kv_cache_dtype=FP8,model=meta-llama/Llama-3.1-8B-Instruct,pp_size=1,quantization=FP8,tp_size=2}';

function input(doc: unknown): AdapterInput {
  return { path: 'report.json', type: 'json', text: JSON.stringify(doc), json: doc };
}

describe('trtllm-bench --report_json', () => {
  it('reads a streaming run: throughputs as single values, request latency, TTFT, TPOT and per-user speed as summaries', async () => {
    const outcome = await readFixture('trtllm-bench/report-pytorch-fp8-tp2.json');
    expect(parsed(outcome)).toMatchObject({ adapter: 'trtllm-bench', rows: 2000, excludedRows: 0 });
    expect(described(built(outcome))).toEqual([
      `request_throughput_req_s${FP8} [req/s, higher, samples]`,
      `system_output_throughput_tok_s${FP8} [tok/s, higher, samples]`,
      `system_total_throughput_tok_s${FP8} [tok/s, higher, samples]`,
      `output_throughput_per_user_tok_s${FP8} [tok/s, higher, samples]`,
      `output_throughput_per_gpu_tok_s${FP8} [tok/s, higher, samples]`,
      `total_latency_ms${FP8} [ms, none, samples]`,
      `request_latency_ms${FP8} [ms, lower, summary]`,
      `ttft_ms${FP8} [ms, lower, summary]`,
      `tpot_ms${FP8} [ms, lower, summary]`,
      `token_output_speed_tok_s${FP8} [tok/s, higher, summary]`,
      `avg_num_concurrent_requests${FP8} [requests, none, samples]`,
    ]);
  });

  it('takes a percentile block as stated (average, minimum, maximum, p50…p99) over the requests', async () => {
    const ttft = only(built(await readFixture('trtllm-bench/report-pytorch-fp8-tp2.json')), 'ttft_ms');
    expect(ttft.stats).toMatchObject({ n: 2000, mean: 341.27, sd: null, min: 61.05, p50: 288.4, p95: 744.31, p99: 1021.66, max: 1388.2 });
    expect(ttft.stats.percentiles).toEqual({ '90': 612.9 });
  });

  it('never reads runtime settings or the dataset\'s statistics as results', async () => {
    const metrics = built(await readFixture('trtllm-bench/report-pytorch-fp8-tp2.json')).map((s) => s.metric);
    for (const absent of ['tp_size', 'max_batch_size', 'max_num_tokens', 'kv_cache_percentage', 'issue_rate', 'isl', 'osl', 'avg_input_length', 'num_requests']) {
      expect(metrics.some((m) => m.includes(absent))).toBe(false);
    }
  });

  it('labels a run by model, backend, precision, parallelism and the dataset\'s lengths; null settings are no label', async () => {
    const series = built(await readFixture('trtllm-bench/report-trt-offline.json'));
    expect(series[0]!.labels).toEqual({ model: 'Qwen/Qwen2.5-7B-Instruct', backend: 'TRT', tp_size: '1', pp_size: '1', ep_size: '1', avg_isl: '128', avg_osl: '2048' });
    // Without --streaming there are no TTFT/TPOT statistics to report.
    expect(series.map((s) => s.metric)).not.toContain('ttft_ms');
  });

  it('reads speculative decoding\'s acceptance length and the energy block when present', () => {
    const doc = {
      engine: { model: 'm', backend: 'Pytorch' },
      request_info: { num_requests: 10 },
      performance: { request_throughput_req_s: 1.5 },
      decoding_stats: { mode: 'Eagle', acceptance_length_percentiles: { p50: 2.5, average: 2.61, minimum: 1, maximum: 4 } },
      energy: { total_energy_j: 56.1, output_tps_per_w: 0.285, average_gpu_power: 11.83 },
    };
    const data = parsed(trtllmBenchAdapter.parse(input(doc)));
    expect(data.series.map((s) => [s.metric, s.unitHint, s.directionHint])).toEqual([
      ['request_throughput_req_s', 'req/s', 'higher'],
      ['acceptance_length', 'tokens', 'higher'],
      ['output_tps_per_w', 'tok/s/W', 'higher'],
      ['average_gpu_power', 'W', 'none'],
      ['total_energy_j', 'J', 'none'],
    ]);
    expect(data.series.find((s) => s.metric === 'acceptance_length')?.summary).toEqual({ n: 10, mean: 2.61, median: 2.5, min: 1, max: 4 });
  });

  it('skips a report of 0 requests', () => {
    expect(notParsed(trtllmBenchAdapter.parse(input({ engine: {}, request_info: { num_requests: 0 }, performance: { request_throughput_req_s: 0 } }))).reason).toBe(
      'trtllm-bench report of 0 requests: its statistics are not measurements',
    );
  });

  it('does not claim JSON with a performance block of other names', () => {
    for (const doc of [{ performance: { request_throughput_req_s: 1 } }, { engine: {}, performance: { throughput: 1 } }]) expect(trtllmBenchAdapter.detect(input(doc))).toBe(false);
  });
});
