import { mean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { LLM_SERIES_PREFIX, type Series } from '../model/series.js';
import type { LlmAggregate, LlmCall, LlmReport, LlmTimings, MetricAggregate } from '../model/llm.js';

/** mean, sample sd (n − 1) and CV in percent, as the report's series statistics use. */
export function aggregate(values: readonly number[]): MetricAggregate {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, cv: null };
  const m = mean([...values]);
  const sd = n > 1 ? sampleStandardDeviation([...values]) : null;
  return { n, mean: m, sd, cv: sd !== null && m !== 0 ? (sd / Math.abs(m)) * 100 : null };
}

/** Calls that generated a report: report and retry stages that finished. The warm-up only loads the model. */
export function generationCalls(calls: readonly LlmCall[]): LlmCall[] {
  return calls.filter((c) => c.stage !== 'warmup' && c.error === undefined);
}

function sum(calls: readonly LlmCall[], pick: (c: LlmCall) => number | null): number {
  return calls.reduce((total, c) => total + (pick(c) ?? 0), 0);
}

function present(values: (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null);
}

/** Aggregate Metrics over the generation calls, like the old system's table; null when none finished. */
export function aggregateCalls(calls: readonly LlmCall[], runs: number): LlmAggregate | null {
  const done = generationCalls(calls);
  if (done.length === 0) return null;
  return {
    runs,
    tokensPerSecond: aggregate(present(done.map((c) => c.tokensPerSecond))),
    ttftMs: aggregate(present(done.map((c) => c.ttftMs))),
    totalOutputTokens: sum(done, (c) => c.outputTokens),
    totalPromptTokens: sum(done, (c) => c.promptTokens),
    totalMs: sum(done, (c) => c.totalMs),
    promptEvalMs: sum(done, (c) => c.promptEvalMs),
    evalMs: sum(done, (c) => c.evalMs),
    loadMs: sum(done, (c) => c.loadMs),
  };
}

/** The LLM share of the workflow timings: every call, warm-up included (that is where loading happens). */
export function llmTimings(calls: readonly LlmCall[], wallMs: number): LlmTimings {
  return {
    wallMs,
    loadMs: sum(calls, (c) => c.loadMs),
    promptEvalMs: sum(calls, (c) => c.promptEvalMs),
    generationMs: sum(calls, (c) => c.evalMs),
  };
}

/**
 * The model's own generation speed as a metric series, so the regression gate
 * can compare it with the baseline when `gate-llm-throughput` is on. Samples
 * are the tokens/s of each finished generation call; the id names the model,
 * so a model change is a new series rather than a regression.
 */
export function llmThroughputSeries(llm: LlmReport | undefined): Series | null {
  if (!llm) return null;
  const samples = present(generationCalls(llm.calls).map((c) => c.tokensPerSecond));
  if (samples.length === 0) return null;
  const agg = aggregate(samples);
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => quantileSorted(sorted, q);
  return {
    id: `${LLM_SERIES_PREFIX}tokens_per_s::model=${llm.model.name}`,
    file: 'llm',
    metric: 'llm_tokens_per_s',
    labels: { model: llm.model.name },
    unit: 'tok/s',
    direction: 'higher',
    directionSource: 'inferred',
    source: 'samples',
    stats: {
      n: samples.length,
      mean: agg.mean as number,
      sd: agg.sd,
      cv: agg.cv,
      min: sorted[0] as number,
      p50: at(0.5),
      p95: at(0.95),
      p99: at(0.99),
      max: sorted[sorted.length - 1] as number,
      approximate: false,
    },
    outliers: [],
    samples,
  };
}
