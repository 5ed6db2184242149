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
  if (acc.complete) return exactStats(acc.samples, acc.min, acc.max);
  const sorted = sortedCopy(acc.samples);
  const sd = acc.count > 1 ? Math.sqrt(acc.variance ?? 0) : null;
  return withPercentiles(sorted, acc.count, acc.mean, sd, acc.min, acc.max, true);
}

/**
 * Exact statistics of every value of a series, `min` and `max` as found in
 * arrival order: what statsFromSamples gives for a complete accumulator,
 * for callers that hold the values already (pooled replicate runs).
 */
export function exactStats(values: readonly number[], min: number, max: number): SeriesStats {
  return exactStatsOfSorted(sortedCopy(values), min, max);
}

/**
 * exactStats, and the values in ascending order it read them in, which
 * findOutliers can take to find the median absolute deviation without
 * copying and selecting again.
 */
export function exactStatsAndOrder(values: readonly number[], min: number, max: number): { stats: SeriesStats; sorted: ArrayLike<number> } {
  const sorted = sortedCopy(values);
  return { stats: exactStatsOfSorted(sorted, min, max), sorted };
}

/**
 * exactStats of values in ascending order (sortedCopy's, or sortedForReading's work area): for a
 * caller that keeps the order for findOutliers itself (buildSeries, once per series).
 */
export function exactStatsOfSorted(sorted: ArrayLike<number>, min: number, max: number): SeriesStats {
  if (sorted.length === 1) return statsOfOne(sorted[0] as number, min, max);
  // simple-statistics reads an array by index and length only, so a typed array serves.
  const m = mean(sorted as number[]);
  const sd = sorted.length > 1 ? standardDeviation(sorted, m) : null;
  return withPercentiles(sorted, sorted.length, m, sd, min, max, false);
}

/**
 * The statistics of a single value, as simple-statistics gives them: its mean
 * is its sum, `value + 0` (so -0 reads 0), over 1, and every quantile of one
 * value is the value. A fifth of a tree's series hold one value (a Markdown
 * table's cell): they are neither copied nor sorted.
 */
function statsOfOne(value: number, min: number, max: number): SeriesStats {
  const m = (value + 0) / 1;
  return { n: 1, mean: m, sd: null, cv: coefficientOfVariation(m, null), min, p50: value, p95: value, p99: value, max, approximate: false };
}

/** Squares of values beyond these underflow to 0 or overflow to Infinity, and the sd with them. */
const TINY = 1e-100;
const HUGE = 1e100;

/** Whether values of this magnitude must be scaled before they are squared. */
function needsScaling(scale: number): boolean {
  return scale > 0 && Number.isFinite(scale) && (scale < TINY || scale > HUGE);
}

/**
 * The sample standard deviation of values in ascending order. Values whose
 * squares leave the range of a double (1e-170 s, 1e200) are scaled by the
 * largest magnitude first, so their spread is not shown as ± 0 or ± ∞.
 */
function standardDeviation(sorted: ArrayLike<number>, m: number): number {
  const scale = Math.max(Math.abs(sorted[0] as number), Math.abs(sorted[sorted.length - 1] as number));
  // sampleStandardDeviation(sorted), whose mean of the values is `m`: the same number, not summed again.
  if (!needsScaling(scale)) return Math.sqrt(squaredDeviations(sorted, m) / (sorted.length - 1));
  const scaled = Array.from(sorted, (v) => v / scale);
  return sampleStandardDeviation(scaled) * scale;
}

/**
 * simple-statistics' sumNthPowerDeviations(x, 2) step for step, given the
 * mean it would find (mean(x)): the same sum, one pass over the values less
 * for every series with two values or more.
 */
function squaredDeviations(x: ArrayLike<number>, m: number): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const d = (x[i] as number) - m;
    sum += d * d;
  }
  return sum;
}

/**
 * The values in ascending order. A Float64Array sorts numbers without a
 * comparator call per step, 2-4× faster than the comparator from about eight
 * values on; it would put -0 before 0 and NaN last where the comparator keeps
 * arrival order, so values holding either take the comparator (the same
 * numbers either way otherwise). Fewer than FEW values are put in order by
 * fewInOrder; a single value is its own order, not copied (the caller only
 * reads it).
 */
export function sortedCopy(values: readonly number[]): ArrayLike<number> {
  if (values.length === 1) return values;
  if (values.length < FEW) return fewInOrder(values) ?? byComparator(values);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v === 0 || v !== v) return byComparator(values);
  }
  return new Float64Array(values).sort();
}

/**
 * sortedCopy's order of `values`, for a caller that reads it at once and keeps
 * nothing of it (buildSeries: one series' statistics and outliers). Fewer than
 * FEW values are put in order in a work area kept for their count, which the
 * next call overwrites: most series hold two to twenty values, and a typed
 * array made for each (a buffer outside the heap from nine values on) was
 * most of the cost of their statistics and of what the collector cleared.
 */
export function sortedForReading(values: readonly number[]): ArrayLike<number> {
  if (values.length === 1 || values.length >= FEW) return sortedCopy(values);
  // Its own length per count: simple-statistics reads `length`, so a longer area would not serve.
  const area = (workAreas[values.length] ??= new Float64Array(values.length));
  return fewInOrderInto(values, area) ? area : byComparator(values);
}

/** The work areas of sortedForReading, by count of values: fewer than FEW, each of a few doubles. */
const workAreas: Float64Array[] = [];

/** The values sorted by `a - b`: stable, so -0 and 0 keep their arrival order. */
function byComparator(values: readonly number[]): number[] {
  return values.slice().sort(ascending);
}

const ascending = (a: number, b: number) => a - b;

/**
 * Below this many values, putting them in place one by one (fewInOrder) beats
 * a typed array's sort, whose call costs more than the few steps it saves:
 * measured 20-40% faster for 8 to 24 random values, and still as fast for 23
 * values in reverse order (insertion's worst case).
 */
const FEW = 24;

/**
 * A few finite values in ascending order, put in place one by one in a typed
 * array: Array.prototype.sort allocates a work area on every call, which for
 * the two to twenty values of most series costs more than the sort, and is
 * most of what the garbage collector clears on a tree of small files. Equal
 * values (-0 and 0 among them) keep their arrival order, as the stable sort
 * with `a - b` keeps them, so the order is the same; with NaN or an infinity,
 * where `a - b` is no order, undefined (the caller sorts as before). The
 * loop is labelKey's, kept apart on purpose: one function shared by a
 * Float64Array and an array of strings is polymorphic, and measured 8%
 * slower on the 10,000-file tree.
 */
function fewInOrder(values: readonly number[]): Float64Array | undefined {
  const sorted = new Float64Array(values.length);
  return fewInOrderInto(values, sorted) ? sorted : undefined;
}

/** fewInOrder into `sorted`, of the values' length; false (and `sorted` half written) with a NaN or an infinity. */
function fewInOrderInto(values: readonly number[], sorted: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (!Number.isFinite(value)) return false;
    let j = i - 1;
    for (; j >= 0 && (sorted[j] as number) > value; j--) sorted[j + 1] = sorted[j] as number;
    sorted[j + 1] = value;
  }
  return true;
}

function withPercentiles(sorted: ArrayLike<number>, n: number, m: number, sd: number | null, min: number, max: number, approximate: boolean): SeriesStats {
  return {
    n,
    mean: m,
    sd,
    cv: coefficientOfVariation(m, sd),
    min,
    p50: quantileSorted(sorted as number[], 0.5),
    p95: quantileSorted(sorted as number[], 0.95),
    p99: quantileSorted(sorted as number[], 0.99),
    max,
    approximate,
  };
}

/** Statistics a file stated itself; nothing is invented for what it left out. */
export function statsFromSummary(summary: ProvidedSummary): SeriesStats | undefined {
  const center = summary.mean ?? summary.median ?? summary.percentiles?.[50];
  if (center === undefined) return undefined;
  const sd = summary.sd ?? null;
  const stats: SeriesStats = {
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
  // A single value is its own mean and median; otherwise a median stands in for the mean only as the center.
  if (summary.mean === undefined && stats.n !== 1) stats.center = 'median';
  // Most summaries state no rank beyond those three: the others are gathered only when there are some.
  if (summary.percentiles !== undefined && holdsOtherRanks(summary.percentiles)) stats.percentiles = otherPercentiles(summary.percentiles);
  return stats;
}

/** The ranks with a field of their own in the statistics. */
const hasOwnField = (rank: number) => rank === 50 || rank === 95 || rank === 99;

function holdsOtherRanks(percentiles: Record<number, number>): boolean {
  for (const rank of Object.keys(percentiles)) if (!hasOwnField(Number(rank))) return true;
  return false;
}

/** The percentiles without a field of their own, by rank. */
function otherPercentiles(percentiles: Record<number, number>): Record<string, number> {
  const others = Object.entries(percentiles)
    .map(([rank, value]) => [Number(rank), value] as const)
    .filter(([rank]) => !hasOwnField(rank))
    .sort((a, b) => a[0] - b[0]);
  return Object.fromEntries(others.map(([rank, value]) => [String(rank), value]));
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
 * Below four samples nothing is called an outlier. `knownMedian`: the samples'
 * median when the caller has it (a complete series' p50 is the same number).
 */
export function findOutliers(samples: readonly number[], knownMedian?: number, sorted?: ArrayLike<number>): Outlier[] {
  if (samples.length < 4) return [];
  const med = knownMedian ?? median(samples as number[]);
  let mad = sorted && knownMedian !== undefined ? madOfSorted(sorted, med) : undefined;
  let deviations: number[] | undefined;
  if (mad === undefined) {
    deviations = samples.map((x) => Math.abs(x - med));
    mad = median(deviations);
  }
  const scale = mad > 0 ? mad / 0.6745 : (1.253314 * mean(deviations ?? samples.map((x) => Math.abs(x - med))));
  if (scale === 0) return [];
  const outliers: Outlier[] = [];
  // A loop, not forEach: no closure per series. A hole (never in a series' samples) is no outlier either way.
  for (let index = 0; index < samples.length; index++) {
    const value = samples[index] as number;
    if (Math.abs(value - med) / scale > OUTLIER_Z) outliers.push({ index, value });
  }
  return outliers;
}

/**
 * The median of |x − med| over values already in ascending order, the same
 * number simple-statistics' median gives for the deviations: the deviations
 * grow outwards from `med` on both sides, so the middle ones are found by
 * walking out from it, without copying. Only for a Float64Array of finite
 * values (sortedCopy makes one only without NaN); undefined otherwise.
 */
function madOfSorted(sorted: ArrayLike<number>, med: number): number | undefined {
  const n = sorted.length;
  if (!(sorted instanceof Float64Array) || n === 0 || !Number.isFinite(med) || !Number.isFinite(sorted[0] as number) || !Number.isFinite(sorted[n - 1] as number)) return undefined;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < med) lo = mid + 1;
    else hi = mid;
  }
  let right = lo;
  let left = lo - 1;
  // As quantileSorted(…, 0.5) reads the sorted deviations: (n − 1) / 2, interpolated between its neighbours.
  const idx = (n - 1) * 0.5;
  const lower = Math.floor(idx);
  const upper = Math.ceil(idx);
  let a = 0;
  let b = 0;
  for (let k = 0; k <= upper; k++) {
    const dl = left >= 0 ? Math.abs((sorted[left] as number) - med) : Number.POSITIVE_INFINITY;
    const dr = right < n ? Math.abs((sorted[right] as number) - med) : Number.POSITIVE_INFINITY;
    let d: number;
    if (dl <= dr) {
      d = dl;
      left--;
    } else {
      d = dr;
      right++;
    }
    if (k === lower) a = d;
    b = d;
  }
  return idx % 1 !== 0 ? a + (idx - lower) * (b - a) : a;
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
  // Squares of tiny or huge values leave the range of a double (see standardDeviation): pool them scaled.
  const scale = Math.max(0, ...groups.map((g) => Math.max(Math.abs(g.mean), g.sd ?? 0)));
  if (needsScaling(scale)) {
    const pooled = poolMomentsAsGiven(groups.map((g) => ({ n: g.n, mean: g.mean / scale, sd: g.sd === null ? null : g.sd / scale })));
    return { n: pooled.n, mean: pooled.mean * scale, sd: pooled.sd === null ? null : pooled.sd * scale };
  }
  return poolMomentsAsGiven(groups);
}

function poolMomentsAsGiven(groups: readonly Moments[]): Moments {
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
