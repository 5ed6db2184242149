import { describe, expect, it } from 'vitest';
import { inferenceBenchmarkerAdapter } from '../../src/parse/adapters/inference-benchmarker.js';
import type { AdapterInput } from '../../src/parse/adapters/types.js';
import { built, described, only, readFixture } from '../helpers/llm-adapters.js';
import { notParsed, parsed } from '../helpers/series.js';

const FILE = 'inference-benchmarker/qwen2.5-7b_7f3e91c2.json';
const AT_8 = '{decode_tokens=512,executor=ConstantArrivalRate,model=Qwen/Qwen2.5-7B-Instruct,prompt_tokens=1024,rate=8}';
const LABELS_8 = { model: 'Qwen/Qwen2.5-7B-Instruct', prompt_tokens: '1024', decode_tokens: '512', executor: 'ConstantArrivalRate', rate: '8' };

function input(doc: unknown): AdapterInput {
  return { path: 'results/run.json', type: 'json', text: JSON.stringify(doc), json: doc };
}

describe('inference-benchmarker results', () => {
  it('reads each load level: throughput and achieved rate as single values, TTFT, ITL and end-to-end latency as summaries', async () => {
    const outcome = await readFixture(FILE);
    expect(parsed(outcome).adapter).toBe('inference-benchmarker');
    expect(described(built(outcome)).filter((d) => d.includes('rate=8'))).toEqual([
      `token_throughput_secs${AT_8} [tok/s, higher, samples]`,
      `request_rate${AT_8} [req/s, higher, samples]`,
      `successful_requests${AT_8} [requests, none, samples]`,
      `failed_requests${AT_8} [requests, lower, samples]`,
      `time_to_first_token_ms${AT_8} [ms, lower, summary]`,
      `inter_token_latency_ms${AT_8} [ms, lower, summary]`,
      `e2e_latency_ms${AT_8} [ms, lower, summary]`,
    ]);
  });

  it('names a level by the rate it was set to, never by the rate it achieved (7.62 req/s), so ids hold from run to run', async () => {
    const levels = new Set(built(await readFixture(FILE)).map((s) => s.labels.rate));
    expect([...levels]).toEqual(['2', '8']);
    expect(only(built(await readFixture(FILE)), 'request_rate', LABELS_8).stats.mean).toBe(7.62);
  });

  it('leaves the warm-up out: it primes the server, it does not measure it', async () => {
    const series = built(await readFixture(FILE));
    expect(series.some((s) => s.labels.executor === 'ConstantVUs')).toBe(false);
    expect(series).toHaveLength(14);
  });

  it('takes avg as the mean, p50 as the median and the other percentiles as stated, over the successful requests', async () => {
    const ttft = only(built(await readFixture(FILE)), 'time_to_first_token_ms', LABELS_8);
    expect(ttft.stats).toMatchObject({ n: 906, mean: 412.7, sd: null, p50: 298.4, p95: 941.8, p99: 1488 });
    expect(ttft.stats.percentiles).toEqual({ '60': 331, '70': 379.5, '80': 455.1, '90': 702.3 });
  });

  it('counts the measured levels\' requests as rows, the failed ones excluded', async () => {
    expect(parsed(await readFixture(FILE))).toMatchObject({ rows: 1156, excludedRows: 11 });
  });

  it('labels a constant-VUs level by its virtual users', () => {
    const doc = { config: { model_name: 'm' }, results: [{ id: 'throughput', executor_type: 'ConstantVUs', config: { max_vus: 128, rate: null }, successful_requests: 50, failed_requests: 0, token_throughput_secs: 900, time_to_first_token_ms: { avg: 80, p50: 70 } }] };
    expect(parsed(inferenceBenchmarkerAdapter.parse(input(doc))).series[0]!.labels).toEqual({ model: 'm', executor: 'ConstantVUs', vus: '128' });
  });

  it('reports a level without a successful request and leaves it out', () => {
    const doc = {
      config: {},
      results: [
        { id: 'constant@1.00req/s', executor_type: 'ConstantArrivalRate', config: { rate: 1 }, successful_requests: 10, failed_requests: 0, token_throughput_secs: 100 },
        { id: 'constant@50.00req/s', executor_type: 'ConstantArrivalRate', config: { rate: 50 }, successful_requests: 0, failed_requests: 40, token_throughput_secs: 0 },
      ],
    };
    const data = parsed(inferenceBenchmarkerAdapter.parse(input(doc)));
    expect(data.problems.map((p) => p.reason)).toEqual(['result #2 (constant@50.00req/s): no successful request; its latencies are not measurements, left out']);
    expect(data.series.every((s) => s.labels.rate === '1')).toBe(true);
  });

  it('skips a file with only the warm-up', () => {
    const doc = { config: {}, results: [{ id: 'warmup', executor_type: 'ConstantVUs', config: { max_vus: 1 }, successful_requests: 3, token_throughput_secs: 70 }] };
    expect(notParsed(inferenceBenchmarkerAdapter.parse(input(doc))).reason).toBe('inference-benchmarker result with no measured load level (only the warm-up, or no successful request)');
  });

  it('does not claim other JSON with config and results', () => {
    for (const doc of [{ config: {}, results: [{ id: 'a', value: 1 }] }, { results: [{ executor_type: 'x', token_throughput_secs: 1 }] }]) expect(inferenceBenchmarkerAdapter.detect(input(doc))).toBe(false);
  });
});
