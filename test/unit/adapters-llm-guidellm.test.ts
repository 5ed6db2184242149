import { describe, expect, it } from 'vitest';
import { guidellmAdapter } from '../../src/parse/adapters/guidellm.js';
import type { AdapterInput } from '../../src/parse/adapters/types.js';
import { built, described, only, readFixture } from '../helpers/llm-adapters.js';
import { notParsed, parsed } from '../helpers/series.js';

const MODEL = 'model=meta-llama/Llama-3.1-8B-Instruct';
const AT_8 = `{data=prompt_tokens=512,output_tokens=256,${MODEL},strategy=concurrent,streams=8}`;

function input(doc: unknown): AdapterInput {
  const text = JSON.stringify(doc);
  return { path: 'benchmarks.json', type: 'json', text, json: doc };
}

/** A minimal benchmark as GuideLLM 0.5 writes it: a distribution per status, totals in the metrics. */
function benchmark(streams: number, successful: number, errored: number) {
  const dist = (mean: number, count: number) => ({ mean, median: mean, mode: mean, variance: 0, std_dev: 0, min: mean, max: mean, count, total_sum: mean * count, percentiles: { p50: mean, p95: mean } });
  return {
    type_: 'generative_benchmark',
    config: { strategy: { type_: 'concurrent', streams }, backend: { model: 'm' } },
    metrics: {
      request_totals: { successful, errored, incomplete: 0, total: successful + errored },
      time_to_first_token_ms: { successful: dist(successful ? 40 : 0, successful), errored: dist(0, 0), incomplete: dist(0, 0), total: dist(40, successful) },
      requests_per_second: { successful: dist(successful ? 2 : 0, successful) },
    },
  };
}

describe('GuideLLM benchmarks.json', () => {
  it('reads each benchmark as one configuration: successful requests as summaries, rates as single values', async () => {
    const outcome = await readFixture('guidellm/concurrent-0.5.json');
    expect(parsed(outcome).adapter).toBe('guidellm');
    expect(described(built(outcome)).filter((d) => d.includes('streams=8'))).toEqual([
      `request_latency${AT_8} [s, lower, summary]`,
      `time_to_first_token_ms${AT_8} [ms, lower, summary]`,
      `time_per_output_token_ms${AT_8} [ms, lower, summary]`,
      `inter_token_latency_ms${AT_8} [ms, lower, summary]`,
      `prompt_token_count${AT_8} [tokens, none, summary]`,
      `output_token_count${AT_8} [tokens, none, summary]`,
      `requests_per_second${AT_8} [req/s, higher, samples]`,
      `output_tokens_per_second${AT_8} [tok/s, higher, samples]`,
      `tokens_per_second${AT_8} [tok/s, higher, samples]`,
      `request_concurrency${AT_8} [requests, none, samples]`,
      `errored_requests${AT_8} [requests, lower, samples]`,
    ]);
    expect(built(outcome)).toHaveLength(22);
  });

  it('takes the successful distribution as stated, with its percentiles from p0.1 to p99.9', async () => {
    const ttft = only(built(await readFixture('guidellm/concurrent-0.5.json')), 'time_to_first_token_ms', { data: 'prompt_tokens=512,output_tokens=256', model: 'meta-llama/Llama-3.1-8B-Instruct', strategy: 'concurrent', streams: '8' });
    expect(ttft.stats).toMatchObject({ n: 133, mean: 58.92, sd: 9.73, min: 44.18, p50: 55.41, p95: 88.9, p99: 97.61, max: 97.61 });
    expect(ttft.stats.percentiles).toEqual({ '0.1': 44.18, '1': 44.18, '5': 44.18, '10': 44.18, '25': 49.795, '75': 66.355, '90': 77.3, '99.9': 97.61 });
  });

  it('counts TPOT over the successful requests, not over the tokens GuideLLM weights it by', async () => {
    const tpot = only(built(await readFixture('guidellm/concurrent-0.5.json')), 'time_per_output_token_ms', { data: 'prompt_tokens=512,output_tokens=256', model: 'meta-llama/Llama-3.1-8B-Instruct', strategy: 'concurrent', streams: '8' });
    // The file states count 34048 (133 requests × 256 tokens): n that large would make a 0.1 ms change look certain.
    expect(tpot.stats).toMatchObject({ n: 133, mean: 13.88, sd: 0.148 });
  });

  it('reads a rate as its mean alone: its spread is of instantaneous rates, not of repeated runs', async () => {
    const rps = only(built(await readFixture('guidellm/concurrent-0.5.json')), 'requests_per_second', { data: 'prompt_tokens=512,output_tokens=256', model: 'meta-llama/Llama-3.1-8B-Instruct', strategy: 'concurrent', streams: '8' });
    expect(rps.stats).toMatchObject({ n: 1, mean: 2.215, sd: null });
  });

  it('never reads the errored, incomplete or total distributions, the per-request records, settings or clocks', async () => {
    const metrics = new Set(built(await readFixture('guidellm/concurrent-0.5.json')).map((s) => s.metric));
    expect([...metrics].sort()).toEqual([
      'errored_requests', 'inter_token_latency_ms', 'output_token_count', 'output_tokens_per_second', 'prompt_token_count',
      'request_concurrency', 'request_latency', 'requests_per_second', 'time_per_output_token_ms', 'time_to_first_token_ms', 'tokens_per_second',
    ]);
  });

  it('counts successful and errored requests as rows, the errored ones excluded', async () => {
    expect(parsed(await readFixture('guidellm/concurrent-0.5.json'))).toMatchObject({ rows: 152, excludedRows: 1 });
    expect(only(built(await readFixture('guidellm/concurrent-0.5.json')), 'errored_requests', { data: 'prompt_tokens=512,output_tokens=256', model: 'meta-llama/Llama-3.1-8B-Instruct', strategy: 'concurrent', streams: '8' }).stats.mean).toBe(1);
  });

  it('names a sweep step by its number, since a sweep derives its rates from the throughput it measured', async () => {
    const outcome = await readFixture('guidellm/sweep-0.3.json');
    const ids = [...new Set(built(outcome).map((s) => described([s])[0]!.replace(/^\w+/, '').replace(/ \[.*$/, '')))];
    expect(ids).toEqual([
      '{data=prompt_tokens=256,output_tokens=128,model=Qwen/Qwen2.5-7B-Instruct,strategy=synchronous,sweep_step=0}',
      '{data=prompt_tokens=256,output_tokens=128,model=Qwen/Qwen2.5-7B-Instruct,strategy=throughput,sweep_step=1}',
      '{data=prompt_tokens=256,output_tokens=128,model=Qwen/Qwen2.5-7B-Instruct,strategy=constant,sweep_step=2}',
    ]);
  });

  it('reads the 0.3 layout: totals beside the metrics, the model from the worker, the workload from the request loader', async () => {
    const outcome = await readFixture('guidellm/sweep-0.3.json');
    // 29 + 612 + 318 successful, 2 errored; the incomplete requests the end of each benchmark cut off are not rows.
    expect(parsed(outcome)).toMatchObject({ rows: 961, excludedRows: 2 });
    const itl = only(built(outcome), 'inter_token_latency_ms', { data: 'prompt_tokens=256,output_tokens=128', model: 'Qwen/Qwen2.5-7B-Instruct', strategy: 'throughput', sweep_step: '1' });
    expect(itl.stats).toMatchObject({ n: 612, mean: 88.2 });
  });

  it('labels a constant-rate benchmark outside a sweep with its rate', () => {
    const doc = { benchmarks: [{ ...benchmark(1, 10, 0), config: { strategy: { type_: 'constant', rate: 5 } } }] };
    expect(parsed(guidellmAdapter.parse(input(doc))).series.map((s) => s.labels)).toContainEqual({ strategy: 'constant', rate: '5' });
  });

  it('names a data file by its file name, so the folder it was read from does not change ids', () => {
    const doc = { args: { data: ['/root/data/aime_2024.jsonl'] }, benchmarks: [benchmark(4, 10, 0)] };
    expect(parsed(guidellmAdapter.parse(input(doc))).series[0]!.labels).toEqual({ model: 'm', strategy: 'concurrent', streams: '4', data: 'aime_2024.jsonl' });
  });

  it('leaves out a benchmark without a successful request, whose statistics GuideLLM writes as zeros', () => {
    const data = parsed(guidellmAdapter.parse(input({ benchmarks: [benchmark(1, 10, 0), benchmark(64, 0, 12)] })));
    expect(data.series.every((s) => s.labels.streams === '1')).toBe(true);
    expect(data.problems.map((p) => p.reason)).toEqual([
      'benchmark #2 (strategy=concurrent, streams=64): no successful request (12 errored, 0 incomplete); GuideLLM writes its statistics as zeros, left out',
    ]);
    expect(data).toMatchObject({ rows: 22, excludedRows: 12 });
  });

  it("gives a problem the line of its benchmark's type_, counting on from the benchmark before in time linear in the file", () => {
    // A report of 40,000 entries: counting lines from the top for each again took seconds.
    const doc = { benchmarks: [benchmark(1, 10, 0), ...Array.from({ length: 40_000 }, () => ({ type_: 'generative_benchmark' }))] };
    const text = JSON.stringify(doc, null, 1);
    const start = performance.now();
    const data = parsed(guidellmAdapter.parse({ path: 'benchmarks.json', type: 'json', text, json: doc }));
    expect(performance.now() - start).toBeLessThan(4_000);
    // Pretty-printed with one space: the first benchmark takes lines 3 to 101, each further entry 3 ({, type_, }).
    expect(text.split('\n').slice(101, 104)).toEqual(['  {', '   "type_": "generative_benchmark"', '  },']);
    expect(data.problems.slice(0, 2)).toEqual([
      { line: 103, reason: 'benchmark #2 is not a generative benchmark with metrics; left out' },
      { line: 106, reason: 'benchmark #3 is not a generative benchmark with metrics; left out' },
    ]);
  });

  it('skips a report in which no benchmark had a successful request, with the reason', () => {
    expect(notParsed(guidellmAdapter.parse(input({ benchmarks: [benchmark(1, 0, 5)] }))).reason).toBe(
      'GuideLLM report with no successful request in any benchmark: its statistics are zeros, not measurements',
    );
  });

  it('does not claim other JSON with a benchmarks list', () => {
    for (const doc of [{ benchmarks: [{ name: 'test_x', stats: { mean: 1 } }] }, { benchmarks: [{ type_: 'generative_benchmark' }] }, { benchmarks: [] }]) {
      expect(guidellmAdapter.detect(input(doc))).toBe(false);
    }
  });

  it('forced on a file that is not a GuideLLM report, says what was missing', async () => {
    expect(notParsed(await readFixture('vllm/benchmark-serving-2024.json', 'guidellm')).reason).toBe('not a GuideLLM report: no benchmarks[] of type_ "generative_benchmark" with metrics');
  });
});
