/**
 * Lasting shifts in a sequence of per-run means (the default-branch history):
 * binary segmentation with a two-window test.
 *
 * Method. For a stretch of m runs, every split leaving at least `minWindow`
 * runs on each side is a candidate; each is scored by Student's two-sample t
 * with the pooled variance of both windows (df = m − 2). The best split
 * counts when its two-sided p-value times the number of candidates
 * (Bonferroni) is below `alpha`, so on a stretch with no change — independent
 * normal run-to-run noise — a false change point is reported with probability
 * at most `alpha` (1% by default) per metric per evaluation. Found splits are
 * looked for again inside each side (binary segmentation); those searches
 * only run after a first detection, so they do not raise that rate.
 *
 * A split also has to hold: every run of its shorter window must lie on that
 * window's side of the midpoint between the two levels ("and stayed there").
 * A single outlying run therefore cannot make a change point: a window of at
 * least three runs that holds it also holds runs at the old level. (The
 * pooled t alone would not be enough near the ends of a long history, where
 * one huge outlier in a three-run window can reach significance.)
 * A steady slope also splits significantly; when a straight line (two
 * parameters) fits the series better than all the steps found together
 * (smaller residual sum of squares), it is reported as a drift instead.
 * Known limit of binary segmentation: a dip that recovered within the window
 * can go unreported when neither side of any single split stands out.
 */
import { studentTCdf } from './statistics.js';

export const CHANGE_POINT_ALPHA = 0.01;
export const CHANGE_POINT_MIN_WINDOW = 3;

export interface ChangePointOptions {
  alpha?: number;
  minWindow?: number;
}

export interface Segment {
  /** First index (inclusive) and end (exclusive). */
  start: number;
  end: number;
  mean: number;
}

export interface Step {
  /** Index of the first run at the new level. */
  index: number;
  before: number;
  after: number;
  /** Bonferroni-adjusted two-sided p-value. */
  p: number;
}

export interface Drift {
  /** Fitted values at the first and last run. */
  start: number;
  end: number;
  /** Two-sided p-value of the best split that flagged the stretch (Bonferroni-adjusted). */
  p: number;
}

export interface ChangeAnalysis {
  kind: 'none' | 'steps' | 'drift';
  /** Stretches at one level (one segment when nothing changed or the series drifts). */
  segments: Segment[];
  steps: Step[];
  drift?: Drift;
  /** Run-to-run variance left after the steps or the drift are taken out, and its degrees of freedom. */
  residualVariance: number;
  df: number;
}

function meanOf(values: readonly number[], start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += values[i] as number;
  return sum / (end - start);
}

function sumOfSquares(values: readonly number[], start: number, end: number, mean: number): number {
  let ss = 0;
  for (let i = start; i < end; i++) ss += ((values[i] as number) - mean) ** 2;
  return ss;
}

interface Split {
  index: number;
  p: number;
  /** Residual sum of squares of the two-level fit. */
  rss: number;
}

/** Every run of the window [from, to) lies on its own side of the midpoint of the two levels. */
function holds(values: readonly number[], from: number, to: number, before: number, after: number, windowIsBefore: boolean): boolean {
  if (before === after) return false;
  const mid = (before + after) / 2;
  const own = windowIsBefore ? before : after;
  for (let i = from; i < to; i++) {
    const v = values[i] as number;
    if (own > mid ? v <= mid : v >= mid) return false;
  }
  return true;
}

/** The most significant split of values[start, end), Bonferroni-adjusted; undefined when the stretch is too short. */
function bestSplit(values: readonly number[], start: number, end: number, minWindow: number): Split | undefined {
  const m = end - start;
  const candidates = m - 2 * minWindow + 1;
  if (candidates < 1) return undefined;
  let best: Split | undefined;
  for (let tau = start + minWindow; tau <= end - minWindow; tau++) {
    const a = meanOf(values, start, tau);
    const b = meanOf(values, tau, end);
    const rss = sumOfSquares(values, start, tau, a) + sumOfSquares(values, tau, end, b);
    const na = tau - start;
    const nb = end - tau;
    if (!holds(values, na <= nb ? start : tau, na <= nb ? tau : end, a, b, na <= nb)) continue;
    const df = m - 2;
    let p: number;
    if (rss === 0) p = a === b ? 1 : 0;
    else {
      const t = (b - a) / Math.sqrt((rss / df) * (1 / na + 1 / nb));
      p = 2 * studentTCdf(-Math.abs(t), df);
    }
    if (!best || p < best.p || (p === best.p && rss < best.rss)) best = { index: tau, p, rss };
  }
  return best && { ...best, p: Math.min(1, best.p * candidates) };
}

function segmentation(values: readonly number[], start: number, end: number, alpha: number, minWindow: number, out: Step[], first?: Split): void {
  const split = first ?? bestSplit(values, start, end, minWindow);
  if (!split || split.p >= alpha) return;
  out.push({ index: split.index, before: meanOf(values, start, split.index), after: meanOf(values, split.index, end), p: split.p });
  segmentation(values, start, split.index, alpha, minWindow, out);
  segmentation(values, split.index, end, alpha, minWindow, out);
}

/** Least-squares line through values[0, n): fitted start and end, and the residual sum of squares. */
function lineFit(values: readonly number[]): { start: number; end: number; rss: number } {
  const n = values.length;
  const xMean = (n - 1) / 2;
  const yMean = meanOf(values, 0, n);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - xMean) * ((values[i] as number) - yMean);
    sxx += (i - xMean) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const at = (i: number) => yMean + slope * (i - xMean);
  let rss = 0;
  for (let i = 0; i < n; i++) rss += ((values[i] as number) - at(i)) ** 2;
  return { start: at(0), end: at(n - 1), rss };
}

/** Steps, a drift or nothing in `values` (oldest first). */
export function detectChanges(values: readonly number[], options: ChangePointOptions = {}): ChangeAnalysis {
  const alpha = options.alpha ?? CHANGE_POINT_ALPHA;
  const minWindow = options.minWindow ?? CHANGE_POINT_MIN_WINDOW;
  const n = values.length;
  const whole = (): ChangeAnalysis => {
    const mean = n > 0 ? meanOf(values, 0, n) : Number.NaN;
    return { kind: 'none', segments: n > 0 ? [{ start: 0, end: n, mean }] : [], steps: [], residualVariance: n > 1 ? sumOfSquares(values, 0, n, mean) / (n - 1) : 0, df: Math.max(0, n - 1) };
  };
  const first = bestSplit(values, 0, n, minWindow);
  if (!first || first.p >= alpha) return whole();
  const steps: Step[] = [];
  segmentation(values, 0, n, alpha, minWindow, steps, first);
  steps.sort((a, b) => a.index - b.index);
  const bounds = [0, ...steps.map((s) => s.index), n];
  const segments: Segment[] = [];
  let rss = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i] as number;
    const end = bounds[i + 1] as number;
    const mean = meanOf(values, start, end);
    segments.push({ start, end, mean });
    rss += sumOfSquares(values, start, end, mean);
  }
  // A slope cut into stairs leaves each stair tilted; a straight line then fits better than all the steps together.
  const line = lineFit(values);
  if (n > 2 && line.rss < rss) {
    return {
      kind: 'drift',
      segments: [{ start: 0, end: n, mean: meanOf(values, 0, n) }],
      steps: [],
      drift: { start: line.start, end: line.end, p: first.p },
      residualVariance: line.rss / (n - 2),
      df: n - 2,
    };
  }
  // Each step's before/after are the levels of its neighbouring segments, not of the stretch it was found in.
  const finalSteps = steps.map((s, i) => ({ ...s, before: (segments[i] as Segment).mean, after: (segments[i + 1] as Segment).mean }));
  const df = n - segments.length;
  return { kind: 'steps', segments, steps: finalSteps, residualVariance: df > 0 ? rss / df : 0, df };
}
