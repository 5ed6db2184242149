import { describe, expect, it } from 'vitest';
import { llmperfAdapter } from '../../src/parse/adapters/llmperf.js';
import { built, described, only, readFixture } from '../helpers/llm-adapters.js';
import { notParsed, parsed } from '../helpers/series.js';

const LABELS = '{mean_input_tokens=512,mean_output_tokens=128,model=meta-llama/Meta-Llama-3-8B-Instruct,num_concurrent_requests=4}';

describe('LLMPerf summary', () => {
  it('reads each results_<metric>_* group as one summary and the run-wide values as single values', async () => {
    const outcome = await readFixture('llmperf/llama-3-8b_512_128_summary.json');
    expect(parsed(outcome).adapter).toBe('llmperf');
    expect(described(built(outcome))).toEqual([
      `inter_token_latency_s${LABELS} [s, lower, summary]`,
      `ttft_s${LABELS} [s, lower, summary]`,
      `end_to_end_latency_s${LABELS} [s, lower, summary]`,
      `request_output_throughput_token_per_s${LABELS} [tok/s, higher, summary]`,
      `number_input_tokens${LABELS} [tokens, none, summary]`,
      `number_output_tokens${LABELS} [tokens, none, summary]`,
      `mean_output_throughput_token_per_s${LABELS} [tok/s, higher, samples]`,
      `num_completed_requests_per_min${LABELS} [req/min, higher, samples]`,
      `num_requests_started${LABELS} [requests, none, samples]`,
      `num_completed_requests${LABELS} [requests, none, samples]`,
      `number_errors${LABELS} [requests, lower, samples]`,
      `error_rate${LABELS} [-, lower, samples]`,
    ]);
  });

  it('takes mean, stddev, min, max and quantiles, with the completed requests as n', async () => {
    const ttft = only(built(await readFixture('llmperf/llama-3-8b_512_128_summary.json')), 'ttft_s');
    expect(ttft.stats).toMatchObject({ n: 97, mean: 0.18, sd: 0.07, min: 0.09, p50: 0.15, p95: 0.31, p99: 0.42, max: 0.45 });
  });

  it('reads counts LLMPerf writes as text ("430") as numbers', async () => {
    const input = only(built(await readFixture('llmperf/llama-3-8b_512_128_summary.json')), 'number_input_tokens');
    expect([input.stats.min, input.stats.max]).toEqual([430, 601]);
  });

  it('counts errored requests as excluded rows of the started ones', async () => {
    expect(parsed(await readFixture('llmperf/llama-3-8b_512_128_summary.json'))).toMatchObject({ rows: 100, excludedRows: 3 });
  });

  it('reads a summary with only a few keys', async () => {
    expect(described(built(await readFixture('llmperf/minimal_summary.json')))).toEqual([
      'ttft_s{model=gpt-3.5-turbo,num_concurrent_requests=1} [s, lower, summary]',
      'mean_output_throughput_token_per_s{model=gpt-3.5-turbo,num_concurrent_requests=1} [tok/s, higher, samples]',
      'num_requests_started{model=gpt-3.5-turbo,num_concurrent_requests=1} [requests, none, samples]',
      'num_completed_requests{model=gpt-3.5-turbo,num_concurrent_requests=1} [requests, none, samples]',
      'number_errors{model=gpt-3.5-turbo,num_concurrent_requests=1} [requests, lower, samples]',
      'error_rate{model=gpt-3.5-turbo,num_concurrent_requests=1} [-, lower, samples]',
    ]);
  });

  it('does not claim JSON whose keys only resemble LLMPerf names', () => {
    const json = { ttft_s_mean: 0.2, results: { ttft_s: [0.1, 0.2] } };
    expect(llmperfAdapter.detect({ path: 'x.json', type: 'json', text: JSON.stringify(json), json })).toBe(false);
  });

  it('forced on a file that is not an LLMPerf summary, says what was missing', async () => {
    expect(notParsed(await readFixture('vllm/benchmark-serving-2024.json', 'llmperf')).reason).toBe('not an LLMPerf summary: no results_ttft_s_* / results_*_throughput keys');
  });
});
