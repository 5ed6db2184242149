import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { built, described, only, readOutput } from '../helpers/llm-adapters.js';
import { parsed } from '../helpers/series.js';

/**
 * Real outputs of LLM benchmark tools committed by public projects (see
 * ../shared/real-samples/SOURCES.md), read in place, never copied here.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const SAMPLES = process.env.CHIMERA_REAL_SAMPLES ?? path.resolve(here, '..', '..', '..', 'shared', 'real-samples');
const present = existsSync(SAMPLES);
if (!present) console.warn(`real-samples-llm: ${SAMPLES} is absent; the real-output tests are skipped`);

const sample = (relative: string) => readOutput(path.join(SAMPLES, relative), { relative });

describe.skipIf(!present)('real LLM benchmark outputs (../shared/real-samples)', () => {
  it('vLLM benchmark_serving.py result (vllm-ascend fork, metadata, `request_goodput:` key): 11 series', async () => {
    const outcome = await sample('vllm-bench-serving/learning_project__openai-chat-infqps-Qwen2.5-VL-72B-Instruct-20250929-090107.json');
    expect(parsed(outcome)).toMatchObject({ adapter: 'vllm', rows: 32, excludedRows: 0, problems: [] });
    const series = built(outcome);
    const labels = '{backend=openai-chat,enable-prefix-caching=true,env=TP4PP1,hardware=910B3,kind=vllm-ascend,model_id=/home/llm_model/Qwen/Qwen2.5-VL-72B-Instruct,quant-type=w8a8_dynamic_no_visual,request_rate=inf}';
    expect(described(series)).toEqual([
      `request_throughput${labels} [req/s, higher, samples]`,
      `output_throughput${labels} [tok/s, higher, samples]`,
      `total_token_throughput${labels} [tok/s, higher, samples]`,
      `duration${labels} [s, none, samples]`,
      `completed${labels} [requests, none, samples]`,
      `total_input_tokens${labels} [tokens, none, samples]`,
      `total_output_tokens${labels} [tokens, none, samples]`,
      `ttft_ms${labels} [ms, lower, summary]`,
      `tpot_ms${labels} [ms, lower, summary]`,
      `itl_ms${labels} [ms, lower, summary]`,
      `accuracy_rate${labels} [-, higher, samples]`,
    ]);
    expect(only(series, 'ttft_ms').stats).toMatchObject({ n: 32, mean: 24527.275762011413, sd: 15619.270181272432, p50: 24964.75925692357, p99: 53764.23214832787 });
    expect(only(series, 'output_throughput').stats.mean).toBe(63.12990676795241);
  });

  it('llama-bench JSON (build 5606, CUDA): pp8192 and tg1280 with five tokens/s samples each', async () => {
    const outcome = await sample('llama-bench/llm-performance__llama-bench.json');
    expect(parsed(outcome)).toMatchObject({ adapter: 'llama-bench', rows: 2, excludedRows: 0, problems: [] });
    const series = built(outcome);
    const labels = 'backends=CUDA,RPC,model_file=Snowpiercer-15B-v1.Q3_K_L.gguf,model_type=llama ?B Q3_K - Large,n_batch=2048,n_gpu_layers=99,n_threads=56,n_ubatch=512';
    expect(described(series)).toEqual([`tokens_per_s{${labels},test=pp8192} [tok/s, higher, samples]`, `tokens_per_s{${labels},test=tg1280} [tok/s, higher, samples]`]);
    expect(series[0]?.samples).toEqual([3027.56, 3026.61, 3023.79, 3021.28, 3022.78]);
    expect(series[1]?.stats.n).toBe(5);
    expect(series[1]?.stats.mean).toBeCloseTo(85.49882, 9);
  });

  it('LLMPerf leaderboard summary (groq, llama2-70b): 12 series over 150 completed requests', async () => {
    const outcome = await sample('llmperf/llmperf-leaderboard__summary__groq_70b.json');
    expect(parsed(outcome)).toMatchObject({ adapter: 'llmperf', rows: 150, excludedRows: 0, problems: [] });
    const series = built(outcome);
    const labels = '{mean_input_tokens=550,mean_output_tokens=150,model=llama2-70b-4096,num_concurrent_requests=5}';
    expect(described(series)).toEqual([
      `inter_token_latency_s${labels} [s, lower, summary]`,
      `ttft_s${labels} [s, lower, summary]`,
      `end_to_end_latency_s${labels} [s, lower, summary]`,
      `request_output_throughput_token_per_s${labels} [tok/s, higher, summary]`,
      `number_input_tokens${labels} [tokens, none, summary]`,
      `number_output_tokens${labels} [tokens, none, summary]`,
      `mean_output_throughput_token_per_s${labels} [tok/s, higher, samples]`,
      `num_completed_requests_per_min${labels} [req/min, higher, samples]`,
      `num_requests_started${labels} [requests, none, samples]`,
      `num_completed_requests${labels} [requests, none, samples]`,
      `number_errors${labels} [requests, lower, samples]`,
      `error_rate${labels} [-, lower, samples]`,
    ]);
    expect(only(series, 'ttft_s').stats).toMatchObject({ n: 150, mean: 0.22786034579078357, sd: 0.04545771907205833, min: 0.17202026024460793, p50: 0.2218883791938424, p95: 0.30373927168548104, max: 0.3630785904824734 });
    // Written as text ("550") in the file.
    expect(only(series, 'number_input_tokens').stats.min).toBe(550);
    expect(only(series, 'mean_output_throughput_token_per_s').stats.mean).toBe(441.84737788500206);
  });
});
