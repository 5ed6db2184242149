import { describe, expect, it } from 'vitest';
import { vllmAdapter } from '../../src/parse/adapters/vllm.js';
import { built, described, only, readFixture, readOutput } from '../helpers/llm-adapters.js';
import { notParsed, parsed } from '../helpers/series.js';
import { useTempDir, writeTree } from '../helpers/tmp.js';

const DETAILED_LABELS = '{backend=vllm,max_concurrency=8,model_id=Qwen/Qwen2.5-7B-Instruct,request_rate=4}';

describe('vLLM bench serve results', () => {
  it('reads a detailed `vllm bench serve` result into run-wide values and per-request latency samples', async () => {
    const outcome = await readFixture('vllm/bench-serve-detailed.json');
    expect(parsed(outcome).adapter).toBe('vllm');
    expect(described(built(outcome))).toEqual([
      `request_throughput${DETAILED_LABELS} [req/s, higher, samples]`,
      `output_throughput${DETAILED_LABELS} [tok/s, higher, samples]`,
      `total_token_throughput${DETAILED_LABELS} [tok/s, higher, samples]`,
      `max_output_tokens_per_s${DETAILED_LABELS} [tok/s, higher, samples]`,
      `duration${DETAILED_LABELS} [s, none, samples]`,
      `completed${DETAILED_LABELS} [requests, none, samples]`,
      `failed${DETAILED_LABELS} [requests, lower, samples]`,
      `total_input_tokens${DETAILED_LABELS} [tokens, none, samples]`,
      `total_output_tokens${DETAILED_LABELS} [tokens, none, samples]`,
      `max_concurrent_requests${DETAILED_LABELS} [requests, none, samples]`,
      `ttft_ms${DETAILED_LABELS} [ms, lower, samples]`,
      `tpot_ms${DETAILED_LABELS} [ms, lower, summary]`,
      `itl_ms${DETAILED_LABELS} [ms, lower, samples]`,
      `e2el_ms${DETAILED_LABELS} [ms, lower, summary]`,
      `input_tokens${DETAILED_LABELS} [tokens, none, samples]`,
      `output_tokens${DETAILED_LABELS} [tokens, none, samples]`,
    ]);
  });

  it('keeps one TTFT sample per successful request, in ms, and leaves the failed request out', async () => {
    const outcome = await readFixture('vllm/bench-serve-detailed.json');
    const ttft = only(built(outcome), 'ttft_ms');
    expect(ttft.samples.map((v) => Math.round(v * 1000) / 1000)).toEqual([50, 70, 60, 80]);
    expect(parsed(outcome).rows).toBe(5);
    expect(parsed(outcome).excludedRows).toBe(1);
  });

  it('pools every inter-token gap of every successful request as the ITL samples, as vLLM computes its mean', async () => {
    const itl = only(built(await readFixture('vllm/bench-serve-detailed.json')), 'itl_ms');
    expect(itl.stats.n).toBe(8);
    expect(itl.stats.mean).toBeCloseTo(11.375, 9);
  });

  it('reads TPOT and E2EL from their mean/median/std/pNN keys, with the completed count as n', async () => {
    const e2el = only(built(await readFixture('vllm/bench-serve-detailed.json')), 'e2el_ms');
    expect(e2el.stats).toMatchObject({ n: 4, mean: 1210, sd: 150, p50: 1180, p99: 1420 });
  });

  it('skips a run whose every request failed, instead of reporting its zeros as a 0 ms TTFT', async () => {
    const outcome = await readFixture('vllm/all-failed.json');
    expect(notParsed(outcome)).toEqual({ status: 'skipped', reason: 'vLLM run with no completed request (6 failed): its latencies and throughputs are zeros, not measurements' });
  });

  it('reads `vllm bench sweep` summary.json, a list of results, as one series per configuration', async () => {
    const outcome = await readFixture('vllm/sweep-summary.json');
    expect(parsed(outcome).adapter).toBe('vllm');
    const ttft = built(outcome).filter((s) => s.metric === 'ttft_ms');
    // The server setting the sweep varied splits the series; its repeat number is bookkeeping.
    expect(ttft.map((s) => [s.labels.max_concurrency, s.labels.max_num_seqs, s.stats.mean, s.stats.n])).toEqual([
      ['2', '4', 30, 8],
      ['8', '16', 90, 8],
    ]);
    expect(built(outcome).map((s) => s.metric)).not.toContain('run_number');
    expect(built(outcome).map((s) => s.metric)).not.toContain('max_num_seqs');
  });

  it('reads results appended one per line (--append-result) and pools the runs of one configuration', async () => {
    const outcome = await readFixture('vllm/append-result.json');
    expect(parsed(outcome).adapter).toBe('vllm');
    const series = built(outcome);
    expect(only(series, 'request_throughput').samples).toEqual([2, 2.5]);
    // 8 requests at 40 ± 4 ms and 8 at 50 ± 6 ms: 16 requests, their pooled mean and sd.
    const ttft = only(series, 'ttft_ms');
    expect(ttft.stats.n).toBe(16);
    expect(ttft.stats.mean).toBe(45);
    expect(ttft.stats.sd).toBeCloseTo(Math.sqrt((7 * 16 + 7 * 36 + 8 * 25 + 8 * 25) / 15), 12);
    expect(parsed(outcome).problems).toEqual([]);
  });

  it('never reads generated texts into a label or metric', async () => {
    const series = built(await readFixture('vllm/bench-serve-detailed.json'));
    const everything = JSON.stringify(series.map((s) => [s.metric, s.labels]));
    expect(everything).not.toContain('Paris');
    expect(everything).not.toContain('generated');
  });

  it('reads an older benchmark_serving.py summary (no e2el, no per-request arrays) as summaries over the completed requests', async () => {
    const outcome = await readFixture('vllm/benchmark-serving-2024.json');
    const labels = '{backend=vllm,model_id=meta-llama/Meta-Llama-3-8B-Instruct,request_rate=inf}';
    expect(described(built(outcome))).toEqual([
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
    ]);
    expect(only(built(outcome), 'ttft_ms').stats).toMatchObject({ n: 1000, mean: 2301.5, sd: 1450.3, p50: 1987.2, p99: 6502.8 });
  });

  it('reports a truncated result file as invalid JSON with its line, not as a vLLM result', async () => {
    expect(notParsed(await readFixture('vllm/truncated.json'))).toMatchObject({ status: 'failed', line: 6 });
  });

  it('does not claim a JSON summary that merely uses vLLM-like key names', () => {
    const json = { model: 'gemma3:4b', latency: { mean_ttft_ms: 412.6, p95_ttft_ms: 489.9 }, n: 200 };
    expect(vllmAdapter.detect({ path: 'serving/summary.json', type: 'json', text: JSON.stringify(json), json })).toBe(false);
  });

  it('forced on a file that is not a vLLM result, says what was missing', async () => {
    expect(notParsed(await readFixture('llmperf/minimal_summary.json', 'vllm')).reason).toBe(
      'not a vLLM benchmark result: no request_throughput with mean/median/pNN_*_ms latencies',
    );
  });
});

const SGLANG = '{backend=sglang,dataset_name=random,max_concurrency=64,random_input_len=2048,random_output_len=256,random_range_ratio=0.5,request_rate=8,tag=fp8-kv}';

describe('SGLang bench_serving results (--output-file, one result a line)', () => {
  it('reads each line as a vLLM-style result, with SGLang\'s token rates and counts named as it writes them', async () => {
    const outcome = await readFixture('vllm/sglang-bench-serving.jsonl');
    expect(parsed(outcome)).toMatchObject({ adapter: 'vllm', rows: 2000, excludedRows: 0 });
    expect(described(built(outcome)).filter((d) => d.includes('request_rate=8'))).toEqual([
      `request_throughput${SGLANG} [req/s, higher, samples]`,
      `output_throughput${SGLANG} [tok/s, higher, samples]`,
      `input_throughput${SGLANG} [tok/s, higher, samples]`,
      `total_throughput${SGLANG} [tok/s, higher, samples]`,
      `duration${SGLANG} [s, none, samples]`,
      `completed${SGLANG} [requests, none, samples]`,
      `total_input_tokens${SGLANG} [tokens, none, samples]`,
      `total_output_tokens${SGLANG} [tokens, none, samples]`,
      `total_input_text_tokens${SGLANG} [tokens, none, samples]`,
      `total_input_vision_tokens${SGLANG} [tokens, none, samples]`,
      `total_output_tokens_retokenized${SGLANG} [tokens, none, samples]`,
      `ttft_ms${SGLANG} [ms, lower, summary]`,
      `tpot_ms${SGLANG} [ms, lower, summary]`,
      `itl_ms${SGLANG} [ms, lower, summary]`,
      `e2e_latency_ms${SGLANG} [ms, lower, summary]`,
    ]);
  });

  it('reads mean/median/std/p90/p99 of e2e_latency as one summary, not a "std_e2e_latency_ms" series that would rank a spread as a latency', async () => {
    const e2e = only(built(await readFixture('vllm/sglang-bench-serving.jsonl')), 'e2e_latency_ms', {
      backend: 'sglang', dataset_name: 'random', max_concurrency: '64', random_input_len: '2048', random_output_len: '256', random_range_ratio: '0.5', request_rate: 'inf', tag: 'fp8-kv',
    });
    expect(e2e.stats).toMatchObject({ n: 1000, mean: 4446.1, sd: 1240.35, p50: 4398.72, p99: 7420.5 });
    expect(e2e.stats.percentiles).toEqual({ '90': 6108.2 });
  });

  it('labels the run with its --tag and random range ratio, and reads neither the measured concurrency nor the server_info settings', async () => {
    const metrics = new Set(built(await readFixture('vllm/sglang-bench-serving.jsonl')).map((s) => s.metric));
    for (const absent of ['concurrency', 'accept_length', 'tp_size', 'server_info.tp_size', 'random_range_ratio', 'mean_e2e_latency_ms', 'std_e2e_latency_ms']) expect(metrics.has(absent)).toBe(false);
  });
});

describe('vLLM real-time factor (rtfx)', () => {
  const result = (rtfx: number) => ({
    date: '20260722-041843', endpoint_type: 'openai', backend: 'openai', model_id: 'Qwen/Qwen3-VL-8B-Instruct', request_rate: 1, completed: 200, failed: 0,
    request_throughput: 0.98, output_throughput: 125.79, rtfx, mean_ttft_ms: 95.63, median_ttft_ms: 95.7, std_ttft_ms: 12.71, p99_ttft_ms: 143.33,
  });
  const rtfxOf = (doc: ReturnType<typeof result>) => parsed(vllmAdapter.parse({ path: 'run.json', type: 'json', text: JSON.stringify(doc), json: doc })).series.filter((s) => s.metric === 'rtfx');

  it('does not read the rtfx 0.0 vLLM writes into a run with no audio as a measurement', () => {
    expect(rtfxOf(result(0))).toEqual([]);
  });

  it('reads a transcription run\'s rtfx as a unitless rate, higher being faster', () => {
    expect(rtfxOf(result(42.5)).map((s) => s.samples?.samples)).toEqual([[42.5]]);
    const doc = result(42.5);
    const outcome = vllmAdapter.parse({ path: 'run.json', type: 'json', text: JSON.stringify(doc), json: doc });
    expect(described(built(outcome)).filter((d) => d.startsWith('rtfx'))).toEqual(['rtfx{backend=openai,model_id=Qwen/Qwen3-VL-8B-Instruct,request_rate=1} [-, higher, samples]']);
  });
});

describe('SGLang bench_serving on a dataset that is not random', () => {
  it('does not label a ShareGPT run with the random_input_len, random_output_len and random_range_ratio SGLang writes into every result', () => {
    const doc = {
      backend: 'sglang', dataset_name: 'sharegpt', request_rate: 5, max_concurrency: 256, sharegpt_output_len: null,
      random_input_len: 1024, random_output_len: 1024, random_range_ratio: 0, duration: 204.5, completed: 1000,
      request_throughput: 4.89, output_throughput: 957.16, mean_ttft_ms: 91.69, median_ttft_ms: 76.42, std_ttft_ms: 65.22, p99_ttft_ms: 327.91,
    };
    const series = parsed(vllmAdapter.parse({ path: 'sglang_sharegpt.jsonl', type: 'json', text: JSON.stringify(doc), json: doc })).series;
    expect(series.find((s) => s.metric === 'ttft_ms')?.labels).toEqual({ backend: 'sglang', request_rate: '5', max_concurrency: '256', dataset_name: 'sharegpt' });
  });
});

describe('vLLM --metric-percentiles', () => {
  it('reads p0 and p100 as the fastest and slowest request of the latency, not as metrics of their own', () => {
    const doc = {
      backend: 'vllm', model_id: 'Qwen/Qwen2.5-7B-Instruct', request_rate: 'inf', completed: 200, request_throughput: 12.5, output_throughput: 1600,
      mean_ttft_ms: 120.5, median_ttft_ms: 118, std_ttft_ms: 9.5, p0_ttft_ms: 95.25, p50_ttft_ms: 118, p99_ttft_ms: 151.75, p100_ttft_ms: 163.5,
    };
    const series = parsed(vllmAdapter.parse({ path: 'run.json', type: 'json', text: JSON.stringify(doc), json: doc })).series;
    expect(series.map((s) => s.metric)).toEqual(['request_throughput', 'output_throughput', 'completed', 'ttft_ms']);
    expect(series.find((s) => s.metric === 'ttft_ms')?.summary).toEqual({ n: 200, mean: 120.5, median: 118, sd: 9.5, min: 95.25, max: 163.5, percentiles: { 50: 118, 99: 151.75 } });
  });
});

describe('vLLM results holding a bare NaN', () => {
  const tmp = useTempDir();

  it('refuses the file with the line JSON.parse stopped at, instead of reading it without the NaN unsaid and with request_rate=Infinity beside the inf of its other runs', async () => {
    const text = ['{', '  "backend": "sglang",', '  "request_rate": Infinity,', '  "completed": 1,', '  "request_throughput": 0.5,', '  "mean_itl_ms": 8.1,', '  "std_itl_ms": NaN', '}'].join('\n');
    writeTree(tmp.dir, { 'sglang.json': text });
    expect(notParsed(await readOutput(`${tmp.dir}/sglang.json`))).toEqual({
      status: 'failed',
      reason: 'invalid JSON at line 3, column 19: Infinity is not valid JSON (write null, or a string, for a missing or infinite value)',
      line: 3,
    });
  });
});

describe('vLLM workload settings', () => {
  it('labels a run with its workload (dataset, input and output lengths from --metadata), so 4× longer prompts are another benchmark', () => {
    const doc = {
      backend: 'vllm', model_id: 'meta-llama/Llama-3.2-3B', request_rate: 10, input_len: '4000', output_len: '200', dataset_name: 'random',
      completed: 300, request_throughput: 9.8, output_throughput: 1349.55, mean_ttft_ms: 92.1, median_ttft_ms: 90.3, std_ttft_ms: 7.2,
    };
    const series = parsed(vllmAdapter.parse({ path: 'run.json', type: 'json', text: JSON.stringify(doc), json: doc })).series;
    expect(series.find((s) => s.metric === 'output_throughput')?.labels).toEqual({
      model_id: 'meta-llama/Llama-3.2-3B', backend: 'vllm', request_rate: '10', dataset_name: 'random', input_len: '4000', output_len: '200',
    });
  });

  it('keeps the labels (and ids) of a plain `vllm bench serve` result: endpoint_type repeats the backend, and a --label that is the endpoint type names nothing', () => {
    const doc = {
      date: '20251001-101500', endpoint_type: 'openai-chat', backend: 'openai-chat', label: 'openai-chat', model_id: 'Qwen/Qwen2.5-7B-Instruct', tokenizer_id: 'Qwen/Qwen2.5-7B-Instruct',
      num_prompts: 32, request_rate: 'inf', burstiness: 1.0, max_concurrency: 8,
      completed: 32, request_throughput: 0.61, output_throughput: 90.02, mean_ttft_ms: 18210.5, median_ttft_ms: 17800, std_ttft_ms: 9000.25,
    };
    const labels = (extra: Record<string, unknown>) => {
      const json = { ...doc, ...extra };
      return parsed(vllmAdapter.parse({ path: 'run.json', type: 'json', text: JSON.stringify(json), json })).series.find((s) => s.metric === 'output_throughput')?.labels;
    };
    expect(labels({})).toEqual({ model_id: 'Qwen/Qwen2.5-7B-Instruct', backend: 'openai-chat', request_rate: 'inf', max_concurrency: '8' });
    expect(labels({ label: null })).toEqual({ model_id: 'Qwen/Qwen2.5-7B-Instruct', backend: 'openai-chat', request_rate: 'inf', max_concurrency: '8' });
    // A label the user chose (`--label tp4-fp8`) names the configuration.
    expect(labels({ label: 'tp4-fp8' })).toEqual({ model_id: 'Qwen/Qwen2.5-7B-Instruct', backend: 'openai-chat', request_rate: 'inf', max_concurrency: '8', label: 'tp4-fp8' });
  });

  it('labels a run with the configuration its --metadata pairs state (TP4 and TP8 are two benchmarks), but not with a version, a commit or a date', () => {
    const doc = {
      date: '20251001-101500', backend: 'openai-chat', model_id: '/models/Qwen/Qwen2.5-72B-Instruct', model_name: 'Qwen2.5-72B-Instruct', request_rate: 'inf',
      env: 'TP8PP1', 'quant-type': 'w8a8', hardware: '910B3', 'enable-prefix-caching': false,
      version: '0.9.1', vllm_commit: '3f2a9c1', git_branch: 'main', run_date: '2025-10-01', notes: 'after the driver update', build: 'a1b2c3d4e5',
      completed: 32, request_throughput: 0.61, output_throughput: 90.02, mean_ttft_ms: 18210.5, median_ttft_ms: 17800, std_ttft_ms: 9000.25,
    };
    const series = parsed(vllmAdapter.parse({ path: 'run.json', type: 'json', text: JSON.stringify(doc), json: doc })).series;
    expect(series.find((s) => s.metric === 'output_throughput')?.labels).toEqual({
      model_id: '/models/Qwen/Qwen2.5-72B-Instruct', backend: 'openai-chat', request_rate: 'inf',
      env: 'TP8PP1', 'quant-type': 'w8a8', hardware: '910B3', 'enable-prefix-caching': 'false',
    });
  });
});

describe('vLLM offline benchmarks (benchmark_latency.py, benchmark_throughput.py --output-json)', () => {
  it('reads the latency run as a latency in seconds, each measured batch a sample', async () => {
    const series = built(await readFixture('vllm/offline-latency.json'));
    expect(described(series)).toEqual(['latency [s, lower, samples]']);
    expect(only(series, 'latency').samples).toEqual([1.604, 1.611, 1.598, 1.637, 1.6125]);
  });

  it('reads the throughput run as requests and tokens per second, higher is better, and the elapsed time in seconds', async () => {
    const series = built(await readFixture('vllm/offline-throughput.json'));
    expect(described(series)).toEqual([
      'elapsed_time [s, none, samples]',
      'num_requests [requests, none, samples]',
      'total_num_tokens [tokens, none, samples]',
      'requests_per_second [req/s, higher, samples]',
      'tokens_per_second [tok/s, higher, samples]',
    ]);
    expect(only(series, 'tokens_per_second').samples).toEqual([6206.06]);
  });
});
