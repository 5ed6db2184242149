import { mean, median, sampleStandardDeviation } from 'simple-statistics';
import type { ComparableSeries } from '../../src/baseline/compare.js';
import type { GateConfig } from '../../src/baseline/types.js';
import type { SeriesStats } from '../../src/model/series.js';

/** The gate with every input at its default (see baseline-config.test.ts). */
export const DEFAULT_GATE: GateConfig = {
  baseline: { kind: 'auto' },
  statistic: 'mean',
  threshold: 0.05,
  thresholds: [],
  minSamples: 3,
  confidence: 0.95,
  power: 0.8,
  gate: { mode: 'throughput' },
  failOnRegression: true,
  historySize: 20,
  calibrate: false,
};

/** A sampled series as the comparison reads it; stats computed from `samples`. */
export function sampled(samples: number[], extra: Partial<ComparableSeries> = {}): ComparableSeries {
  const n = samples.length;
  const m = mean(samples);
  const sd = n > 1 ? sampleStandardDeviation(samples) : null;
  const stats: SeriesStats = {
    n,
    mean: m,
    sd,
    cv: sd === null ? null : (sd / Math.abs(m)) * 100,
    min: Math.min(...samples),
    p50: median(samples),
    p95: null,
    p99: null,
    max: Math.max(...samples),
    approximate: false,
  };
  const metric = extra.metric ?? 'tokens_s';
  return {
    id: `results.csv::${metric}`,
    file: 'results.csv',
    metric,
    labels: {},
    unit: 'tok/s',
    direction: 'higher',
    source: 'samples',
    stats,
    samples,
    ...extra,
  };
}

/** A series a file only summarised (mean, sd, n), with no samples. */
export function summarised(summary: { mean: number; sd: number | null; n: number | null }, extra: Partial<ComparableSeries> = {}): ComparableSeries {
  const metric = extra.metric ?? 'tokens_s';
  return {
    id: `results.csv::${metric}`,
    file: 'results.csv',
    metric,
    labels: {},
    unit: 'tok/s',
    direction: 'higher',
    source: 'summary',
    stats: { n: summary.n, mean: summary.mean, sd: summary.sd, cv: null, min: null, p50: null, p95: null, p99: null, max: null, approximate: false },
    samples: [],
    ...extra,
  };
}
