import { describe, expect, it } from 'vitest';
import { aggregate, aggregateCalls, llmThroughputSeries, llmTimings } from '../../src/llm/call-metrics.js';
import type { LlmCall, LlmReport } from '../../src/model/llm.js';
import { MODEL } from '../helpers/llm.js';

function call(stage: LlmCall['stage'], run: number, tps: number | null, ttft: number | null, extra: Partial<LlmCall> = {}): LlmCall {
  return { stage, run, ttftMs: ttft, tokensPerSecond: tps, promptTokens: 900, outputTokens: 400, promptEvalMs: 300, evalMs: 3200, loadMs: 50, totalMs: 4000, wallMs: 4100, ...extra };
}

const calls: LlmCall[] = [
  call('warmup', 0, null, null, { loadMs: 2500, promptTokens: null, outputTokens: null, evalMs: null, promptEvalMs: null, totalMs: 2600 }),
  call('report', 1, 100, 500),
  call('report', 2, 110, 700),
  call('retry', 2, null, null, { error: 'fetch failed', promptTokens: null, outputTokens: null, promptEvalMs: null, evalMs: null, loadMs: null, totalMs: null }),
  call('report', 3, 120, 600),
];

describe('LLM call aggregates', () => {
  it('gives mean, sample sd and CV as computed by hand', () => {
    // mean 110; deviations -10, 0, 10 → variance 200/2 = 100 → sd 10; CV 10/110 = 9.09%
    const a = aggregate([100, 110, 120]);
    expect(a.n).toBe(3);
    expect(a.mean).toBe(110);
    expect(a.sd).toBe(10);
    expect(a.cv).toBeCloseTo(9.0909, 4);
  });

  it('has no sd or CV for a single run', () => {
    expect(aggregate([41.2])).toEqual({ n: 1, mean: 41.2, sd: null, cv: null });
  });

  it('aggregates the finished report calls, leaving out the warm-up and failed calls', () => {
    const a = aggregateCalls(calls, 3);
    expect(a).toMatchObject({
      runs: 3,
      tokensPerSecond: { n: 3, mean: 110, sd: 10 },
      ttftMs: { n: 3, mean: 600, sd: 100 },
      totalOutputTokens: 1200,
      totalPromptTokens: 2700,
      totalMs: 12000,
      promptEvalMs: 900,
      evalMs: 9600,
      loadMs: 150,
    });
    expect(a?.ttftMs.cv).toBeCloseTo(16.6667, 4);
  });

  it('has no aggregate when no report call finished', () => {
    expect(aggregateCalls([calls[0] as LlmCall, calls[3] as LlmCall], 1)).toBeNull();
  });

  it('splits the LLM time into load, prompt eval and generation, warm-up included', () => {
    expect(llmTimings(calls, 20_000)).toEqual({ wallMs: 20_000, loadMs: 2650, promptEvalMs: 900, generationMs: 9600 });
  });
});

describe('LLM throughput as a gateable series', () => {
  const llm = { model: MODEL, calls } as LlmReport;

  it('names the model in the id and holds one sample per finished report call', () => {
    const s = llmThroughputSeries(llm);
    expect(s).toMatchObject({
      id: 'llm::tokens_per_s::model=gemma3:latest',
      metric: 'llm_tokens_per_s',
      labels: { model: 'gemma3:latest' },
      unit: 'tok/s',
      direction: 'higher',
      samples: [100, 110, 120],
      stats: { n: 3, mean: 110, sd: 10, min: 100, p50: 110, max: 120 },
    });
  });

  it('is absent when the model never answered', () => {
    expect(llmThroughputSeries({ ...llm, calls: [calls[0] as LlmCall] })).toBeNull();
    expect(llmThroughputSeries(undefined)).toBeNull();
  });
});
