import { mean, median, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import type { SampleAccumulator } from './accumulator.js';
import type { Outlier, ProvidedSummary, SeriesStats } from '../model/series.js';

/**
 * Statistics of a sampled series. When every value was kept they are exact
 * (simple-statistics over the samples); past the accumulator's cap, mean, sd,
 * min and max stay exact (streamed) and percentiles come from the reservoir.
 * Percentiles use simple-statistics' `quantileSorted`: linear interpolation
 * between closest ranks, numpy's default (R type 7).
 */
export function statsFromSamples(acc: SampleAccumulator): SeriesStats {
  const sorted = [...acc.samples].sort((a, b) => a - b);
  const n = acc.count;
  const exact = acc.complete;
  const m = exact ? mean(sorted) : acc.mean;
  const variance = acc.variance;
  const sd = n > 1 ? (exact ? sampleStandardDeviation(sorted) : Math.sqrt(variance ?? 0)) : null;
  return {
    n,
    mean: m,
    sd,
    cv: coefficientOfVariation(m, sd),
    min: acc.min,
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
    max: acc.max,
    approximate: !exact,
  };
}

/** Statistics a file stated itself; nothing is invented for what it left out. */
export function statsFromSummary(summary: ProvidedSummary): SeriesStats | undefined {
  const center = summary.mean ?? summary.median ?? summary.percentiles?.[50];
  if (center === undefined) return undefined;
  const sd = summary.sd ?? null;
  return {
    n: summary.n ?? null,
    mean: center,
    sd,
    cv: coefficientOfVariation(center, sd),
    min: summary.min ?? null,
    p50: summary.median ?? summary.percentiles?.[50] ?? null,
    p95: summary.percentiles?.[95] ?? null,
    p99: summary.percentiles?.[99] ?? null,
    max: summary.max ?? null,
    approximate: false,
  };
}

export function coefficientOfVariation(m: number, sd: number | null): number | null {
  if (sd === null || m === 0) return null;
  return (sd / Math.abs(m)) * 100;
}

const OUTLIER_Z = 3.5;

/**
 * Outliers by the modified z-score (Iglewicz & Hoaglin): |0.6745·(x − median) / MAD| > 3.5.
 * When more than half the samples are equal the MAD is zero, so the mean absolute
 * deviation (scaled by 1.253314) stands in, as common statistics packages do.
 * Below four samples nothing is called an outlier.
 */
export function findOutliers(samples: readonly number[]): Outlier[] {
  if (samples.length < 4) return [];
  const med = median([...samples]);
  const deviations = samples.map((x) => Math.abs(x - med));
  const mad = median(deviations);
  const scale = mad > 0 ? mad / 0.6745 : (1.253314 * mean(deviations));
  if (scale === 0) return [];
  const outliers: Outlier[] = [];
  samples.forEach((value, index) => {
    if (Math.abs(value - med) / scale > OUTLIER_Z) outliers.push({ index, value });
  });
  return outliers;
}

export interface Moments {
  n: number;
  mean: number;
  /** Sample sd (n − 1); null for a single value. */
  sd: number | null;
}

/**
 * Exact mean and sample sd of the union of groups known only by their
 * moments (Chan et al.'s parallel formula): within-group sums of squares plus
 * the spread of the group means. A group of one value has no sd of its own.
 */
export function poolMoments(groups: readonly Moments[]): Moments {
  let n = 0;
  let mean = 0;
  let ss = 0;
  for (const g of groups) {
    if (g.n <= 0) continue;
    const total = n + g.n;
    const delta = g.mean - mean;
    ss += (g.n > 1 ? (g.n - 1) * (g.sd ?? 0) ** 2 : 0) + (delta * delta * n * g.n) / total;
    mean += (delta * g.n) / total;
    n = total;
  }
  return { n, mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : null };
}
